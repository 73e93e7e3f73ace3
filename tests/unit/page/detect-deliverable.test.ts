import { describe, expect, it } from 'vitest';
import { detectDeliverable } from '@/lib/page/detect-deliverable';
import type { PageSignals } from '@/lib/page/page-signals';
import { t } from '@/lib/i18n';

const blank: PageSignals = {
  contentType: 'text/html',
  generators: [],
  assetUrls: [],
  bodyClasses: '',
  inlineMarkers: [],
  schemaTypes: [],
  ogType: null,
  hasCart: false,
};
const label = (url: string, signals?: Partial<PageSignals>) => {
  const d = detectDeliverable(url, signals ? { ...blank, ...signals } : undefined);
  return d ? (d.labelArg ? t(d.labelKey, d.labelArg) : t(d.labelKey)) : null;
};

describe('detectDeliverable', () => {
  it.each([
    ['https://docs.google.com/document/d/1AbC/edit', 'Document Google Docs'],
    ['https://docs.google.com/presentation/d/1AbC/edit#slide=id.p', 'Présentation Google Slides'],
    ['https://docs.google.com/spreadsheets/d/1AbC/edit', 'Tableur Google Sheets'],
    ['https://www.instagram.com/atelier.brume/', 'Compte Instagram'],
    ['https://fr.linkedin.com/company/atelier-brume', 'Compte LinkedIn'],
    ['https://www.facebook.com/atelierbrume', 'Compte Facebook'],
    ['https://www.tiktok.com/@atelierbrume', 'Compte TikTok'],
    ['https://x.com/atelierbrume', 'Compte X'],
    ['https://twitter.com/atelierbrume', 'Compte X'],
    ['https://www.youtube.com/@atelierbrume', 'Compte YouTube'],
    ['https://www.pinterest.fr/atelierbrume/', 'Compte Pinterest'],
    ['https://example.org/dossier-final.PDF', 'Document PDF'],
    ['https://brume.myshopify.com/products/figue', 'Site e-commerce (Shopify)'],
    ['https://atelier-brume.fr/', 'Site web'],
  ])('%s → %s', (url, expected) => {
    expect(label(url)).toBe(expected);
  });

  it('does not take a look-alike host for a social network', () => {
    expect(label('https://instagram.com.evil.example/')).toBe('Site web');
    expect(label('https://notinstagram.com/')).toBe('Site web');
  });

  it('ignores browser and extension pages', () => {
    expect(detectDeliverable('chrome://newtab/')).toBeNull();
    expect(detectDeliverable('chrome-extension://abc/sidepanel.html')).toBeNull();
    expect(detectDeliverable('about:blank')).toBeNull();
  });

  it('tells the engine and whether the site sells from page signals', () => {
    expect(label('https://a.fr/', { generators: ['WordPress 6.6.2', 'WooCommerce 9.3.3'] })).toBe('Site e-commerce (WooCommerce)');
    expect(label('https://a.fr/', { bodyClasses: 'home woocommerce-page' })).toBe('Site e-commerce (WooCommerce)');
    expect(label('https://a.fr/', { assetUrls: ['https://cdn.shopify.com/s/files/theme.js'] })).toBe('Site e-commerce (Shopify)');
    expect(label('https://a.fr/', { inlineMarkers: ['prestashop'] })).toBe('Site e-commerce (PrestaShop)');
    expect(label('https://a.fr/', { generators: ['WordPress 6.6.2'] })).toBe('Site web (WordPress)');
    expect(label('https://a.fr/', { generators: ['WordPress 6.6.2'], hasCart: true })).toBe('Site e-commerce (WordPress)');
    expect(label('https://a.fr/', { schemaTypes: ['Product'] })).toBe('Site e-commerce');
    expect(label('https://a.fr/', {})).toBe('Site web');
    expect(label('https://a.fr/doc', { contentType: 'application/pdf' })).toBe('Document PDF');
  });

  it('ranks the specific kind first for shops', () => {
    expect(detectDeliverable('https://a.fr/', { ...blank, hasCart: true })?.kinds).toEqual(['ecommerce-site', 'website']);
  });
});
