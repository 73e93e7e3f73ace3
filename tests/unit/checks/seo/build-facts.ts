// Hand-built PageFacts for unit tests of check functions: a small, valid page, with any part
// replaced. The result is parsed with the real schema, so a test cannot build facts the analyzer
// could not return.
import { PageFacts, type Heading, type ImageFact, type PageSnapshot, type PrivacyFacts, type ResourceFact } from '@/lib/page/facts';

export interface FactsOverrides {
  snapshot?: Partial<Omit<PageSnapshot, 'meta' | 'counts'>> & { meta?: Partial<PageSnapshot['meta']>; counts?: Partial<PageSnapshot['counts']> };
  privacy?: Partial<PrivacyFacts>;
  navigation?: Partial<PageFacts['navigation']>;
}

export const PAGE_URL = 'https://atelier-brume.fr/boutique/bougie-figue-cedre/';

export function buildFacts(overrides: FactsOverrides = {}): PageFacts {
  const { meta, counts, ...snapshot } = overrides.snapshot ?? {};
  return PageFacts.parse({
    snapshot: {
      url: PAGE_URL,
      title: 'Bougie Figue & Cèdre | Atelier Brume',
      lang: 'fr',
      source: 'dom',
      mainText: '',
      mainTextTruncated: false,
      hiddenTexts: [],
      headings: [],
      jsonLd: { types: [], blocks: [], invalid: 0 },
      links: [],
      images: [],
      forms: [],
      social: null,
      ...snapshot,
      meta: { description: null, robots: null, canonical: null, viewport: null, charset: 'utf-8', openGraph: {}, hreflang: [], ...meta },
      counts: { elements: 0, ecoIndexElements: 0, links: 0, images: 0, forms: 0, iframes: 0, scripts: 0, words: 0, h1: 0, ...counts },
    },
    privacy: {
      cookies: [],
      cookieSource: 'document.cookie',
      resources: [],
      banner: { found: false, visible: false, selector: null, text: '', buttons: [], links: [] },
      storageKeys: [],
      ...overrides.privacy,
    },
    axe: null,
    navigation: { transferSize: 0, loadTime: 0, ...overrides.navigation },
    timings: { snapshotMs: 0, privacyMs: 0, axeMs: 0 },
    analyzedAt: 1_700_000_000_000,
  });
}

let n = 0;
export function heading(level: number, text = `Titre ${level}`, hidden = false): Heading {
  n += 1;
  return { level, text, selector: `main > h${level}:nth-of-type(${n})`, hidden };
}

export function image(over: Partial<ImageFact> = {}): ImageFact {
  n += 1;
  return { src: `https://atelier-brume.fr/img/${n}.jpg`, alt: 'Une bougie', ariaName: null, role: null, width: 100, height: 100, visible: true, selector: `main > img:nth-of-type(${n})`, ...over };
}

export function resource(url: string, transferSize = 1_000, initiatorType = 'img'): ResourceFact {
  return { url, initiatorType, transferSize, startTime: 10 };
}
