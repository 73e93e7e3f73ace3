// The page's <title>: present, and short enough to show whole in search results.
// Google cuts title links to the width of its result column (about 600 px, 55–70 characters in
// practice); it publishes no number, so above 70 characters Grille reports a fact — « will be cut »
// — and below 10 it asks the juror to judge whether the title says enough.
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const MAX_TITLE = 70;
export const MIN_TITLE = 10;

export default defineRule({
  id: 'seo-title-length',
  family: 'seo',
  topics: ['seo'],
  title: l('Titre de la page (balise title)', 'Page title (title element)'),
  source: { label: 'Google Search Central — liens de titre', url: 'https://developers.google.com/search/docs/appearance/title-link' },
  check({ snapshot }) {
    const title = snapshot.title.replace(/\s+/g, ' ').trim();
    const length = [...title].length;
    const data = { length, title };
    if (length === 0) return { outcome: 'fail', detail: l('La page n’a pas de titre (balise <title> absente ou vide).', 'The page has no title (missing or empty <title>).'), data };
    if (length > MAX_TITLE)
      return {
        outcome: 'fail',
        detail: l(`Titre de ${length} caractères (au-delà de ~${MAX_TITLE}, il est tronqué dans les résultats) : « ${title} »`, `${length}-character title (beyond ~${MAX_TITLE} it is cut in search results): “${title}”`),
        data,
      };
    if (length < MIN_TITLE)
      return { outcome: 'review', detail: l(`Titre très court (${length} caractères) : « ${title} » — dit-il de quoi parle la page ?`, `Very short title (${length} characters): “${title}” — does it say what the page is about?`), data };
    return { outcome: 'pass', detail: l(`Titre de ${length} caractères : « ${title} »`, `${length}-character title: “${title}”`), data };
  },
});
