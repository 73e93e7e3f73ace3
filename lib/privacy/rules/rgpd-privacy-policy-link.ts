// A link to the privacy policy (or the cookie policy): the information the RGPD requires
// (art. 12 and 13) must be easy to reach. Grille looks for the link, not at what the policy says.
import { describeLink, findLinks, PRIVACY_POLICY } from '../links';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export default defineRule({
  id: 'rgpd-privacy-policy-link',
  family: 'rgpd',
  topics: ['data-protection', 'legal'],
  title: l('Lien vers la politique de confidentialité', 'Link to the privacy policy'),
  source: { label: 'RGPD (règlement (UE) 2016/679), articles 12 et 13 — information des personnes', url: 'https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679' },
  check(facts) {
    const links = findLinks(facts, PRIVACY_POLICY);
    const data = { links: facts.snapshot.links.length, found: links.length };
    if (!links.length)
      return {
        outcome: 'fail',
        detail: l(
          `Aucun lien vers une politique de confidentialité, de protection des données ou de cookies parmi les ${facts.snapshot.links.length} liens de la page (ni dans le bandeau).`,
          `No link to a privacy, data protection or cookie policy among the page’s ${facts.snapshot.links.length} links (nor in the banner).`,
        ),
        data,
      };
    const first = links[0]!;
    const d = describeLink(first);
    const hidden = first.visible ? l('', '') : l(' (lien présent mais non visible)', ' (link present but not visible)');
    return {
      outcome: 'pass',
      detail: l(`Lien vers la politique : ${d.fr}${hidden.fr}. Son contenu reste à lire par le juré.`, `Link to the policy: ${d.en}${hidden.en}. Its content is for the juror to read.`),
      elements: first.selector ? [{ selector: first.selector, snippet: first.text }] : [],
      data,
    };
  },
});
