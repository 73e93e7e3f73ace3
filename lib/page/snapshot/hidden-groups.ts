// What the two readings of visibility share — the live page's computed styles (visibility.ts)
// and a parsed export's declared styles (declared-visibility.ts): hidden text grouped under the
// outermost element of each run of hidden elements, and the visible text of a subtree.
import type { HiddenReason } from '../facts';
import { collapseSpaces, tidyLines } from './text';

export interface HiddenGroup {
  owner: Element;
  reasons: Set<HiddenReason>;
  parts: string[];
  length: number;
}

/** How one reading of visibility sees each element. */
export interface ElementView {
  /** Text inside is never page text (script, style, head, svg title…). */
  ignored(el: Element): boolean;
  /** Hidden with its whole subtree (display: none, opacity 0…). */
  blocked(el: Element): boolean;
  /** Why the text directly inside is hidden from sighted visitors; empty when it is seen. */
  reasonsOf(el: Element): readonly HiddenReason[];
  /** Its CSS display value. */
  display(el: Element): string;
}

/** A text node met in a SHOW_ELEMENT|SHOW_TEXT walk from <html>, at `position` in that walk. */
export interface WalkedText {
  node: Text;
  parent: Element;
  position: number;
}

const GROUP_TEXT_MAX = 4_000;

/** Hidden text nodes grouped by owner, in document order, and their walk positions (for the clone given to Readability). */
export function groupHidden(texts: readonly WalkedText[], view: ElementView, root: Element): { groups: HiddenGroup[]; hiddenTextPositions: Set<number> } {
  const owners = new Map<Element, Element>();
  const ownerOf = (el: Element): Element => {
    const known = owners.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const owner = parent && parent !== root && view.reasonsOf(parent).length > 0 ? ownerOf(parent) : el;
    owners.set(el, owner);
    return owner;
  };
  const groups = new Map<Element, HiddenGroup>();
  const hiddenTextPositions = new Set<number>();
  for (const { node, parent, position } of texts) {
    const reasons = view.reasonsOf(parent);
    if (reasons.length === 0) continue;
    hiddenTextPositions.add(position);
    const owner = ownerOf(parent);
    let group = groups.get(owner);
    if (!group) {
      group = { owner, reasons: new Set(view.reasonsOf(owner)), parts: [], length: 0 };
      groups.set(owner, group);
    }
    for (const r of reasons) group.reasons.add(r);
    if (group.length < GROUP_TEXT_MAX) {
      const text = collapseSpaces(node.nodeValue ?? '').trim();
      group.parts.push(text);
      group.length += text.length + 1;
    }
  }
  return { groups: [...groups.values()], hiddenTextPositions };
}

/** Text of the visible part of `start`, blocks on their own lines, up to ~`max` characters. */
export function visibleTextOf(view: ElementView, start: Element, max = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): void => {
    if (length >= max) return;
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (!parent || view.ignored(parent) || view.reasonsOf(parent).length > 0) return;
      const text = collapseSpaces(node.nodeValue ?? '');
      if (text === '' || (text === ' ' && parts.length === 0)) return;
      parts.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (view.ignored(el) || view.blocked(el)) return;
    if (el.localName === 'br') {
      parts.push('\n');
      return;
    }
    const d = view.display(el);
    const block = !(d.startsWith('inline') || d === 'contents' || d === 'table-cell' || d === 'ruby' || d === 'ruby-text');
    if (block) parts.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (d === 'table-cell') parts.push(' ');
    if (block) parts.push('\n');
  };
  visit(start);
  return tidyLines(parts.join(''));
}
