// Cookies present before the visitor has chosen: the CNIL requires consent before any cookie that
// is not strictly necessary is written. Grille reads the cookies the page can see while the
// banner is still on screen; names that usually serve exempt uses (consent record, session,
// cart) are set apart for the juror, never silently passed.
import { exemptUse } from '../data/exempt-cookies';
import { bannerRef, bannerShown } from '../banner';
import { listText } from '../third-parties';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const CNIL_GUIDELINES = {
  label: 'CNIL — lignes directrices et recommandation « cookies et autres traceurs » (2020)',
  url: 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies/lignes-directrices-modificatives-et-recommandation',
};

export default defineRule({
  id: 'rgpd-cookies-before-consent',
  family: 'rgpd',
  topics: ['data-protection'],
  title: l('Cookies déposés avant le consentement', 'Cookies set before consent'),
  source: CNIL_GUIDELINES,
  check({ privacy }) {
    const { cookies, banner } = privacy;
    const shown = bannerShown(banner);
    const data = { cookies: cookies.length, bannerShown: shown, names: cookies.map((c) => c.name).join(', ').slice(0, 500) };
    if (cookies.length === 0)
      return {
        outcome: 'pass',
        detail: l(
          'Aucun cookie lisible par la page. Les cookies HttpOnly et ceux des autres sites ne sont pas visibles d’ici : les requêtes tierces en tiennent lieu.',
          'No cookie readable by the page. HttpOnly cookies and other sites’ cookies are not visible from here: third-party requests stand in for them.',
        ),
        data,
      };
    const flagged = cookies.filter((c) => !exemptUse(c.name)).map((c) => c.name);
    const exempt = cookies.filter((c) => exemptUse(c.name)).map((c) => `${c.name} (${exemptUse(c.name)!.who})`);
    const flaggedText = listText(flagged);
    const exemptText = listText(exempt);
    const exemptNote = exempt.length
      ? l(` Noms évoquant un usage exempté de consentement, mis à part : ${exemptText.fr}.`, ` Names suggesting a use exempt from consent, set apart: ${exemptText.en}.`)
      : l('', '');
    if (!shown) {
      const all = listText(cookies.map((c) => c.name));
      return {
        outcome: 'review',
        detail: l(
          `${cookies.length} cookie(s) présent(s) (${all.fr}) et aucun bandeau de consentement affiché : le consentement a-t-il été donné plus tôt sur ce site ? Sinon, ils sont déposés sans consentement. Le parcours guidé recharge la page sans cookies pour le vérifier.`,
          `${cookies.length} cookie(s) present (${all.en}) and no consent banner on screen: was consent given earlier on this site? If not, they are set without consent. The guided flow reloads the page without cookies to check.`,
        ),
        data,
      };
    }
    if (flagged.length === 0)
      return {
        outcome: 'review',
        detail: l(
          `Bandeau affiché (aucun choix fait) ; seuls des cookies dont le nom évoque un usage exempté sont présents : ${exemptText.fr}. À vérifier par le juré : servent-ils bien à cela ?`,
          `Banner on screen (no choice made); only cookies whose names suggest an exempt use are present: ${exemptText.en}. For the juror to check: is that what they are for?`,
        ),
        elements: bannerRef(banner),
        data,
      };
    return {
      outcome: 'fail',
      detail: l(
        `${flagged.length} cookie(s) déjà présent(s) alors que le bandeau de consentement est encore affiché (aucun choix fait) : ${flaggedText.fr}.${exemptNote.fr}`,
        `${flagged.length} cookie(s) already present while the consent banner is still on screen (no choice made): ${flaggedText.en}.${exemptNote.en}`,
      ),
      elements: bannerRef(banner),
      data,
    };
  },
});
