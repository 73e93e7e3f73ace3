// One document's computed styles, boxes and parsed colours for the visibility pass (visibility.ts):
// each read at most once, since reading a computed property costs about a microsecond.
import { parseColour, type Rgba } from './colour';

/** One document's computed styles, boxes and parsed colours, each read at most once. */
export interface Reader {
  readonly layout: boolean;
  readonly root: Element;
  readonly body: HTMLElement | null;
  readonly scrollX: number;
  readonly scrollY: number;
  readonly viewW: number;
  readonly viewH: number;
  style(el: Element): CSSStyleDeclaration | null;
  /** Cached bounding rect (null without layout). */
  rect(el: Element): DOMRect | null;
  colour(value: string): Rgba | null;
}

export function createReader(doc: Document): Reader {
  const view = doc.defaultView;
  const root = doc.documentElement;
  const body = doc.body;
  const rootRect = root.getBoundingClientRect();
  const layout = rootRect.width > 0 || rootRect.height > 0 || (body?.getBoundingClientRect().width ?? 0) > 0;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const rects = new Map<Element, DOMRect>();
  const colours = new Map<string, Rgba | null>();
  return {
    layout,
    root,
    body,
    scrollX: view?.scrollX ?? 0,
    scrollY: view?.scrollY ?? 0,
    viewW: view?.innerWidth ?? 0,
    viewH: view?.innerHeight ?? 0,
    colour: (value) => {
      let c = colours.get(value);
      if (c === undefined) {
        c = parseColour(value);
        colours.set(value, c);
      }
      return c;
    },
    rect: (el) => {
      if (!layout) return null;
      let r = rects.get(el);
      if (!r) {
        r = el.getBoundingClientRect();
        rects.set(el, r);
      }
      return r;
    },
    style: (el) => {
      let cs = styles.get(el);
      if (!cs && view) {
        cs = view.getComputedStyle(el);
        styles.set(el, cs);
      }
      return cs ?? null;
    },
  };
}
