// A link to the legal notice (mentions légales): the LCEN requires a site's publisher to be
// identified (name, address, publication director, host). Grille looks for the link only.
import { describeLink, findLinks, LEGAL_NOTICE } from '../links';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export default defineRule({
  id: 'rgpd-legal-notice-link',
  family: 'rgpd',
  topics: ['data-protection', 'legal'],
  title: l('Lien vers les mentions légales', 'Link to the legal notice'),
  source: { label: 'Loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique (LCEN), article 6', url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000801164' },
  check(facts) {
    const links = findLinks(facts, LEGAL_NOTICE);
    const data = { links: facts.snapshot.links.length, found: links.length };
    if (!links.length)
      return {
        outcome: 'fail',
        detail: l(
          `Aucun lien « Mentions légales » (ou legal notice, imprint) parmi les ${facts.snapshot.links.length} liens de la page.`,
          `No “Mentions légales” (legal notice, imprint) link among the page’s ${facts.snapshot.links.length} links.`,
        ),
        data,
      };
    const first = links[0]!;
    const d = describeLink(first);
    return {
      outcome: 'pass',
      detail: l(`Lien vers les mentions légales : ${d.fr}. Leur contenu reste à lire par le juré.`, `Link to the legal notice: ${d.en}. Its content is for the juror to read.`),
      elements: first.selector ? [{ selector: first.selector, snippet: first.text }] : [],
      data,
    };
  },
});
