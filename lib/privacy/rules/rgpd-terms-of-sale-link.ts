// On a shop, a link to the terms of sale (CGV): the Code de la consommation requires the seller
// to give its conditions before a distance sale. A page is taken for a shop when it declares
// products (JSON-LD Product / Offer) or offers a cart (« Ajouter au panier », a cart link).
import type { PageSnapshot } from '../../page/facts';
import { describeLink, findLinks, TERMS_OF_SALE } from '../links';
import { fold, foldUrl } from '../wording';
import { defineRule } from '../../checks/types';
import { l, type Localized } from '../../i18n/localized';

const SHOP_TYPES = new Set(['product', 'offer', 'aggregateoffer', 'productgroup', 'store', 'onlinestore']);
const CART_LINK = /\b(panier|cart|basket|checkout|caisse|warenkorb)\b/;
const CART_TEXT = /ajouter au panier|add to (cart|basket|bag)|acheter maintenant|buy now|in den warenkorb/;

/** Why the page looks like a shop, or null. */
export function shopSignal(snapshot: PageSnapshot): Localized | null {
  const type = snapshot.jsonLd.types.find((t) => SHOP_TYPES.has(t.toLowerCase().replace(/^.*[/#:]/, '')));
  if (type) return l(`données structurées ${type}`, `structured data ${type}`);
  if (CART_TEXT.test(fold(snapshot.mainText))) return l('bouton « Ajouter au panier »', '“Add to cart” button');
  const cart = snapshot.links.find((k) => CART_LINK.test(fold(k.text)) || CART_LINK.test(foldUrl(k.href)));
  if (cart) return l(`lien vers le panier (${cart.href})`, `link to the cart (${cart.href})`);
  return null;
}

export default defineRule({
  id: 'rgpd-terms-of-sale-link',
  family: 'rgpd',
  topics: ['data-protection', 'legal', 'ecommerce'],
  title: l('Lien vers les conditions générales de vente (site marchand)', 'Link to the terms of sale (online shop)'),
  source: { label: 'Code de la consommation, articles L111-1 et L221-5 — information précontractuelle', url: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006069565' },
  check(facts) {
    const shop = shopSignal(facts.snapshot);
    if (!shop) return { outcome: 'inapplicable', detail: l('La page ne présente pas de signe de vente en ligne (produit, panier).', 'The page shows no sign of online selling (product, cart).') };
    const links = findLinks(facts, TERMS_OF_SALE);
    const data = { shop: true, found: links.length };
    if (!links.length)
      return {
        outcome: 'fail',
        detail: l(`Site marchand (${shop.fr}) sans lien vers des conditions générales de vente (CGV).`, `Online shop (${shop.en}) with no link to terms of sale.`),
        data,
      };
    const first = links[0]!;
    const d = describeLink(first);
    return {
      outcome: 'pass',
      detail: l(`Site marchand (${shop.fr}) ; lien vers les CGV : ${d.fr}. Leur contenu reste à lire par le juré.`, `Online shop (${shop.en}); link to the terms of sale: ${d.en}. Their content is for the juror to read.`),
      elements: first.selector ? [{ selector: first.selector, snippet: first.text }] : [],
      data,
    };
  },
});
