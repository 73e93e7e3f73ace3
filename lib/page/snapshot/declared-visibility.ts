// Visibility of a parsed document that has no layout — a Google Docs HTML export — from the
// styles it declares (declared-styles.ts), inherited down the tree as a browser would: text
// hidden by display:none, visibility:hidden, zero opacity or a transparent colour, text coloured
// like what is painted behind it (its own highlight, a table cell, the page colour, white when
// none: the WCAG contrast ratio below SAME_COLOUR_RATIO, as on web pages), and text of 2 pt or
// less. An element whose every text is hidden (a white paragraph made of several runs) is hidden
// as a whole, so that it is listed once and a heading made of hidden runs is a hidden heading.
import type { HiddenReason } from '../facts';
import { contrast, over, parseColour, SAME_COLOUR_RATIO, WHITE, type Rgba } from './colour';
import { declaredStyles, type Declared } from './declared-styles';
import { groupHidden, visibleTextOf, type ElementView, type WalkedText } from './hidden-groups';
import { BLOCK_TAGS, NON_TEXT_TAGS } from './text';
import type { Visibility } from './visibility';

/** Text this size or smaller cannot be read (the issue's « 2 pt or less »; Google Docs goes down to 1 pt). */
export const TINY_FONT_PT = 2;
/** Browsers' default font size (16 px), in points. */
const DEFAULT_PT = 12;
const IGNORED_TAGS = new Set([...NON_TEXT_TAGS, 'desc', 'metadata']);
const NONE: readonly HiddenReason[] = [];

interface State {
  readonly ignored: boolean;
  /** Reasons hiding the whole subtree; empty when none. */
  readonly blockReasons: readonly HiddenReason[];
  readonly display: string;
  /** Inherited text colour; null when unknown. */
  readonly colour: Rgba | null;
  readonly fontPt: number;
  readonly hidden: boolean;
  /** Product of the opacities down to here. */
  readonly opacity: number;
  /** What is painted behind the text; null when an image makes it unknown. */
  readonly background: Rgba | null;
  readonly shadowed: boolean;
  /** Why the element's own text is hidden. */
  readonly textReasons: readonly HiddenReason[];
}

const ROOT: State = { ignored: false, blockReasons: NONE, display: 'block', colour: { r: 0, g: 0, b: 0, a: 1 }, fontPt: DEFAULT_PT, hidden: false, opacity: 1, background: WHITE, shadowed: false, textReasons: NONE };
const IGNORED: State = { ...ROOT, ignored: true, display: 'none' };

const KEYWORD_PX: Record<string, number> = { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32, 'xxx-large': 48 };
const UNIT_PT: Record<string, number> = { pt: 1, px: 0.75, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, q: 72 / 101.6, pc: 12 };
/** Browsers' default sizes for headings and small text, relative to the parent's. */
const TAG_EM: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h5: 0.83, h6: 0.67, small: 0.83, sub: 0.83, sup: 0.83 };

function defaultDisplay(tag: string): string {
  if (tag === 'td' || tag === 'th') return 'table-cell';
  if (tag === 'tr') return 'table-row';
  if (tag === 'table') return 'table';
  if (tag === 'li') return 'list-item';
  return BLOCK_TAGS.has(tag) ? 'block' : 'inline';
}

/** A declared font-size in points, from the parent's; the parent's when it cannot be read (calc()…). */
export function fontSizePt(value: string | undefined, parentPt: number, rootPt = DEFAULT_PT): number {
  if (!value) return parentPt;
  const v = value.trim().toLowerCase();
  if (v in KEYWORD_PX) return KEYWORD_PX[v]! * 0.75;
  if (v === 'smaller') return parentPt / 1.2;
  if (v === 'larger') return parentPt * 1.2;
  const m = /^(-?[\d.]+(?:e-?\d+)?)(pt|px|in|cm|mm|q|pc|em|rem|%)?$/.exec(v);
  if (!m) return parentPt;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return parentPt;
  const unit = m[2] ?? (n === 0 ? 'px' : '');
  if (unit === 'em') return n * parentPt;
  if (unit === 'rem') return n * rootPt;
  if (unit === '%') return (n / 100) * parentPt;
  return unit in UNIT_PT ? n * UNIT_PT[unit]! : parentPt;
}

function opacityOf(value: string | undefined): number {
  if (!value) return 1;
  const n = parseFloat(value);
  if (!Number.isFinite(n)) return 1;
  return value.trim().endsWith('%') ? n / 100 : n;
}

/**
 * Colours the browser's own style sheet gives an element, which a colour inherited from an author
 * rule on a parent does not override: a link is drawn blue inside a white run, a <mark> yellow.
 */
const UA_COLOUR: Record<string, Rgba> = { a: { r: 0, g: 0, b: 238, a: 1 }, mark: { r: 0, g: 0, b: 0, a: 1 } };
const UA_BACKGROUND: Record<string, Rgba> = { mark: { r: 255, g: 255, b: 0, a: 1 } };

function uaColour(el: Element): Rgba | undefined {
  if (el.localName === 'a' && !el.hasAttribute('href')) return undefined;
  return UA_COLOUR[el.localName];
}

function colourOf(value: string | undefined, inherited: Rgba | null, ua?: Rgba): Rgba | null {
  if (!value) return ua ?? inherited;
  const v = value.trim().toLowerCase();
  if (v === 'inherit' || v === 'unset' || v === 'currentcolor') return inherited;
  if (v === 'initial') return ROOT.colour;
  return parseColour(v);
}

