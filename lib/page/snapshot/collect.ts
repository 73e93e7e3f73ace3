// PLACEHOLDER — replaced by the snapshot implementation.
import type { PageSnapshot } from '../facts';

export function collectSnapshot(doc: Document): PageSnapshot {
  return {
    url: doc.location?.href ?? '',
    title: doc.title,
    lang: doc.documentElement.lang,
    source: 'dom',
    meta: { description: null, robots: null, canonical: null, viewport: null, charset: null, openGraph: {}, hreflang: [] },
    headings: [],
    mainText: '',
    mainTextTruncated: false,
    hiddenTexts: [],
    jsonLd: { types: [], blocks: [], invalid: 0 },
    links: [],
    images: [],
    forms: [],
    social: null,
    counts: { elements: doc.getElementsByTagName('*').length, ecoIndexElements: 0, links: 0, images: 0, forms: 0, iframes: 0, scripts: 0, words: 0, h1: 0 },
  };
}
