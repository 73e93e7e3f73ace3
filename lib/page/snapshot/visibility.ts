// One pass over the live page telling, for every element and text node, whether a sighted user
// can see it and why not. Reading a computed property costs about a microsecond, so each is read
// at most once per element, and only where it can matter: what hides a whole subtree (display,
// opacity, clip, position and box) on every element outside an already hidden subtree; what
// hides text (visibility, colour against background, font size, text-indent) only on elements
// holding text, and on their ancestors when needed, cached.
//
// What counts as hidden (HiddenReason): display:none, visibility hidden/collapse, opacity 0 or a
// transparent text colour, a box positioned outside the page (left:-9999px, top:-9999px, a fixed
// box outside the viewport, text-indent:-9999px), a box of (nearly) zero size that clips its
// overflow, clip / clip-path hiding (the sr-only pattern: legitimate for screen readers, still
// shown to the juror), text coloured (nearly) like its effective background, a font smaller than
// 2px. aria-hidden="true" alone hides nothing from sight (LinkedIn and Instagram draw their
// visible text in aria-hidden spans beside a screen-reader copy): it is only added, as a second
// reason, to text hidden another way (then hidden from screen readers too).
import type { HiddenReason } from '../facts';
import { contrast, over, SAME_COLOUR_RATIO, WHITE, type Rgba } from './colour';
import { createReader, type Reader } from './style-reader';
import { groupHidden, visibleTextOf, type ElementView, type HiddenGroup, type WalkedText } from './hidden-groups';

export type { HiddenGroup } from './hidden-groups';

interface NodeInfo {
  /** Reasons hiding the whole subtree (display:none, opacity 0…; aria-hidden added when inside one); empty when none. */
  readonly blockReasons: readonly HiddenReason[];
  readonly blocking: boolean;
  /** Text inside is never page text (script, style, head, svg title…). */
  readonly ignored: boolean;
  readonly display: string;
  readonly positioned: boolean;
  /** Inside aria-hidden="true": hidden from assistive technologies (not from sight), which descendants cannot undo. */
  readonly ariaHidden: boolean;
}

interface Paint {
  /** Colour painted behind the element's text; null when an image, a gradient or an overlay makes it unknown. */
  background: Rgba | null;
  /** Text painted with the background (background-clip: text): colour checks do not apply. */
  textClip: boolean;
}

export interface Visibility {
  /** Whether the document has layout (a browser); false in jsdom or a parsed document. */
  readonly layout: boolean;
  /** Why the element's own text is hidden from sighted users; empty when it is visible. */
  reasonsOf(el: Element): readonly HiddenReason[];
  isHidden(el: Element): boolean;
  isTextHidden(text: Text): boolean;
  /** Hidden text grouped under the outermost element of each run of hidden elements, in document order (not capped). */
  readonly groups: HiddenGroup[];
  /** Positions, in a SHOW_ELEMENT|SHOW_TEXT walk from <html>, of the hidden text nodes (for the clone). */
  readonly hiddenTextPositions: Set<number>;
  /** Text of the visible part of `root` (blocks on their own lines, as laid out when there is layout), up to ~`max` characters. */
  visibleText(root: Element, max?: number): string;
  /** Cached bounding rect (null without layout). */
  rect(el: Element): DOMRect | null;
}

const IGNORED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'desc', 'metadata', 'textarea', 'select', 'option', 'datalist', 'iframe', 'object', 'canvas', 'video', 'audio']);
const MEDIA_TAGS = new Set(['img', 'video', 'canvas', 'picture', 'svg', 'iframe']);
/** Beyond this many pixels right of the viewport, a box is taken as pushed out of sight. */
const FAR_RIGHT = 5_000;
const NONE: readonly HiddenReason[] = [];
const ARIA_HIDDEN: readonly HiddenReason[] = ['aria-hidden'];

const IGNORED: NodeInfo = { blockReasons: NONE, blocking: false, ignored: true, display: 'none', positioned: false, ariaHidden: false };
const ROOT_PARENT: NodeInfo = { blockReasons: NONE, blocking: false, ignored: false, display: 'block', positioned: true, ariaHidden: false };
const NO_PAINT: Paint = { background: WHITE, textClip: false };

