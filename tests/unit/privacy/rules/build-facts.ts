// Hand-built page facts for the RGPD rules' unit tests: a clean page at https://www.atelier-brume.fr/
// by default; each test overrides what it is about. Parsed with the real schema, so a test cannot
// build facts the analyzer could never return.
import type { FieldFact, FormFact, LinkFact, PageFacts, PrivacyFacts } from '@/lib/page/facts';
import { pageFacts } from '../../../fixtures/page-facts';

export const PAGE = 'https://www.atelier-brume.fr/';
export const NOW = Date.UTC(2025, 0, 15);
export const DAY = 86_400_000;

type Banner = PrivacyFacts['banner'];

export function banner(over: Partial<Banner> = {}): Banner {
  return {
    found: true,
    visible: true,
    selector: '#cookie-banner',
    text: 'Ce site utilise des cookies pour mesurer l’audience.',
    buttons: [
      { label: 'Tout accepter', kind: 'accept', area: 4000, selector: '#cookie-banner > button:nth-of-type(1)' },
      { label: 'Tout refuser', kind: 'refuse', area: 4000, selector: '#cookie-banner > button:nth-of-type(2)' },
    ],
    links: [],
    ...over,
  };
}

export const NO_BANNER: Banner = { found: false, visible: false, selector: null, text: '', buttons: [], links: [] };

export function link(href: string, text: string, over: Partial<LinkFact> = {}): LinkFact {
  return { href, text, internal: href.startsWith(PAGE) || href.startsWith('/'), rel: '', visible: true, selector: `a[href="${href}"]`, ...over };
}

export function field(over: Partial<FieldFact> = {}): FieldFact {
  return { tag: 'input', type: 'text', name: '', label: '', placeholder: '', required: false, autocomplete: '', personal: null, checked: false, selector: 'input', ...over };
}

export function form(over: Partial<FormFact> = {}): FormFact {
  return { action: `${PAGE}contact/`, method: 'post', selector: 'form.wpcf7-form', fields: [], surroundingText: '', ...over };
}

export function resource(url: string, over: Partial<{ initiatorType: string; transferSize: number; startTime: number }> = {}) {
  return { url, initiatorType: 'img', transferSize: 0, startTime: 100, ...over };
}

export interface Over {
  url?: string;
  cookies?: PrivacyFacts['cookies'];
  cookieSource?: PrivacyFacts['cookieSource'];
  resources?: PrivacyFacts['resources'];
  banner?: Banner;
  links?: LinkFact[];
  forms?: FormFact[];
  mainText?: string;
  jsonLdTypes?: string[];
}

export function facts(over: Over = {}): PageFacts {
  return pageFacts({
    snapshot: {
      url: over.url ?? PAGE,
      title: 'Atelier Brume',
      meta: { charset: null },
      mainText: over.mainText ?? '',
      jsonLd: { types: over.jsonLdTypes ?? [], blocks: [], invalid: 0 },
      links: over.links ?? [],
      forms: over.forms ?? [],
      counts: { elements: 100, ecoIndexElements: 100, h1: 1 },
    },
    privacy: { cookies: over.cookies ?? [], cookieSource: over.cookieSource ?? 'cookieStore', resources: over.resources ?? [], banner: over.banner ?? NO_BANNER },
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0 },
    analyzedAt: NOW,
  });
}
