// Structured data in JSON-LD (schema.org): lets search engines show rich results (product price,
// article date, organisation). Not required, so none → review. A block that does not parse as
// JSON is ignored by search engines: a fault. Whether the types fit the page, and whether Google
// accepts their properties, is for the juror (Google's Rich Results Test).
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export default defineRule({
  id: 'seo-structured-data',
  family: 'seo',
  topics: ['seo', 'web-production'],
  title: l('Données structurées (JSON-LD)', 'Structured data (JSON-LD)'),
  source: { label: 'Google Search Central — introduction aux données structurées ; schema.org', url: 'https://developers.google.com/search/docs/appearance/structured-data/intro-structured-data' },
  check({ snapshot }) {
    const { types, blocks, invalid } = snapshot.jsonLd;
    const typeList = [...new Set(types)].join(', ');
    // blocks holds every block as written, the unparsable ones included.
    const valid = Math.max(0, blocks.length - invalid);
    const data = { blocks: blocks.length, valid, invalid, types: typeList };
    if (invalid > 0)
      return {
        outcome: 'fail',
        detail: l(
          `${invalid} bloc(s) JSON-LD illisible(s) (JSON invalide), ignoré(s) par les moteurs${valid > 0 ? ` ; ${valid} bloc(s) lisible(s)${typeList ? `, types : ${typeList}` : ''}` : ''}.`,
          `${invalid} unreadable JSON-LD block(s) (invalid JSON), ignored by search engines${valid > 0 ? `; ${valid} readable block(s)${typeList ? `, types: ${typeList}` : ''}` : ''}.`,
        ),
        data,
      };
    if (blocks.length === 0)
      return {
        outcome: 'review',
        detail: l(
          'Aucune donnée structurée (JSON-LD) ; utile pour un produit, un article, une organisation (résultats enrichis).',
          'No structured data (JSON-LD); useful for a product, an article, an organisation (rich results).',
        ),
        data,
      };
    if (types.length === 0)
      return {
        outcome: 'review',
        detail: l(`${blocks.length} bloc(s) JSON-LD sans type schema.org (@type) : les moteurs ne sauront pas ce qu’ils décrivent.`, `${blocks.length} JSON-LD block(s) without a schema.org type (@type): search engines cannot tell what they describe.`),
        data,
      };
    return {
      outcome: 'pass',
      detail: l(`${blocks.length} bloc(s) JSON-LD lisible(s), types schema.org : ${typeList}.`, `${blocks.length} readable JSON-LD block(s), schema.org types: ${typeList}.`),
      data,
    };
  },
});
