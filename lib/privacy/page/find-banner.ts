// Finds the consent banner as the page shows it, by heuristics: elements named like a consent
// manager (cookie, consent, cmp, didomi, onetrust, axeptio, tarteaucitron, cookiebot, gdpr, rgpd…),
// dialogs, and fixed or sticky boxes near the top of the tree, whose text speaks of cookies,
// trackers, consent or data. The best candidate is kept: visible first, then with buttons, then
// the largest. Its buttons are classified (accept, refuse, settings, close, other) with their
// rendered area, to compare how prominent accepting and refusing are.
// Limits: a banner drawn in a cross-origin iframe cannot be read (the iframe itself may be found
// by its name, without buttons); inside an open shadow root, selectors start at the shadow root.
import { LIMITS, type ConsentBanner } from '../../page/facts';
import { cssPath } from '../../page/selector';
import { buttonKind } from './button-kind';
import { fit, fitRaw } from './fit-text';

const CMP_WORDS = ['cookie', 'consent', 'cmp', 'didomi', 'onetrust', 'optanon', 'axeptio', 'tarteaucitron', 'cookiebot', 'cybotcookiebot', 'gdpr', 'rgpd', 'cookielaw', 'cookieyes', 'cmplz', 'usercentrics', 'iubenda', 'sp_message', 'privacy-banner', 'qc-cmp'];
const NAMED = CMP_WORDS.flatMap((w) => [`[id*="${w}" i]`, `[class*="${w}" i]`]).join(',');
const DIALOGS = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const TOPIC = /cookie|traceur|tracker|consent|donn[ée]es|rgpd|gdpr|vie priv[ée]e|privacy|datenschutz/i;
const BUTTONS = 'button, [role="button"], a, input[type="button"], input[type="submit"]';
/** Not a banner: interactive or structural elements, and anything holding the page's content. */
const NOT_CONTAINER = new Set(['html', 'body', 'head', 'main', 'a', 'button', 'input', 'label', 'select', 'textarea', 'option', 'script', 'style', 'noscript', 'template', 'svg', 'img', 'p', 'span', 'strong', 'em', 'b', 'i', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_TEXT = 6_000;
const MAX_SCANNED = 3_000;
const FIXED_DEPTH = 4;

interface Candidate {
  el: Element;
  visible: boolean;
  area: number;
  text: string;
  buttons: Element[];
  named: boolean;
}

function view(el: Element): Window | null {
  return el.ownerDocument.defaultView;
}

/** Visible to a sighted user: has a box, not hidden by display/visibility/opacity, not entirely off the page. */
export function isVisible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2) return false;
  const checker = el as Element & { checkVisibility?: (o: object) => boolean };
  if (typeof checker.checkVisibility === 'function') {
    if (!checker.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  } else {
    const style = view(el)?.getComputedStyle(el);
    if (style && (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)) return false;
  }
  const win = view(el);
  const pageWidth = Math.max(el.ownerDocument.documentElement.scrollWidth, win?.innerWidth ?? 0);
  const top = rect.bottom + (win?.scrollY ?? 0);
  return rect.right > 0 && rect.left < pageWidth && top > 0;
}

function areaOf(el: Element): number {
  if (!isVisible(el)) return 0;
  const rect = el.getBoundingClientRect();
  return Math.round(rect.width * rect.height);
}

function textOf(el: Element): string {
  const inner = (el as HTMLElement).innerText;
  return typeof inner === 'string' && inner.trim() ? inner : (el.textContent ?? '');
}

/** Buttons of the banner, outermost only (a role=button inside a button counts once). */
function buttonsOf(el: Element): Element[] {
  const all = Array.from(el.querySelectorAll(BUTTONS));
  return all.filter((b) => !all.some((other) => other !== b && other.contains(b)));
}

function looksLikePageContent(el: Element, text: string): boolean {
  if (text.length > MAX_TEXT) return true;
  if (el.querySelector('main, [role="main"], h1, article')) return true;
  return el.querySelectorAll('a').length > 40;
}

/** Fixed or sticky elements near the top of the tree (banners are seldom deeply nested). */
function fixedBoxes(root: ParentNode, win: Window | null): Element[] {
  if (!win) return [];
  const found: Element[] = [];
  let scanned = 0;
  let level: Element[] = Array.from(root.children);
  for (let depth = 0; depth < FIXED_DEPTH && level.length && scanned < MAX_SCANNED; depth++) {
    const next: Element[] = [];
    for (const el of level) {
      if (++scanned > MAX_SCANNED) break;
      const position = win.getComputedStyle(el).position;
      if (position === 'fixed' || position === 'sticky') found.push(el);
      next.push(...Array.from(el.children));
    }
    level = next;
  }
  return found;
}

/** Open shadow roots hosted near the top of the tree (some consent managers render there). */
function shadowRoots(body: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of Array.from(body.children)) {
    if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const child of Array.from(el.children)) if (child.shadowRoot) roots.push(child.shadowRoot);
  }
  return roots;
}

