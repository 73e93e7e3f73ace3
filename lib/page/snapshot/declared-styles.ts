// The cascade of a parsed document's own styles — its <style> blocks and style attributes — for
// the few properties that can hide text, without a window or layout (a document from DOMParser
// has neither: getComputedStyle reads nothing there). The browser's own CSS parser reads the
// rules (a constructed CSSStyleSheet: shorthands expanded, colours normalised, invalid rules
// dropped); parsel-js splits selector lists and gives each selector's specificity; Element.matches
// does the matching. Rules are indexed by their rightmost class, id or tag, so that each element
// is matched against the few rules that can apply to it.
import { parse, specificity, stringify, type AST } from 'parsel-js';

export const HIDING_PROPERTIES = ['color', 'background-color', 'background-image', 'font-size', 'opacity', 'display', 'visibility', 'text-shadow'] as const;
export type HidingProperty = (typeof HIDING_PROPERTIES)[number];
export type Declared = Partial<Record<HidingProperty, string>>;

interface Rule {
  selector: string;
  specificity: number;
  order: number;
  normal: Declared;
  important: Declared;
}

/** Declarations of the hiding properties in one CSSOM declaration block. */
function declarations(style: CSSStyleDeclaration): { normal: Declared; important: Declared; any: boolean } {
  const normal: Declared = {};
  const important: Declared = {};
  let any = false;
  for (const property of HIDING_PROPERTIES) {
    const value = style.getPropertyValue(property).trim();
    if (!value) continue;
    any = true;
    if (style.getPropertyPriority(property) === 'important') important[property] = value;
    else normal[property] = value;
  }
  return { normal, important, any };
}

/** Rules of a <style> element, parsed by the browser; none when it cannot parse them. */
function sheetRules(style: HTMLStyleElement): CSSRule[] {
  const text = style.textContent ?? '';
  try {
    const sheet = new CSSStyleSheet();
    // @import is not allowed in a constructed sheet: Docs' font import is dropped, as wanted (nothing is fetched).
    sheet.replaceSync(text);
    return Array.from(sheet.cssRules);
  } catch {
    // No constructable style sheets: the parsed document's own sheet, where the browser made one.
    try {
      return Array.from(style.sheet?.cssRules ?? []);
    } catch {
      return [];
    }
  }
}

/** Screen media: a rule inside @media print only does not show on screen. */
function mediaApplies(media: string): boolean {
  const queries = media.split(',').map((q) => q.trim().toLowerCase());
  return queries.length === 0 || queries.some((q) => q === '' || !/\b(print|speech)\b/.test(q) || /\b(screen|all)\b/.test(q));
}

function styleRules(rules: readonly CSSRule[], out: CSSStyleRule[]): void {
  for (const rule of rules) {
    if ('selectorText' in rule && 'style' in rule) out.push(rule as CSSStyleRule);
    else if ('media' in rule && 'cssRules' in rule) {
      const grouping = rule as CSSMediaRule;
      if (mediaApplies(grouping.media.mediaText)) styleRules(Array.from(grouping.cssRules), out);
    } else if ('cssRules' in rule) styleRules(Array.from((rule as CSSGroupingRule).cssRules), out);
  }
}

/** The rightmost compound of a complex selector: the element the selector is about. */
function subject(ast: AST): AST {
  return ast.type === 'complex' ? subject(ast.right) : ast;
}

/** Index key: the subject's first id, else class, else tag; '*' when it names none. */
function keyOf(ast: AST): string {
  const target = subject(ast);
  const tokens = target.type === 'compound' ? target.list : [target];
  const id = tokens.find((t) => t.type === 'id');
  if (id && 'name' in id) return `#${id.name}`;
  const cls = tokens.find((t) => t.type === 'class');
  if (cls && 'name' in cls) return `.${cls.name}`;
  const tag = tokens.find((t) => t.type === 'type');
  if (tag && 'name' in tag) return tag.name.toLowerCase();
  return '*';
}

const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

/**
 * A selector of generated content or of a part (li::before, p::first-line) never styles the
 * element's own text: left out of the index (Docs writes several per list level, all ending in li).
 */
function aboutPseudoElement(ast: AST): boolean {
  const target = subject(ast);
  const tokens = target.type === 'compound' ? target.list : [target];
  return tokens.some((t) => t.type === 'pseudo-element' || (t.type === 'pseudo-class' && LEGACY_PSEUDO_ELEMENTS.has(t.name.toLowerCase())));
}

/** Each selector of a list, with its index key and specificity (as one comparable number). */
function selectorsOf(selectorText: string): { selector: string; key: string; specificity: number }[] {
  let ast: AST | undefined;
  try {
    ast = parse(selectorText);
  } catch {
    ast = undefined;
  }
  if (!ast) return [{ selector: selectorText, key: '*', specificity: 1_000 }];
  const list = (ast.type === 'list' ? ast.list : [ast]).filter((one) => !aboutPseudoElement(one));
  return list.map((one) => {
    const [a = 0, b = 0, c = 0] = specificity(one);
    return { selector: stringify(one), key: keyOf(one), specificity: a * 1_000_000 + b * 1_000 + c };
  });
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    // A selector the DOM implementation does not support: it does not apply.
    return false;
  }
}

/** The declared value of each hiding property for `el`, after the cascade (not inherited: the caller inherits). */
export type DeclaredStyles = (el: Element) => Declared;

export function declaredStyles(doc: Document): DeclaredStyles {
  const index = new Map<string, Rule[]>();
  let order = 0;
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const rules: CSSStyleRule[] = [];
    styleRules(sheetRules(style as HTMLStyleElement), rules);
    for (const rule of rules) {
      const { normal, important, any } = declarations(rule.style);
      if (!any) continue;
      for (const s of selectorsOf(rule.selectorText)) {
        const entry: Rule = { selector: s.selector, specificity: s.specificity, order: order++, normal, important };
        const bucket = index.get(s.key);
        if (bucket) bucket.push(entry);
        else index.set(s.key, [entry]);
      }
    }
  }

  return (el: Element): Declared => {
    const keys = ['*', el.localName, ...Array.from(el.classList, (c) => `.${c}`)];
    if (el.id) keys.push(`#${el.id}`);
    const matched: Rule[] = [];
    for (const key of keys) for (const rule of index.get(key) ?? []) if (!matched.includes(rule) && matches(el, rule.selector)) matched.push(rule);
    matched.sort((x, y) => x.specificity - y.specificity || x.order - y.order);
    const inline = el.hasAttribute('style') && 'style' in el ? declarations((el as HTMLElement).style) : null;
    // Author normal < style attribute normal < author !important < style attribute !important.
    const out: Declared = {};
    for (const rule of matched) Object.assign(out, rule.normal);
    if (inline) Object.assign(out, inline.normal);
    for (const rule of matched) Object.assign(out, rule.important);
    if (inline) Object.assign(out, inline.important);
    return out;
  };
}
