// <meta name="robots">: noindex (or none) asks search engines to leave the page out of their
// results — a fault for a page meant to be found (legitimate on a staging site, which the juror
// knows). nofollow asks them not to follow its links: for the juror to weigh. The X-Robots-Tag
// HTTP header can say the same, but a page cannot read its own response headers: a pass says so.
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export function robotsDirectives(content: string | null): string[] {
  return (content ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((d) => d !== '');
}

const HEADER_NOTE = l(
  'L’en-tête HTTP X-Robots-Tag, qui peut aussi interdire l’indexation, n’est pas visible depuis la page et n’a pas été vérifié.',
  'The X-Robots-Tag HTTP header, which can also forbid indexing, is not visible from the page and was not checked.',
);

export default defineRule({
  id: 'seo-indexability',
  family: 'seo',
  topics: ['seo'],
  title: l('Indexation par les moteurs (meta robots)', 'Indexing by search engines (meta robots)'),
  source: { label: 'Google Search Central — balise meta robots', url: 'https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag' },
  check({ snapshot }) {
    const content = snapshot.meta.robots;
    const directives = robotsDirectives(content);
    const data = { robots: content };
    const quoted = l(`<meta name="robots" content="${content ?? ''}">`, `<meta name="robots" content="${content ?? ''}">`);
    if (directives.includes('noindex') || directives.includes('none'))
      return {
        outcome: 'fail',
        detail: l(`La page demande à ne pas être indexée par les moteurs de recherche : ${quoted.fr}.`, `The page asks search engines not to index it: ${quoted.en}.`),
        data,
      };
    if (directives.includes('nofollow'))
      return {
        outcome: 'review',
        detail: l(
          `La page peut être indexée mais demande aux moteurs de ne suivre aucun de ses liens : ${quoted.fr}. ${HEADER_NOTE.fr}`,
          `The page may be indexed but asks search engines not to follow any of its links: ${quoted.en}. ${HEADER_NOTE.en}`,
        ),
        data,
      };
    return {
      outcome: 'pass',
      detail: l(
        `${content === null ? 'Pas de balise meta robots : la page peut être indexée.' : `La balise meta robots permet l’indexation : ${quoted.fr}.`} ${HEADER_NOTE.fr}`,
        `${content === null ? 'No meta robots tag: the page may be indexed.' : `The meta robots tag allows indexing: ${quoted.en}.`} ${HEADER_NOTE.en}`,
      ),
      data,
    };
  },
});
