// Links the page offers (snapshot links and the consent banner's links) whose text or address
// matches a pattern — privacy policy, legal notice, terms of sale.
import type { LinkFact, PageFacts } from '../page/facts';
import { fold, foldUrl } from './wording';

export interface FoundLink {
  href: string;
  text: string;
  selector: string | null;
  visible: boolean;
}

export function findLinks(facts: Pick<PageFacts, 'snapshot' | 'privacy'>, pattern: RegExp): FoundLink[] {
  const fromPage = facts.snapshot.links.map((k: LinkFact) => ({ href: k.href, text: k.text, selector: k.selector, visible: k.visible }));
  const fromBanner = facts.privacy.banner.links.map((k) => ({ href: k.href, text: k.text, selector: null, visible: facts.privacy.banner.visible }));
  const found = [...fromPage, ...fromBanner].filter((k) => pattern.test(fold(k.text)) || pattern.test(foldUrl(k.href)));
  // Visible links first: a link only in hidden markup is weaker evidence.
  return found.sort((a, b) => Number(b.visible) - Number(a.visible));
}

/** « texte » (adresse), in both languages. */
export function describeLink(link: FoundLink): { fr: string; en: string } {
  const text = link.text.trim();
  return { fr: `« ${text || 'sans texte'} » (${link.href})`, en: `“${text || 'no text'}” (${link.href})` };
}

export const PRIVACY_POLICY = /confidentialite|donnees personnelles|donnees a caractere personnel|protection des donnees|vie privee|privacy|datenschutz|\brgpd\b|\bgdpr\b|politique (de |des |d'utilisation des )?(gestion des )?cookies|cookies? polic|charte (des )?cookies/;
export const LEGAL_NOTICE = /mentions? legales?|informations? legales?|legal notices?|legal mentions|legal information|\bimprint\b|\bimpressum\b|^legal$/;
export const TERMS_OF_SALE = /\bcgv\b|conditions generales de vente|conditions de vente|conditions generales d'utilisation et de vente|\bcguv\b|terms (of|and conditions of) sale|conditions of sale|terms and conditions|terms & conditions|\bagb\b/;
