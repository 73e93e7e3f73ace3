// Hand-built page facts for the RGPD rules' unit tests: a clean page at https://www.atelier-brume.fr/
// by default; each test overrides what it is about. Parsed with the real schema, so a test cannot
// build facts the analyzer could never return.
import { PageFacts, type FieldFact, type FormFact, type LinkFact, type PrivacyFacts } from '@/lib/page/facts';

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
  return PageFacts.parse({
    snapshot: {
      url: over.url ?? PAGE,
      title: 'Atelier Brume',
      lang: 'fr',
      source: 'dom',
      meta: { description: null, robots: null, canonical: null, viewport: null, charset: null, openGraph: {}, hreflang: [] },
      headings: [],
      mainText: over.mainText ?? '',
      mainTextTruncated: false,
      hiddenTexts: [],
      jsonLd: { types: over.jsonLdTypes ?? [], blocks: [], invalid: 0 },
      links: over.links ?? [],
      images: [],
      forms: over.forms ?? [],
      social: null,
      counts: { elements: 100, ecoIndexElements: 100, links: 0, images: 0, forms: 0, iframes: 0, scripts: 0, words: 0, h1: 1 },
    },
    privacy: {
      cookies: over.cookies ?? [],
      cookieSource: over.cookieSource ?? 'cookieStore',
      resources: over.resources ?? [],
      banner: over.banner ?? NO_BANNER,
      storageKeys: [],
    },
    axe: null,
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0, axeMs: 0 },
    analyzedAt: NOW,
  });
}
