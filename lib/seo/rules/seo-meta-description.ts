// The meta description: Google often shows it as the snippet under the title link. Google sets
// no length; snippets are cut to the width of the result (about 155–160 characters in practice),
// so above 160 Grille states that it will be cut, and below 50 asks whether it says enough.
// Both are for the juror to weigh (review); only an absent or empty description is a fault.
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const MIN_DESCRIPTION = 50;
export const MAX_DESCRIPTION = 160;

export default defineRule({
  id: 'seo-meta-description',
  family: 'seo',
  topics: ['seo', 'content'],
  title: l('Méta-description', 'Meta description'),
  source: { label: 'Google Search Central — extraits (meta description)', url: 'https://developers.google.com/search/docs/appearance/snippet' },
  check({ snapshot }) {
    const description = (snapshot.meta.description ?? '').replace(/\s+/g, ' ').trim();
    const length = [...description].length;
    const data = { length, description, present: snapshot.meta.description !== null };
    if (length === 0)
      return {
        outcome: 'fail',
        detail: l(
          snapshot.meta.description === null ? 'La page n’a pas de méta-description (balise <meta name="description"> absente).' : 'La méta-description de la page est vide.',
          snapshot.meta.description === null ? 'The page has no meta description (no <meta name="description">).' : 'The page’s meta description is empty.',
        ),
        data,
      };
    if (length > MAX_DESCRIPTION)
      return {
        outcome: 'review',
        detail: l(
          `Méta-description de ${length} caractères (au-delà de ~${MAX_DESCRIPTION}, elle est coupée dans les résultats) : « ${description} »`,
          `${length}-character meta description (beyond ~${MAX_DESCRIPTION} it is cut in search results): “${description}”`,
        ),
        data,
      };
    if (length < MIN_DESCRIPTION)
      return {
        outcome: 'review',
        detail: l(
          `Méta-description courte (${length} caractères, moins de ${MIN_DESCRIPTION}) : « ${description} » — résume-t-elle la page ?`,
          `Short meta description (${length} characters, under ${MIN_DESCRIPTION}): “${description}” — does it sum up the page?`,
        ),
        data,
      };
    return { outcome: 'pass', detail: l(`Méta-description de ${length} caractères : « ${description} »`, `${length}-character meta description: “${description}”`), data };
  },
});
