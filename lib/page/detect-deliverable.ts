// Tells what kind of deliverable a tab shows — a Google Doc, an Instagram account, a Shopify
// shop… — from its URL, refined by page signals when the juror lets Grille read the page.
import type { DeliverableKind, Topic } from '../referentiels/schema';
import type { PageSignals } from './page-signals';

export const PLATFORMS = [
  'google-docs',
  'google-slides',
  'google-sheets',
  'instagram',
  'linkedin',
  'facebook',
  'tiktok',
  'x',
  'youtube',
  'pinterest',
  'wordpress',
  'shopify',
  'woocommerce',
  'prestashop',
  'website',
  'pdf',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface DeliverableDetection {
  platform: Platform;
  /** Kinds of deliverable, most specific first; used to rank criteria. */
  kinds: DeliverableKind[];
  /** i18n message key of the label shown to the juror (« Compte Instagram »…). */
  labelKey: string;
  /** Platform name to insert in the label, when the label takes one. */
  labelArg: string | null;
  /** Whether page signals were read (CMS detection needs them). */
  fromPageSignals: boolean;
}

const SOCIAL_HOSTS: [RegExp, Platform][] = [
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(facebook\.com|fb\.com)$/, 'facebook'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)pinterest\.[a-z.]+$/, 'pinterest'],
];

const SOCIAL_NAMES: Partial<Record<Platform, string>> = {
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  x: 'X',
  youtube: 'YouTube',
  pinterest: 'Pinterest',
};

/** Only web pages and local files can be deliverables; browser and extension pages cannot. */
export function isInspectableUrl(url: string | undefined): url is string {
  return !!url && /^(https?|file):/i.test(url);
}

function fromUrl(url: URL): DeliverableDetection | null {
  const host = url.hostname.toLowerCase();
  if (host === 'docs.google.com') {
    if (url.pathname.startsWith('/document/')) return make('google-docs', ['written-document'], 'kindGoogleDocs');
    if (url.pathname.startsWith('/presentation/')) return make('google-slides', ['presentation'], 'kindGoogleSlides');
    if (url.pathname.startsWith('/spreadsheets/'))
      return make('google-sheets', ['dashboard', 'project-artefact'], 'kindGoogleSheets');
  }
  for (const [pattern, platform] of SOCIAL_HOSTS) {
    if (pattern.test(host)) return make(platform, ['social-account'], 'kindSocialAccount', SOCIAL_NAMES[platform]);
  }
  if (/\.pdf$/i.test(url.pathname)) return make('pdf', ['written-document', 'presentation'], 'kindPdf');
  if (/\.myshopify\.com$/.test(host)) return make('shopify', ['ecommerce-site', 'website'], 'kindEcommerceOn', 'Shopify');
  return null;
}

function make(
  platform: Platform,
  kinds: DeliverableKind[],
  labelKey: string,
  labelArg: string | null = null,
  fromPageSignals = false,
): DeliverableDetection {
  return { platform, kinds, labelKey, labelArg, fromPageSignals };
}

function engineFromSignals(s: PageSignals): 'shopify' | 'woocommerce' | 'prestashop' | 'wordpress' | null {
  const generators = s.generators.join(' ').toLowerCase();
  const assets = s.assetUrls.join(' ');
  const body = s.bodyClasses.toLowerCase();
  if (generators.includes('shopify') || assets.includes('cdn.shopify.com') || s.inlineMarkers.includes('shopify'))
    return 'shopify';
  if (generators.includes('prestashop') || s.inlineMarkers.includes('prestashop')) return 'prestashop';
  if (
    generators.includes('woocommerce') ||
    /(^|\s)woocommerce(-page)?(\s|$)/.test(body) ||
    assets.includes('/plugins/woocommerce/') ||
    s.inlineMarkers.includes('woocommerce')
  )
    return 'woocommerce';
  if (generators.includes('wordpress') || assets.includes('/wp-content/') || assets.includes('/wp-includes/') || s.inlineMarkers.includes('wordpress'))
    return 'wordpress';
  return null;
}

function looksLikeShop(s: PageSignals): boolean {
  const types = s.schemaTypes.map((t) => t.toLowerCase());
  return s.hasCart || types.some((t) => t === 'product' || t === 'offer' || t === 'store') || s.ogType?.toLowerCase() === 'product';
}

/**
 * Detects the deliverable shown at `url`. Without signals only the URL speaks (a site is
 * then a plain website); with signals, the CMS and whether it sells online are told too.
 */
export function detectDeliverable(url: string, signals?: PageSignals | null): DeliverableDetection | null {
  if (!isInspectableUrl(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (signals?.contentType === 'application/pdf') return make('pdf', ['written-document', 'presentation'], 'kindPdf', null, true);
  const known = fromUrl(parsed);
  if (known) return known;
  if (!signals) return make('website', ['website'], 'kindWebsite');
  const engine = engineFromSignals(signals);
  const shop = engine === 'shopify' || engine === 'woocommerce' || engine === 'prestashop' || looksLikeShop(signals);
  const names = { shopify: 'Shopify', woocommerce: 'WooCommerce', prestashop: 'PrestaShop', wordpress: 'WordPress' } as const;
  if (shop) {
    return engine
      ? make(engine, ['ecommerce-site', 'website'], 'kindEcommerceOn', names[engine], true)
      : make('website', ['ecommerce-site', 'website'], 'kindEcommerce', null, true);
  }
  if (engine === 'wordpress') return make('wordpress', ['website'], 'kindWebsiteOn', 'WordPress', true);
  return make('website', ['website'], 'kindWebsite', null, true);
}

/** Topics a juror typically checks on each kind of deliverable; they rank criteria after the kind. */
export const TOPICS_BY_KIND: Record<DeliverableKind, Topic[]> = {
  'written-document': [],
  presentation: ['oral-communication'],
  'social-account': ['community', 'content', 'influence', 'visual-identity', 'paid-media'],
  website: ['accessibility', 'data-protection', 'seo', 'eco-design', 'ux', 'web-production', 'content', 'visual-identity'],
  'ecommerce-site': ['ecommerce', 'accessibility', 'data-protection', 'seo', 'eco-design', 'ux', 'crm'],
  emailing: ['content', 'crm', 'data-protection'],
  'project-artefact': ['project-management', 'team-management', 'budget'],
  dashboard: ['kpi-reporting', 'budget'],
};