/** A length in CSS pixels; NaN for anything else (jsdom leaves em, %, keywords unresolved). */
function px(value: string): number {
  return /^-?[\d.]+(e-?\d+)?px$/.test(value.trim()) ? parseFloat(value) : Number.NaN;
}

function num(value: string): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** clip: rect(…) on an absolutely positioned box, or a clip-path leaving (almost) nothing. */
export function isClipped(position: string, clip: string, clipPath: string, width: number | null, height: number | null): boolean {
  if ((position === 'absolute' || position === 'fixed') && clip && clip !== 'auto') {
    const m = /^rect\((.*)\)$/.exec(clip.trim());
    if (m?.[1]) {
      const v = m[1].split(/[\s,]+/).filter(Boolean).map((t) => (t === 'auto' ? null : px(t)));
      if (v.length === 4) {
        const [top, right, bottom, left] = v as (number | null)[];
        const w = right === null || right === undefined ? Infinity : right - (left ?? 0);
        const h = bottom === null || bottom === undefined ? Infinity : bottom - (top ?? 0);
        if (w <= 1 || h <= 1) return true;
      }
    }
  }
  const cp = clipPath.trim();
  if (!cp || cp === 'none') return false;
  const inset = /^inset\(([^)]*)\)/.exec(cp);
  if (inset?.[1]) {
    const tokens = inset[1].split(/\s+round\s+/)[0]!.split(/\s+/).filter(Boolean);
    const [t = '0', r = t, b = t, l = r] = tokens;
    const size = (token: string, total: number | null): number =>
      token.endsWith('%') ? (parseFloat(token) / 100) * (total ?? 100) : total === null ? 0 : parseFloat(token) || 0;
    const vertical = size(t, height) + size(b, height);
    const horizontal = size(l, width) + size(r, width);
    const hTotal = height ?? 100;
    const wTotal = width ?? 100;
    return vertical >= hTotal - 1 || horizontal >= wTotal - 1;
  }
  const shape = /^(circle|ellipse)\(\s*([^\s)]+)/.exec(cp);
  if (shape?.[2]) return parseFloat(shape[2]) === 0;
  return false;
}

function union(a: readonly HiddenReason[], b: readonly HiddenReason[]): readonly HiddenReason[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [...a];
  for (const r of b) if (!out.includes(r)) out.push(r);
  return out;
}

/** What the walk found: each element's subtree state, and the boxes an image or background layer may sit in. */
interface Walked {
  readonly infos: Map<Element, NodeInfo>;
  /** Boxes a large positioned image or background layer may sit in, under their text. */
  readonly overlaid: Set<Element>;
}

/** A laid-out box out of sight: outside the page or the viewport, or of (nearly) zero size and clipping. */
function boxReason(reader: Reader, cs: CSSStyleDeclaration, r: DOMRect, position: string): HiddenReason | null {
  const fixed = position === 'fixed';
  const left = fixed ? r.left : r.left + reader.scrollX;
  const top = fixed ? r.top : r.top + reader.scrollY;
  const right = left + r.width;
  const bottom = top + r.height;
  const { viewW, viewH } = reader;
  if (right <= -1 || bottom <= -1 || (viewW > 0 && (fixed ? left >= viewW || top >= viewH : left >= viewW + FAR_RIGHT))) return 'off-screen';
  if (r.width <= 1 || r.height <= 1) {
    const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
    if (clips || (r.width === 0 && r.height === 0 && cs.transform !== 'none')) return 'zero-size';
  }
  return null;
}

/**
 * A large image or background layer positioned inside a box may sit under that box's text: its
 * colour is then unknown (hero banners with white text over a photo).
 */
function markOverlay(reader: Reader, walked: Walked, el: Element, r: DOMRect | null) {
  if (r && !(r.width >= 100 && r.height >= 50)) return;
  let a: Element | null = el.parentElement;
  while (a && a !== reader.root && !walked.infos.get(a)?.positioned) a = a.parentElement;
  if (a && a !== reader.root && a !== reader.body) walked.overlaid.add(a);
}

