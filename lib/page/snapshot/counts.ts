// Element counts for the eco-design and SEO checks.
import type { PageSnapshot } from '../facts';

const JS_TYPES = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|application\/x-javascript|text\/jscript)$/i;

/** Scripts the browser runs (JSON-LD and other data blocks are not scripts). */
export function executableScripts(doc: Document): number {
  return Array.from(doc.getElementsByTagName('script')).filter((s) => JS_TYPES.test((s.getAttribute('type') ?? '').split(';')[0]!.trim())).length;
}

export function collectCounts(doc: Document, found: { links: number; images: number; words: number }): PageSnapshot['counts'] {
  const elements = doc.getElementsByTagName('*').length;
  // EcoIndex counts the DOM without what is inside <svg> (each unique descendant once).
  const insideSvg = doc.querySelectorAll('svg *').length;
  return {
    elements,
    ecoIndexElements: elements - insideSvg,
    links: found.links,
    images: found.images,
    forms: doc.forms.length,
    iframes: doc.getElementsByTagName('iframe').length,
    scripts: executableScripts(doc),
    words: found.words,
    h1: doc.getElementsByTagName('h1').length,
  };
}
