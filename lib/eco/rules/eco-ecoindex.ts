// The EcoIndex score and grade of the page (ecoindex.fr method, see docs/ecoindex.md): a measure,
// not a verdict (info). When no request reported a size (page served from cache), or most did not
// (other sites withholding it), the size input is under-estimated and the score over-rated: the
// juror is asked to look, or to measure again on a first visit (review).
import { LOWER_BOUND, sentences, weightNotes } from '../caveats';
import { ecoIndex, ecoIndexInputs, pageWeight } from '../ecoindex';
import { enNumber, enPlural, frNumber, frPlural } from '../format';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export default defineRule({
  id: 'eco-ecoindex',
  family: 'eco',
  topics: ['eco-design'],
  title: l('EcoIndex de la page', 'EcoIndex of the page'),
  source: { label: 'EcoIndex (GreenIT / CNUMR) — méthode de calcul', url: 'https://www.ecoindex.fr/comment-ca-marche/' },
  check(facts) {
    const inputs = ecoIndexInputs(facts);
    const weight = pageWeight(facts);
    const r = ecoIndex(inputs);
    const data = { score: r.score, grade: r.grade, dom: r.dom, requests: r.requests, sizeKb: Math.round(r.sizeKb * 10) / 10, ghg: r.ghg, water: r.water, zeroSized: weight.zeroSized };
    const figures = l(
      `EcoIndex ${r.score}/100, note ${r.grade} : ${frNumber(r.dom)} ${frPlural(r.dom, 'élément', 'éléments')} dans le DOM, ${frNumber(r.requests)} ${frPlural(r.requests, 'requête', 'requêtes')}, ${frNumber(r.sizeKb, 1)} ko transférés ; soit ${frNumber(r.ghg, 2)} gCO2e et ${frNumber(r.water, 2)} cl d’eau par vue de page.`,
      `EcoIndex ${r.score}/100, grade ${r.grade}: ${enNumber(r.dom)} DOM ${enPlural(r.dom, 'element', 'elements')}, ${enNumber(r.requests)} ${enPlural(r.requests, 'request', 'requests')}, ${enNumber(r.sizeKb, 1)} KB transferred; that is ${enNumber(r.ghg, 2)} gCO2e and ${enNumber(r.water, 2)} cl of water per page view.`,
    );
    const notes = weightNotes(weight, facts.privacy.resources.length);
    if (weight.unknown)
      return {
        outcome: 'review',
        detail: sentences(
          figures,
          l(
            'Aucune requête n’a indiqué sa taille (page servie depuis le cache ?) : le poids est inconnu et le score surestimé ; à mesurer à nouveau sur une première visite (« recharger sans cookies »).',
            'No request reported its size (page served from cache?): the weight is unknown and the score over-rated; measure again on a first visit (“reload without cookies”).',
          ),
        ),
        data,
      };
    if (weight.mostlyUnknown) return { outcome: 'review', detail: sentences(figures, notes, l('Le score est donc surestimé.', 'The score is therefore over-rated.'), LOWER_BOUND), data };
    if (r.dom === 0)
      return { outcome: 'review', detail: sentences(figures, l('Le nombre d’éléments du DOM n’a pas pu être relevé : le score est surestimé.', 'The DOM element count could not be read: the score is over-rated.')), data };
    return { outcome: 'info', detail: sentences(figures, notes, LOWER_BOUND), data };
  },
});
