// Hand-built PageFacts for unit tests of check functions: a small, valid page, with any part
// replaced. The result is parsed with the real schema, so a test cannot build facts the analyzer
// could not return.
import type { Heading, ImageFact, PageFacts, ResourceFact } from '@/lib/page/facts';
import { pageFacts, type FactsOverrides } from '../../../fixtures/page-facts';

export type { FactsOverrides };

export const PAGE_URL = 'https://atelier-brume.fr/boutique/bougie-figue-cedre/';

export function buildFacts(overrides: FactsOverrides = {}): PageFacts {
  return pageFacts({
    ...overrides,
    snapshot: { url: PAGE_URL, title: 'Bougie Figue & Cèdre | Atelier Brume', ...overrides.snapshot, counts: { elements: 0, ecoIndexElements: 0, ...overrides.snapshot?.counts } },
    navigation: { transferSize: 0, loadTime: 0, ...overrides.navigation },
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
