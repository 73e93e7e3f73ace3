// Short, unique-enough CSS selectors and text snippets for elements a finding points at.
// Runs in the page (isolated world).

const MAX_DEPTH = 8;

function escape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/**
 * While a snapshot is read the page does not change, so each parent's children are numbered once
 * and the page's ids are counted once: building the selectors of every kept element then costs
 * time in proportion to the page, not to the page times the widest sibling list or the ids asked.
 */
interface SelectorCache {
  steps: WeakMap<Element, string>;
  /** How many elements carry each id, per document, counted on the first question. */
  idCounts: WeakMap<Document, Map<string, number>>;
}
let cache: SelectorCache | null = null;

/** Runs `read` (synchronous: the page must not change meanwhile) with selectors computed through one cache. */
export function withSelectorCache<T>(read: () => T): T {
  if (cache) return read();
  cache = { steps: new WeakMap(), idCounts: new WeakMap() };
  try {
    return read();
  } finally {
    cache = null;
  }
}

/** In quirks mode `#id` matches ids whatever their ASCII case, so they are counted that way. */
const idKey = (doc: Document, id: string): string => (doc.compatMode === 'BackCompat' ? id.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : id);

/** Whether `#id` picks exactly one element of the page. */
function uniqueId(doc: Document, id: string): boolean {
  if (!cache) return doc.querySelectorAll(`#${escape(id)}`).length === 1;
  let counts = cache.idCounts.get(doc);
  if (!counts) {
    counts = new Map();
    for (const el of Array.from(doc.querySelectorAll('[id]'))) {
      const key = idKey(doc, el.id);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    cache.idCounts.set(doc, counts);
  }
  return counts.get(idKey(doc, id)) === 1;
}

const stepFor = (tag: string, position: number, sameTag: number) => (sameTag > 1 ? `${tag}:nth-of-type(${position})` : tag);

/** `tag` or `tag:nth-of-type(n)` for `node` among its siblings, walking them without copying the list. */
function step(node: Element, parent: Element): string {
  if (cache) {
    const known = cache.steps.get(node);
    if (known) return known;
    const counts = new Map<string, number>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) counts.set(c.localName, (counts.get(c.localName) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const position = (seen.get(c.localName) ?? 0) + 1;
      seen.set(c.localName, position);
      cache.steps.set(c, stepFor(c.localName, position, counts.get(c.localName)!));
    }
    return cache.steps.get(node) ?? node.localName;
  }
  const tag = node.localName;
  let position = 1;
  for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === tag) position++;
  let later = false;
  for (let s = node.nextElementSibling; s && !later; s = s.nextElementSibling) later = s.localName === tag;
  return stepFor(tag, position, later ? 2 : position);
}

/** A selector for `el`: its id when unique, else a path of tag:nth-of-type steps from the nearest id or the body. */
export function cssPath(el: Element): string {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1 && steps.length < MAX_DEPTH) {
    const tag = node.localName;
    if (node.id && uniqueId(doc, node.id)) {
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
    steps.unshift(step(node, parent));
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
