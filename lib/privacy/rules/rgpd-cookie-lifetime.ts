// Cookies kept longer than 13 months: the CNIL recommends that trackers' lifetime be limited to
// 13 months (not extended automatically on each visit). Read from the expiry the browser stores —
// Chromium stores at most 400 days, so a longer request shows as 400 days.
import { atBrowserCap, BROWSER_CAP_DAYS, LIMIT_DAYS, lifetimes, months } from '../lifetimes';
import { decimalFr } from '../wording';
import { listText } from '../third-parties';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export default defineRule({
  id: 'rgpd-cookie-lifetime',
  family: 'rgpd',
  topics: ['data-protection'],
  title: l('Durée de vie des cookies (13 mois au plus)', 'Cookie lifetime (13 months at most)'),
  source: { label: 'CNIL — cookies : solutions pour les outils de mesure d’audience (durée de vie de 13 mois)', url: 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience' },
  check({ privacy, analyzedAt }) {
    const { cookies } = privacy;
    if (cookies.length === 0) return { outcome: 'inapplicable', detail: l('Aucun cookie lisible par la page.', 'No cookie readable by the page.') };
    const all = lifetimes(cookies, analyzedAt);
    const long = all.filter((c): c is { name: string; days: number } => typeof c.days === 'number' && c.days > LIMIT_DAYS);
    const unknown = all.filter((c) => c.days === undefined);
    const data = { cookies: cookies.length, beyond13Months: long.length, unknown: unknown.length, source: privacy.cookieSource };
    if (long.length) {
      const items = long.map((c) => `${c.name} (${decimalFr(months(c.days))} mois)`);
      const itemsEn = long.map((c) => `${c.name} (${months(c.days).toFixed(1)} months)`);
      const capped = long.some((c) => atBrowserCap(c.days));
      return {
        outcome: 'fail',
        detail: l(
          `${long.length} cookie(s) conservé(s) plus de 13 mois : ${listText(items).fr}.${capped ? ` Le navigateur plafonne la durée enregistrée à ${BROWSER_CAP_DAYS} jours (≈ 13,1 mois) : le site a pu demander plus long.` : ''}`,
          `${long.length} cookie(s) kept longer than 13 months: ${listText(itemsEn).en}.${capped ? ` The browser caps the stored lifetime at ${BROWSER_CAP_DAYS} days (≈ 13.1 months): the site may have asked for longer.` : ''}`,
        ),
        data,
      };
    }
    if (unknown.length)
      return {
        outcome: 'review',
        detail: l(
          `Durée de vie inconnue pour ${unknown.length} cookie(s) (${listText(unknown.map((c) => c.name)).fr}) : le navigateur n’a donné que les noms (page hors contexte sécurisé). À vérifier dans les outils de développement (Application › Cookies).`,
          `Unknown lifetime for ${unknown.length} cookie(s) (${listText(unknown.map((c) => c.name)).en}): the browser only gave the names (page outside a secure context). To check in the developer tools (Application › Cookies).`,
        ),
        data,
      };
    const longest = Math.max(0, ...all.map((c) => (typeof c.days === 'number' ? c.days : 0)));
    return {
      outcome: 'pass',
      detail: l(
        `${cookies.length} cookie(s), tous de session ou de 13 mois au plus${longest > 0 ? ` (le plus long : ${decimalFr(months(longest))} mois)` : ''}.`,
        `${cookies.length} cookie(s), all session cookies or 13 months at most${longest > 0 ? ` (longest: ${months(longest).toFixed(1)} months)` : ''}.`,
      ),
      data,
    };
  },
});