function candidatesIn(root: Document | ShadowRoot, win: Window | null, seen: Set<Element>): Candidate[] {
  const named = new Set(Array.from(root.querySelectorAll(NAMED)));
  const top: ParentNode = root.nodeType === 11 ? root : ((root as Document).body ?? root);
  const pool = [...named, ...Array.from(root.querySelectorAll(DIALOGS)), ...fixedBoxes(top, win)];
  const result: Candidate[] = [];
  for (const el of pool) {
    if (seen.has(el)) continue;
    seen.add(el);
    const tag = el.localName;
    const isFrame = tag === 'iframe';
    if (!isFrame && NOT_CONTAINER.has(tag)) continue;
    const text = isFrame ? '' : textOf(el);
    if (!isFrame && (!TOPIC.test(text) || looksLikePageContent(el, text))) continue;
    if (isFrame && !named.has(el)) continue;
    const buttons = isFrame ? [] : buttonsOf(el);
    // A box that is neither named like a consent manager nor offers a choice is not a banner.
    if (!named.has(el) && buttons.length === 0) continue;
    const visible = isVisible(el);
    result.push({ el, visible, area: visible ? areaOf(el) : 0, text, buttons, named: named.has(el) });
  }
  return result;
}

function better(a: Candidate, b: Candidate): number {
  return Number(b.visible) - Number(a.visible) || Number(b.buttons.length > 0) - Number(a.buttons.length > 0) || b.area - a.area || b.text.length - a.text.length;
}

function labelOf(el: Element): { label: string; name: string } {
  const name = [el.getAttribute('aria-label'), el.getAttribute('title')].filter(Boolean).join(' ');
  const label = el.localName === 'input' ? (el as HTMLInputElement).value : textOf(el);
  return { label: label.trim() ? label : name, name };
}

const EMPTY: ConsentBanner = { found: false, visible: false, selector: null, text: '', buttons: [], links: [] };

/** The consent banner of the document as shown now. */
export function findBanner(doc: Document): ConsentBanner {
  const body = doc.body;
  if (!body) return EMPTY;
  const win = doc.defaultView;
  const seen = new Set<Element>();
  const candidates = [...candidatesIn(doc, win, seen), ...shadowRoots(body).flatMap((root) => candidatesIn(root, win, seen))];
  if (!candidates.length) return EMPTY;
  const best = candidates.sort(better)[0]!;
  const buttons = best.buttons.slice(0, 20).map((b) => {
    const { label, name } = labelOf(b);
    return { label: fit(label, 200), kind: buttonKind(label, name), area: areaOf(b), selector: fitRaw(cssPath(b), LIMITS.selector) };
  });
  const links = Array.from(best.el.querySelectorAll('a[href]'))
    .slice(0, 20)
    .map((a) => ({ href: fitRaw((a as HTMLAnchorElement).href, LIMITS.url), text: fit(textOf(a) || a.getAttribute('aria-label') || '', 300) }));
  return {
    found: true,
    visible: best.visible,
    selector: fitRaw(cssPath(best.el), LIMITS.selector),
    text: fit(best.text, 2_000),
    buttons,
    links,
  };
}
