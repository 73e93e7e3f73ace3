// Names of elements as people meet them: their text (with the alternatives of images inside),
// else aria-labelledby / aria-label / title.
//
// Not the full accessible name (accname), on purpose. dom-accessibility-api 0.7.1
// (computeAccessibleName) was tried here and kept out; it differs in these cases:
// - by design, it folds in what the facts keep apart: an <img> or <input type=image> alt and an
//   svg's <title> become the name, so ImageFact.ariaName (the name given besides alt) would
//   repeat alt (tests/unit/page/snapshot/links-images-counts « images » failed); a heading's
//   aria-label wins over its visible text (givenName is only asked when there is none);
// - it needs a window: on a parsed export (Google Docs, DOMParser) it throws « no window
//   available » (two google-docs tests failed), and in the page it asks getComputedStyle of
//   every node it walks, unbounded (contentText stops at `max`);
// - where it follows the spec and this code does not, inside aria-labelledby: a referenced
//   element's own aria-label wins over its text (« Nom », not « texte »); hidden children of a
//   referenced element are left out (« A », not « A B »); embedded controls give their value
//   (« Quantité 3 », « Ville Lyon »); a repeated id counts once (« Bonjour », not « Bonjour Bonjour »).
// It would also have added 12.3 kB (3.6 kB gzipped) to analyzer.js.
import { collapseSpaces, NON_TEXT_TAGS } from './text';

/** Text content plus the alt of images inside, whitespace collapsed, bounded. */
export function contentText(el: Element, max = 2_000): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): void => {
    if (length >= max) return;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      parts.push(t);
      length += t.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    const tag = child.localName;
    if (NON_TEXT_TAGS.has(tag)) return;
    if (tag === 'img' || (tag === 'input' && (child as HTMLInputElement).type === 'image') || tag === 'area') {
      const alt = child.getAttribute('alt');
      if (alt) parts.push(` ${alt} `);
      return;
    }
    if (tag === 'svg') {
      const label = child.getAttribute('aria-label') ?? child.querySelector('title')?.textContent ?? '';
      if (label) parts.push(` ${label} `);
      return;
    }
    for (let c = child.firstChild; c; c = c.nextSibling) visit(c);
  };
  for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
  return collapseSpaces(parts.join('')).trim();
}

/** Text of the elements aria-labelledby points at, joined, or null. */
export function labelledByText(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby')?.trim();
  if (!ids) return null;
  const doc = el.ownerDocument;
  const text = ids
    .split(/\s+/)
    .map((id) => doc.getElementById(id))
    .filter((e): e is HTMLElement => !!e)
    .map((e) => contentText(e))
    .join(' ')
    .trim();
  return text || null;
}

/** aria-labelledby, aria-label, then title: the name an element is given besides its content. */
export function givenName(el: Element): string | null {
  const labelled = labelledByText(el);
  if (labelled) return labelled;
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return collapseSpaces(label);
  const title = el.getAttribute('title')?.trim();
  return title ? collapseSpaces(title) : null;
}
