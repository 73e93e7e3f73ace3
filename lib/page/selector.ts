// Short, unique-enough CSS selectors and text snippets for elements a finding points at.
// Runs in the page (isolated world).

const MAX_DEPTH = 8;

function escape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/**
 * `tag:nth-of-type(n)`, or `tag` when no sibling shares the tag. Walks the siblings rather than
 * copying the parent's children: a Docs export puts thousands of paragraphs directly in <body>.
 */
function ofType(node: Element, tag: string): string {
  let index = 1;
  for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === tag) index += 1;
  if (index > 1) return `${tag}:nth-of-type(${index})`;
  for (let s = node.nextElementSibling; s; s = s.nextElementSibling) if (s.localName === tag) return `${tag}:nth-of-type(1)`;
  return tag;
}

/** A selector for `el`: its id when unique, else a path of tag:nth-of-type steps from the nearest id or the body. */
export function cssPath(el: Element): string {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1 && steps.length < MAX_DEPTH) {
    const tag = node.localName;
    if (node.id && doc.querySelectorAll(`#${escape(node.id)}`).length === 1) {
      steps.unshift(`#${escape(node.id)}`);
      return steps.join(' > ');
    }
    if (tag === 'html' || tag === 'body') {
      steps.unshift(tag);
      return steps.join(' > ');
    }
    const parent: Element | null = node.parentElement;
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    steps.unshift(ofType(node, tag));
    node = parent;
  }
  return steps.join(' > ');
}

/** The element's opening tag, as text, cut to `max` characters. */
export function openingTag(el: Element, max = 300): string {
  const html = el.outerHTML;
  const end = html.indexOf('>');
  const tag = end >= 0 ? html.slice(0, end + 1) : html;
  return tag.length > max ? `${tag.slice(0, max - 1)}…` : tag;
}

/** Whitespace-collapsed text, cut to `max` characters (on a code point boundary). */
export function clip(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = [...collapsed];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : collapsed;
}
