// What the side panel reads from a page to tell which CMS or shop engine built it.
// `collectPageSignals` is injected on demand with scripting.executeScript, so it must be
// self-contained (no imports, no closures): it runs in the page's isolated world.
import { z } from 'zod';

export const PageSignals = z.object({
  contentType: z.string().max(200),
  generators: z.array(z.string().max(200)).max(20),
  /** Lower-cased script and stylesheet URLs (first 200). */
  assetUrls: z.array(z.string().max(2000)).max(200),
  bodyClasses: z.string().max(4000),
  /** Inline script markers: which known engine globals the page's own scripts define. */
  inlineMarkers: z.array(z.enum(['shopify', 'prestashop', 'woocommerce', 'wordpress'])).max(10),
  /** JSON-LD @type values and og:type. */
  schemaTypes: z.array(z.string().max(100)).max(50),
  ogType: z.string().max(100).nullable(),
  /** A visible control that adds to a cart, or a link to a cart. */
  hasCart: z.boolean(),
});
export type PageSignals = z.infer<typeof PageSignals>;

export function collectPageSignals(): PageSignals {
  const doc = document;
  const meta = (selector: string) => Array.from(doc.querySelectorAll<HTMLMetaElement>(selector)).map((m) => m.content);
  const assetUrls = [
    ...Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]')).map((s) => s.src),
    ...Array.from(doc.querySelectorAll<HTMLLinkElement>('link[href]')).map((l) => l.href),
  ]
    .slice(0, 200)
    .map((u) => u.toLowerCase().slice(0, 2000));
  const inline = Array.from(doc.querySelectorAll('script:not([src])'))
    .map((s) => s.textContent ?? '')
    .join('\n')
    .slice(0, 200_000);
  const inlineMarkers: PageSignals['inlineMarkers'] = [];
  if (/\bShopify\s*[.=]/.test(inline)) inlineMarkers.push('shopify');
  if (/\bprestashop\s*=/.test(inline)) inlineMarkers.push('prestashop');
  if (/\bwc_add_to_cart_params\b|\bwoocommerce_params\b/.test(inline)) inlineMarkers.push('woocommerce');
  if (/\bwp\.|wpApiSettings|\/wp-json\//.test(inline)) inlineMarkers.push('wordpress');
  const schemaTypes: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    try {
      const visit = (node: unknown): void => {
        if (schemaTypes.length >= 50 || !node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const record = node as Record<string, unknown>;
        const type = record['@type'];
        if (typeof type === 'string') schemaTypes.push(type.slice(0, 100));
        if (Array.isArray(type)) type.forEach((t) => typeof t === 'string' && schemaTypes.push(t.slice(0, 100)));
        if (record['@graph']) visit(record['@graph']);
      };
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed JSON-LD block is the page's problem, not a reason to stop.
    }
  }
  const cartPattern = /ajouter au panier|add to cart|add to bag|ajouter au sac|mon panier|votre panier|^panier$|^cart$/i;
  const controls = Array.from(doc.querySelectorAll('button, input[type="submit"], a')).slice(0, 3000);
  const hasCart = controls.some((el) => {
    const label = (el.textContent || (el as HTMLInputElement).value || el.getAttribute('aria-label') || '').trim();
    const href = el.getAttribute('href') ?? '';
    return cartPattern.test(label) || /\/(cart|panier|basket)(\/|$|\?)/i.test(href);
  });
  return {
    contentType: doc.contentType.slice(0, 200),
    generators: meta('meta[name="generator" i]').slice(0, 20).map((g) => g.slice(0, 200)),
    assetUrls,
    bodyClasses: (doc.body?.className ?? '').toString().slice(0, 4000),
    inlineMarkers,
    schemaTypes,
    ogType: meta('meta[property="og:type"]')[0]?.slice(0, 100) ?? null,
    hasCart,
  };
}