function backgroundOf(d: Declared, colour: Rgba | null, inherited: Rgba | null, ua?: Rgba): Rgba | null {
  const image = d['background-image']?.trim().toLowerCase();
  if (image && image !== 'none' && image !== 'initial') return null;
  const value = d['background-color']?.trim().toLowerCase();
  if (!value) return ua ?? inherited;
  if (value === 'inherit' || value === 'unset' || value === 'initial') return inherited;
  const bg = value === 'currentcolor' ? colour : parseColour(value);
  if (!bg) return value === 'transparent' ? inherited : null;
  if (bg.a <= 0) return inherited;
  if (bg.a >= 1) return bg;
  return inherited ? over(bg, inherited) : null;
}

/** Why text with these inherited properties cannot be seen. */
function textReasonsOf(s: Omit<State, 'textReasons'>): readonly HiddenReason[] {
  const reasons: HiddenReason[] = [];
  if (s.hidden) reasons.push('visibility-hidden');
  if (s.fontPt <= TINY_FONT_PT + 1e-6) reasons.push('tiny-font');
  const fill = s.colour;
  if (fill && fill.a * s.opacity <= 0.02) reasons.push('transparent');
  else if (fill && s.background && !s.shadowed && contrast(over({ ...fill, a: fill.a * s.opacity }, s.background), s.background) < SAME_COLOUR_RATIO) {
    reasons.push('same-colour-as-background');
  }
  return reasons;
}

function stateOf(el: Element, parent: State, d: Declared, rootPt: number): State {
  if (parent.ignored || IGNORED_TAGS.has(el.localName)) return IGNORED;
  if (parent.blockReasons.length > 0) return parent;
  const display = d.display?.trim().toLowerCase() || (el.hasAttribute('hidden') ? 'none' : defaultDisplay(el.localName));
  const opacity = parent.opacity * opacityOf(d.opacity);
  const blockReasons: HiddenReason[] = [];
  if (display === 'none') blockReasons.push('display-none');
  if (opacity <= 0.01) blockReasons.push('transparent');
  const base = d['font-size'] ? parent.fontPt : parent.fontPt * (TAG_EM[el.localName] ?? 1);
  const colour = colourOf(d.color, parent.colour, uaColour(el));
  const visibility = d.visibility?.trim().toLowerCase();
  const shadow = d['text-shadow']?.trim().toLowerCase();
  const partial = {
    ignored: false,
    blockReasons,
    display,
    colour,
    fontPt: fontSizePt(d['font-size'], base, rootPt),
    hidden: visibility === 'hidden' || visibility === 'collapse' ? true : visibility === 'visible' ? false : parent.hidden,
    opacity,
    background: backgroundOf(d, colour, parent.background, UA_BACKGROUND[el.localName]),
    shadowed: shadow ? shadow !== 'none' && shadow !== 'initial' : parent.shadowed,
  };
  return { ...partial, textReasons: blockReasons.length > 0 ? blockReasons : textReasonsOf(partial) };
}

export function declaredVisibility(doc: Document): Visibility {
  const root = doc.documentElement;
  const declared = declaredStyles(doc);
  const states = new Map<Element, State>();
  const texts: WalkedText[] = [];
  const rootPt = fontSizePt(declared(root)['font-size'], DEFAULT_PT);
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let position = 0;
  for (let node: Node | null = root; node; node = walker.nextNode(), position += 1) {
    const parentEl = node.parentElement;
    const parent = (parentEl && states.get(parentEl)) || ROOT;
    if (node.nodeType === 1) {
      const el = node as Element;
      states.set(el, parent.ignored || parent.blockReasons.length > 0 ? parent : stateOf(el, parent, declared(el), rootPt));
      continue;
    }
    if (!parentEl || parent.ignored || (node.nodeValue ?? '').trim() === '') continue;
    texts.push({ node: node as Text, parent: parentEl, position });
  }

  const stateOfEl = (el: Element): State => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = states.get(a);
      if (s) return s;
    }
    return ROOT;
  };
  const lifted = liftWhollyHidden(texts, (el) => stateOfEl(el).textReasons, doc.body);
  const reasonsOf = (el: Element): readonly HiddenReason[] => {
    const s = stateOfEl(el);
    if (s.ignored) return NONE;
    return s.textReasons.length > 0 ? s.textReasons : (lifted.get(el) ?? NONE);
  };
  const view: ElementView = {
    ignored: (el) => stateOfEl(el).ignored,
    blocked: (el) => stateOfEl(el).blockReasons.length > 0,
    reasonsOf,
    display: (el) => stateOfEl(el).display,
  };
  const { groups, hiddenTextPositions } = groupHidden(texts, view, root);
  return {
    layout: false,
    reasonsOf,
    isHidden: (el) => reasonsOf(el).length > 0,
    isTextHidden: (text) => !!text.parentElement && reasonsOf(text.parentElement).length > 0,
    groups,
    hiddenTextPositions,
    visibleText: (start, max) => visibleTextOf(view, start, max),
    rect: () => null,
  };
}

/** Elements (below <body>) all of whose text is hidden, with the reasons of that text. */
function liftWhollyHidden(texts: readonly WalkedText[], own: (el: Element) => readonly HiddenReason[], body: Element | null): Map<Element, readonly HiddenReason[]> {
  const seen = new Map<Element, Set<HiddenReason> | null>();
  const top = body ?? texts[0]?.parent.ownerDocument.documentElement ?? null;
  for (const { parent } of texts) {
    const reasons = own(parent);
    for (let a: Element | null = parent; a && a !== top; a = a.parentElement) {
      const known = seen.get(a);
      if (reasons.length === 0) seen.set(a, null);
      else if (known === undefined) seen.set(a, new Set(reasons));
      else if (known) for (const r of reasons) known.add(r);
    }
  }
  const out = new Map<Element, readonly HiddenReason[]>();
  for (const [el, reasons] of seen) if (reasons) out.set(el, [...reasons]);
  return out;
}
