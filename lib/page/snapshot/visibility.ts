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
import { contrast, over, parseColour, SAME_COLOUR_RATIO, WHITE, type Rgba } from './colour';
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

export function computeVisibility(doc: Document): Visibility {
  const view = doc.defaultView;
  const root = doc.documentElement;
  const body = doc.body;
  const rootRect = root.getBoundingClientRect();
  const layout = rootRect.width > 0 || rootRect.height > 0 || (body?.getBoundingClientRect().width ?? 0) > 0;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  const viewW = view?.innerWidth ?? 0;
  const viewH = view?.innerHeight ?? 0;

  const infos = new Map<Element, NodeInfo>();
  const styles = new Map<Element, CSSStyleDeclaration>();
  const rects = new Map<Element, DOMRect>();
  const paints = new Map<Element, Paint>();
  const textReasons = new Map<Element, readonly HiddenReason[]>();
  /** Boxes a large positioned image or background layer may sit in, under their text. */
  const overlaid = new Set<Element>();
  const colours = new Map<string, Rgba | null>();

  const colour = (value: string): Rgba | null => {
    let c = colours.get(value);
    if (c === undefined) {
      c = parseColour(value);
      colours.set(value, c);
    }
    return c;
  };
  const rect = (el: Element): DOMRect | null => {
    if (!layout) return null;
    let r = rects.get(el);
    if (!r) {
      r = el.getBoundingClientRect();
      rects.set(el, r);
    }
    return r;
  };
  const style = (el: Element): CSSStyleDeclaration | null => {
    let cs = styles.get(el);
    if (!cs && view) {
      cs = view.getComputedStyle(el);
      styles.set(el, cs);
    }
    return cs ?? null;
  };
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

  /** What hides a whole subtree: read on every element not already inside one. */
  const compute = (el: Element, parent: NodeInfo): NodeInfo => {
    if (parent.ignored) return parent;
    const tag = el.localName;
    if (IGNORED_TAGS.has(tag)) return IGNORED;
    if (parent.blocking) return parent;
    const cs = style(el);
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
    const boxed = layout && display !== 'contents' && display !== 'inline';
    const r = boxed ? rect(el) : null;
    const absolute = position === 'absolute' || position === 'fixed';
    if (isClipped(position, absolute ? cs.clip : 'auto', cs.clipPath, r?.width ?? null, r?.height ?? null)) out.push('clipped');
    if (r) {
      const fixed = position === 'fixed';
      const left = fixed ? r.left : r.left + scrollX;
      const top = fixed ? r.top : r.top + scrollY;
      const right = left + r.width;
      const bottom = top + r.height;
      if (right <= -1 || bottom <= -1 || (viewW > 0 && (fixed ? left >= viewW || top >= viewH : left >= viewW + FAR_RIGHT))) out.push('off-screen');
      else if (r.width <= 1 || r.height <= 1) {
        const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
        if (clips || (r.width === 0 && r.height === 0 && cs.transform !== 'none')) out.push('zero-size');
      }
    }
    if (out.length > 0) {
      if (ariaHidden) out.push('aria-hidden');
      return { blockReasons: out, blocking: true, ignored: false, display, positioned, ariaHidden };
    }
    // A large image or background layer positioned inside a box may sit under that box's text:
    // its colour is then unknown (hero banners with white text over a photo).
    if (absolute && (MEDIA_TAGS.has(tag) || (cs.backgroundImage !== 'none' && cs.backgroundImage !== ''))) {
      if (!r || (r.width >= 100 && r.height >= 50)) {
        let a: Element | null = el.parentElement;
        while (a && a !== root && !infos.get(a)?.positioned) a = a.parentElement;
        if (a && a !== root && a !== body) overlaid.add(a);
      }
    }
    return { blockReasons: NONE, blocking: false, ignored: false, display, positioned, ariaHidden };
  };

  /** Background behind an element's text, from its own and its ancestors' backgrounds (cached). */
  const paintOf = (el: Element): Paint => {
    const known = paints.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const inherited = parent ? paintOf(parent) : NO_PAINT;
    const cs = style(el);
    let paint: Paint = inherited;
    if (cs) {
      const image = cs.backgroundImage;
      const hasImage = !!image && image !== 'none';
      let background = inherited.background;
      if (hasImage) background = null;
      else {
        const bg = colour(cs.backgroundColor);
        if (bg && bg.a > 0) background = bg.a >= 1 ? bg : background ? over(bg, background) : null;
      }
      if (overlaid.has(el)) background = null;
      const textClip = inherited.textClip || (hasImage && /text/.test(cs.backgroundClip || cs.getPropertyValue('-webkit-background-clip')));
      if (background !== inherited.background || textClip !== inherited.textClip) paint = { background, textClip };
    }
    paints.set(el, paint);
    return paint;
  };

  /** Why the text directly inside a (non-blocking) element is hidden: inherited properties, re-read on each element. */
  const textReasonsOf = (el: Element, info: NodeInfo): readonly HiddenReason[] => {
    const known = textReasons.get(el);
    if (known) return known;
    const cs = style(el);
    const reasons: HiddenReason[] = [];
    if (cs) {
      const visibility = cs.visibility;
      if (visibility === 'hidden' || visibility === 'collapse') reasons.push('visibility-hidden');
      if (px(cs.textIndent) <= -999) reasons.push('off-screen');
      if (px(cs.fontSize) < 2) reasons.push('tiny-font');
      const paint = paintOf(el);
      if (!paint.textClip) {
        let fill = colour(cs.color);
        if (fill && (fill.a <= 0.02 || paint.background)) {
          // Rare cases, read only when the colour alone says hidden.
          const textFill = colour(cs.getPropertyValue('-webkit-text-fill-color'));
          if (textFill) fill = textFill;
        }
        if (fill && fill.a <= 0.02) reasons.push('transparent');
        else if (fill && paint.background && contrast(over(fill, paint.background), paint.background) < SAME_COLOUR_RATIO) {
          const bg = paint.background;
          // A shadow or an outline of another colour draws the letters anyway.
          const shadow = (cs.textShadow || '').match(/rgba?\([^)]*\)|color\([^)]*\)/g) ?? [];
          const shadowed = shadow.some((c) => {
            const rgba = colour(c);
            return !!rgba && rgba.a > 0.1 && contrast(over(rgba, bg), bg) >= 1.5;
          });
          const stroked = px(cs.getPropertyValue('-webkit-text-stroke-width')) > 0;
          if (!shadowed && !stroked) reasons.push('same-colour-as-background');
        }
      }
    }
    const all = info.ariaHidden && reasons.length > 0 ? union(reasons, ARIA_HIDDEN) : reasons;
    textReasons.set(el, all);
    return all;
  };

  const reasonsOf = (el: Element): readonly HiddenReason[] => {
    const info = infoOf(el);
    if (info.ignored) return NONE;
    if (info.blocking) return info.blockReasons;
    return textReasonsOf(el, info);
  };

  // The walk: every element's subtree-hiding state; text nodes kept for afterwards, since the
  // backgrounds they are checked against depend on overlays found anywhere in their box.
  const texts: WalkedText[] = [];
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let position = 0;
  for (let node: Node | null = root; node; node = walker.nextNode(), position += 1) {
    const parentEl = node.parentElement;
    if (node.nodeType === 1) {
      const parent = parentEl ? (infos.get(parentEl) ?? ROOT_PARENT) : ROOT_PARENT;
      infos.set(node as Element, compute(node as Element, parent));
      continue;
    }
    if (!parentEl || infos.get(parentEl)?.ignored) continue;
    const value = node.nodeValue ?? '';
    if (value.trim() === '') continue;
    texts.push({ node: node as Text, parent: parentEl, position });
  }

  const elementView: ElementView = {
    ignored: (el) => infoOf(el).ignored,
    blocked: (el) => infoOf(el).blocking,
    reasonsOf,
    display: (el) => infoOf(el).display,
  };
  const { groups, hiddenTextPositions } = groupHidden(texts, elementView, root);

  return {
    layout,
    reasonsOf,
    isHidden: (el) => reasonsOf(el).length > 0,
    isTextHidden: (text) => {
      const parent = text.parentElement;
      return !!parent && reasonsOf(parent).length > 0;
    },
    groups,
    hiddenTextPositions,
    visibleText: (start, max) => visibleTextOf(elementView, start, max),
    rect,
  };
}
