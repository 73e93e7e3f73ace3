// Text helpers shared by the snapshot collectors (page side) and the export adapters (panel side).

/** Cut a raw string (no whitespace change) to `max` code units, with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Cut a URL to `max` characters (never adds an ellipsis: a cut URL stays a URL-looking string). */
export function cutUrl(url: string, max: number): string {
  return url.length <= max ? url : url.slice(0, max);
}

/** Lines trimmed, inner runs of spaces collapsed, at most one empty line in a row. */
export function tidyLines(text: string): string {
  const out: string[] = [];
  let blank = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[ \t\f\r]+/g, ' ').trim();
    if (line === '') {
      blank += 1;
      if (blank === 1 && out.length > 0) out.push('');
    } else {
      blank = 0;
      out.push(line);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** HTML collapses ASCII whitespace only: no-break spaces (« 1 234 ») are kept verbatim. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n += 1;
  return n;
}

/** Elements laid out as blocks by browsers' default style sheet (for documents without layout). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/** Text of elements never shown as text. */
export const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'canvas', 'video', 'audio', 'textarea', 'select', 'option', 'datalist']);

/**
 * Text of an element with line breaks between blocks, from tag names only (for documents with no
 * layout: a Readability result, a parsed export). Stops once `max` characters are gathered.
 */
export function blockText(root: Element, max = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): void => {
    if (length >= max) return;
    if (node.nodeType === 3) {
      const text = collapseSpaces(node.nodeValue ?? '');
      if (text.trim() !== '' || (text === ' ' && parts.length > 0)) {
        parts.push(text);
        length += text.length;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (NON_TEXT_TAGS.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (tag === 'td' || tag === 'th') parts.push(' ');
    if (block) parts.push('\n');
  };
  visit(root);
  return tidyLines(parts.join(''));
}
