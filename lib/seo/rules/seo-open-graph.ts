// Open Graph: the title, description and image social networks show when the page is shared.
// Not required for search ranking: missing ones are listed for the juror (review).
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const OG_REQUIRED = ['og:title', 'og:description', 'og:image'] as const;

/** The tag's content whether the snapshot keys it « og:title » or « title ». */
function og(openGraph: Record<string, string>, key: string): string {
  return (openGraph[key] ?? openGraph[key.replace(/^og:/, '')] ?? '').trim();
}

export default defineRule({
  id: 'seo-open-graph',
  family: 'seo',
  topics: ['seo', 'community'],
  title: l('Aperçu au partage (Open Graph)', 'Share preview (Open Graph)'),
  source: { label: 'The Open Graph protocol', url: 'https://ogp.me/' },
  check({ snapshot }) {
    const values = Object.fromEntries(OG_REQUIRED.map((k) => [k, og(snapshot.meta.openGraph, k)]));
    const missing = OG_REQUIRED.filter((k) => values[k] === '');
    const data = { ...values, missing: missing.join(', ') };
    const shown = OG_REQUIRED.filter((k) => values[k] !== '')
      .map((k) => `${k} « ${values[k]} »`)
      .join(' ; ');
    const shownEn = OG_REQUIRED.filter((k) => values[k] !== '')
      .map((k) => `${k} “${values[k]}”`)
      .join('; ');
    if (missing.length === OG_REQUIRED.length)
      return {
        outcome: 'review',
        detail: l(
          'Aucune balise Open Graph (og:title, og:description, og:image) : au partage sur les réseaux sociaux, l’aperçu sera deviné par chaque réseau.',
          'No Open Graph tag (og:title, og:description, og:image): when shared on social networks, each network will guess the preview.',
        ),
        data,
      };
    if (missing.length > 0)
      return {
        outcome: 'review',
        detail: l(`Balises Open Graph manquantes : ${missing.join(', ')} (présentes : ${shown}).`, `Missing Open Graph tags: ${missing.join(', ')} (present: ${shownEn}).`),
        data,
      };
    return { outcome: 'pass', detail: l(`Aperçu au partage : ${shown}.`, `Share preview: ${shownEn}.`), data };
  },
});
