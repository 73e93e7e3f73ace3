// Bytes transferred to show the page, set against a reference, not a norm: the median web page
// weighs about 2 MB (HTTP Archive). No standard sets a maximum, so Grille never says « fail »:
// above the median it asks the juror to look (review); below half of it (1 MB, also EcoIndex's
// target of 1024 KB) what was measured is light (pass); in between it states the figure alone
// (info). The juror judges. When most requests reported no size the figure is well under the
// real one: review, whatever it is.
import { LOWER_BOUND, sentences, weightNotes } from '../caveats';
import { pageWeight } from '../ecoindex';
import { enNumber, enPlural, formatBytes, frNumber, frPlural } from '../format';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

const MB = 1024 * 1024;
/** The median page's weight on HTTP Archive, rounded: a comparison point. */
export const MEDIAN_BYTES = 2 * MB;
export const LIGHT_BYTES = 1 * MB;

export default defineRule({
  id: 'eco-page-weight',
  family: 'eco',
  topics: ['eco-design', 'web-production'],
  title: l('Poids de la page (données transférées)', 'Page weight (data transferred)'),
  source: { label: 'HTTP Archive — Page Weight (médiane du web)', url: 'https://httparchive.org/reports/page-weight' },
  check(facts) {
    const weight = pageWeight(facts);
    const size = formatBytes(weight.bytes);
    const ratio = weight.bytes / MEDIAN_BYTES;
    const data = { bytes: weight.bytes, requests: weight.requests, zeroSized: weight.zeroSized, medianRatio: Math.round(ratio * 100) / 100 };
    const requests = l(`${weight.requests} ${frPlural(weight.requests, 'requête', 'requêtes')}`, `${weight.requests} ${enPlural(weight.requests, 'request', 'requests')}`);
    if (weight.unknown)
      return {
        outcome: 'review',
        detail: l(
          `Poids inconnu : aucune des ${requests.fr} n’a indiqué sa taille (page servie depuis le cache ?) ; à mesurer à nouveau sur une première visite (« recharger sans cookies »).`,
          `Unknown weight: none of the ${requests.en} reported its size (page served from cache?); measure again on a first visit (“reload without cookies”).`,
        ),
        data,
      };
    const notes = weightNotes(weight, facts.privacy.resources.length);
    const say = (fr: string, en: string) => sentences(l(fr, en), notes, LOWER_BOUND);
    if (weight.bytes > MEDIAN_BYTES)
      return {
        outcome: 'review',
        detail: say(
          `${size.fr} transférés en ${requests.fr}, soit ${frNumber(ratio, 1)} fois le poids médian d’une page web (environ 2 Mo selon HTTP Archive, un repère et non une norme).`,
          `${size.en} transferred in ${requests.en}, ${enNumber(ratio, 1)} times the median web page’s weight (about 2 MB per HTTP Archive, a reference, not a norm).`,
        ),
        data,
      };
    if (weight.mostlyUnknown)
      return {
        outcome: 'review',
        detail: say(`${size.fr} mesurés en ${requests.fr}, poids sous-estimé.`, `${size.en} measured in ${requests.en}, an under-estimated weight.`),
        data,
      };
    if (weight.bytes < LIGHT_BYTES)
      return {
        outcome: 'pass',
        detail: say(
          `${size.fr} transférés en ${requests.fr}, moins de la moitié du poids médian d’une page web (environ 2 Mo selon HTTP Archive).`,
          `${size.en} transferred in ${requests.en}, less than half the median web page’s weight (about 2 MB per HTTP Archive).`,
        ),
        data,
      };
    return {
      outcome: 'info',
      detail: say(
        `${size.fr} transférés en ${requests.fr}, sous le poids médian d’une page web (environ 2 Mo selon HTTP Archive) mais au-delà de sa moitié.`,
        `${size.en} transferred in ${requests.en}, under the median web page’s weight (about 2 MB per HTTP Archive) but above half of it.`,
      ),
      data,
    };
  },
});
