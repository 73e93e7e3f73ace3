// Page facts for the consent flow's tests: the sample site's home as Grille reads it.
import type { PageFacts } from '@/lib/page/facts';
import { pageFacts } from '../../fixtures/page-facts';

export const SITE = 'http://localhost:8080/';
const T = 'http://127.0.0.1:8080';

export interface Scene {
  cookies?: string[];
  resources?: { url: string; startTime: number; initiatorType?: string }[];
  bannerVisible?: boolean;
  storageKeys?: string[];
}

export const PAGEVIEW = { url: `${T}/collect?v=1&tid=BR-4471&ev=pageview&dl=${encodeURIComponent(SITE)}`, startTime: 40 };
export const ENGAGEMENT = { url: `${T}/collect?v=1&tid=BR-4471&ev=engagement&dl=${encodeURIComponent(SITE)}`, startTime: 190 };
export const CSS = { url: `${SITE}wp-content/themes/brume/style.css`, startTime: 20, initiatorType: 'link' };
export const FONT = { url: 'https://fonts.gstatic.com/s/inter.woff2', startTime: 60, initiatorType: 'css' };
export const GA = { url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1', startTime: 900, initiatorType: 'fetch' };

export function sceneFacts(scene: Scene): PageFacts {
  return pageFacts({
    snapshot: { url: SITE, title: 'Atelier Brume', meta: { charset: null }, counts: { elements: 1, ecoIndexElements: 1 } },
    privacy: {
      cookies: (scene.cookies ?? []).map((name) => ({ name, domain: null, expires: null })),
      cookieSource: 'cookieStore',
      resources: (scene.resources ?? []).map((r) => ({ url: r.url, startTime: r.startTime, initiatorType: r.initiatorType ?? 'img', transferSize: 0 })),
      banner: { found: true, visible: scene.bannerVisible ?? true, selector: '#cookie-banner', text: 'Ce site utilise des cookies', buttons: [], links: [] },
      storageKeys: scene.storageKeys ?? [],
    },
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0 },
    analyzedAt: 1_700_000_000_000,
  });
}