/** What hides a whole subtree: read on every element not already inside one. */
function subtreeInfo(reader: Reader, walked: Walked, el: Element, parent: NodeInfo): NodeInfo {
  if (parent.ignored) return parent;
  const tag = el.localName;
  if (IGNORED_TAGS.has(tag)) return IGNORED;
  if (parent.blocking) return parent;
  const cs = reader.style(el);
  if (!cs) return parent;
  const display = cs.display;
  const ariaHidden = parent.ariaHidden || el.getAttribute('aria-hidden') === 'true';
  if (display === 'none') {
    return { blockReasons: ariaHidden ? ['display-none', 'aria-hidden'] : ['display-none'], blocking: true, ignored: false, display, positioned: false, ariaHidden };
  }
  const position = cs.position;
  const positioned = position !== 'static';
  const out: HiddenReason[] = [];
  if (num(cs.opacity) <= 0.01) out.push('transparent');
  const boxed = reader.layout && display !== 'contents' && display !== 'inline';
  const r = boxed ? reader.rect(el) : null;
  const absolute = position === 'absolute' || position === 'fixed';
  if (isClipped(position, absolute ? cs.clip : 'auto', cs.clipPath, r?.width ?? null, r?.height ?? null)) out.push('clipped');
  const box = r ? boxReason(reader, cs, r, position) : null;
  if (box) out.push(box);
  if (out.length > 0) {
    if (ariaHidden) out.push('aria-hidden');
    return { blockReasons: out, blocking: true, ignored: false, display, positioned, ariaHidden };
  }
  if (absolute && (MEDIA_TAGS.has(tag) || (cs.backgroundImage !== 'none' && cs.backgroundImage !== ''))) markOverlay(reader, walked, el, r);
  return { blockReasons: NONE, blocking: false, ignored: false, display, positioned, ariaHidden };
}

/** Background behind each element's text, from its own and its ancestors' backgrounds (cached). */
function createPaints(reader: Reader, walked: Walked): (el: Element) => Paint {
  const paints = new Map<Element, Paint>();
  const paintOf = (el: Element): Paint => {
    const known = paints.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const inherited = parent ? paintOf(parent) : NO_PAINT;
    const cs = reader.style(el);
    let paint: Paint = inherited;
    if (cs) {
      const image = cs.backgroundImage;
      const hasImage = !!image && image !== 'none';
      let background = inherited.background;
      if (hasImage) background = null;
      else {
        const bg = reader.colour(cs.backgroundColor);
        if (bg && bg.a > 0) background = bg.a >= 1 ? bg : background ? over(bg, background) : null;
      }
      if (walked.overlaid.has(el)) background = null;
      const textClip = inherited.textClip || (hasImage && /text/.test(cs.backgroundClip || cs.getPropertyValue('-webkit-background-clip')));
      if (background !== inherited.background || textClip !== inherited.textClip) paint = { background, textClip };
    }
    paints.set(el, paint);
    return paint;
  };
  return paintOf;
}

/** Text painted transparent, or (nearly) like the background behind it with no shadow or outline drawing it. */
function colourReason(reader: Reader, cs: CSSStyleDeclaration, paint: Paint): HiddenReason | null {
  if (paint.textClip) return null;
  let fill = reader.colour(cs.color);
  if (fill && (fill.a <= 0.02 || paint.background)) {
    // Rare cases, read only when the colour alone says hidden.
    const textFill = reader.colour(cs.getPropertyValue('-webkit-text-fill-color'));
    if (textFill) fill = textFill;
  }
  if (fill && fill.a <= 0.02) return 'transparent';
  const bg = paint.background;
  if (!fill || !bg || !(contrast(over(fill, bg), bg) < SAME_COLOUR_RATIO)) return null;
  // A shadow or an outline of another colour draws the letters anyway.
  const shadow = (cs.textShadow || '').match(/rgba?\([^)]*\)|color\([^)]*\)/g) ?? [];
  const shadowed = shadow.some((c) => {
    const rgba = reader.colour(c);
    return !!rgba && rgba.a > 0.1 && contrast(over(rgba, bg), bg) >= 1.5;
  });
  const stroked = px(cs.getPropertyValue('-webkit-text-stroke-width')) > 0;
  return !shadowed && !stroked ? 'same-colour-as-background' : null;
}

/** Why the text directly inside a (non-blocking) element is hidden: inherited properties, re-read on each element (cached). */
function createTextReasons(reader: Reader, walked: Walked): (el: Element, info: NodeInfo) => readonly HiddenReason[] {
  const paintOf = createPaints(reader, walked);
  const textReasons = new Map<Element, readonly HiddenReason[]>();
  return (el, info) => {
    const known = textReasons.get(el);
    if (known) return known;
    const cs = reader.style(el);
    const reasons: HiddenReason[] = [];
    if (cs) {
      const visibility = cs.visibility;
      if (visibility === 'hidden' || visibility === 'collapse') reasons.push('visibility-hidden');
      if (px(cs.textIndent) <= -999) reasons.push('off-screen');
      if (px(cs.fontSize) < 2) reasons.push('tiny-font');
      const colour = colourReason(reader, cs, paintOf(el));
      if (colour) reasons.push(colour);
    }
    const all = info.ariaHidden && reasons.length > 0 ? union(reasons, ARIA_HIDDEN) : reasons;
    textReasons.set(el, all);
    return all;
  };
}

/**
 * The walk: every element's subtree-hiding state; text nodes kept for afterwards, since the
 * backgrounds they are checked against depend on overlays found anywhere in their box.
 */
function walkPage(doc: Document, reader: Reader, walked: Walked): WalkedText[] {
  const { infos } = walked;
  const texts: WalkedText[] = [];
  const walker = doc.createTreeWalker(reader.root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let position = 0;
  for (let node: Node | null = reader.root; node; node = walker.nextNode(), position += 1) {
    const parentEl = node.parentElement;
    if (node.nodeType === 1) {
      const parent = parentEl ? (infos.get(parentEl) ?? ROOT_PARENT) : ROOT_PARENT;
      infos.set(node as Element, subtreeInfo(reader, walked, node as Element, parent));
      continue;
    }
    if (!parentEl || infos.get(parentEl)?.ignored) continue;
    const value = node.nodeValue ?? '';
    if (value.trim() === '') continue;
    texts.push({ node: node as Text, parent: parentEl, position });
  }
  return texts;
}

export function computeVisibility(doc: Document): Visibility {
  const reader = createReader(doc);
  const walked: Walked = { infos: new Map(), overlaid: new Set() };
  const { infos } = walked;
  const infoOf = (el: Element): NodeInfo => {
    const known = infos.get(el);
    if (known) return known;
    // An element added after the walk: as its nearest known ancestor says.
    for (let a = el.parentElement; a; a = a.parentElement) {
      const info = infos.get(a);
      if (info) return info;
    }
    return ROOT_PARENT;
  };
  const textReasonsOf = createTextReasons(reader, walked);
  const reasonsOf = (el: Element): readonly HiddenReason[] => {
    const info = infoOf(el);
    if (info.ignored) return NONE;
    if (info.blocking) return info.blockReasons;
    return textReasonsOf(el, info);
  };

  const texts = walkPage(doc, reader, walked);
  const elementView: ElementView = {
    ignored: (el) => infoOf(el).ignored,
    blocked: (el) => infoOf(el).blocking,
    reasonsOf,
    display: (el) => infoOf(el).display,
  };
  const { groups, hiddenTextPositions } = groupHidden(texts, elementView, reader.root);

  return {
    layout: reader.layout,
    reasonsOf,
    isHidden: (el) => reasonsOf(el).length > 0,
    isTextHidden: (text) => {
      const parent = text.parentElement;
      return !!parent && reasonsOf(parent).length > 0;
    },
    groups,
    hiddenTextPositions,
    visibleText: (start, max) => visibleTextOf(elementView, start, max),
    rect: reader.rect,
  };
}
