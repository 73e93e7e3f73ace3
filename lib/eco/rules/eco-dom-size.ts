// Elements in the page (as EcoIndex counts them: the inside of <svg> left out). Lighthouse warns
// above ~800 elements and errs above ~1,400; Grille asks the juror to look above 1,500 — a
// reference for the eco-design criteria, not a norm.
import { enNumber, frNumber } from '../format';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const MAX_DOM = 1_500;

export default defineRule({
  id: 'eco-dom-size',
  family: 'eco',
  topics: ['eco-design', 'web-production'],
  title: l('Taille du DOM (nombre d’éléments)', 'DOM size (number of elements)'),
  source: { label: 'Chrome for Developers — Lighthouse : éviter un DOM trop grand', url: 'https://developer.chrome.com/docs/lighthouse/performance/dom-size' },
  check({ snapshot }) {
    const dom = snapshot.counts.ecoIndexElements;
    const data = { dom, elements: snapshot.counts.elements, threshold: MAX_DOM };
    if (dom === 0)
      return { outcome: 'review', detail: l('Le nombre d’éléments du DOM n’a pas pu être relevé.', 'The number of DOM elements could not be read.'), data };
    if (dom > MAX_DOM)
      return {
        outcome: 'review',
        detail: l(
          `${frNumber(dom)} éléments dans le DOM (hors intérieur des <svg>), au-delà de ${frNumber(MAX_DOM)} ; Lighthouse avertit au-delà d’environ 800 éléments et signale une erreur au-delà d’environ 1 400.`,
          `${enNumber(dom)} DOM elements (inside of <svg> excluded), above ${enNumber(MAX_DOM)}; Lighthouse warns above about 800 elements and errs above about 1,400.`,
        ),
        data,
      };
    return {
      outcome: 'pass',
      detail: l(
        `${frNumber(dom)} éléments dans le DOM (hors intérieur des <svg>), pas plus de ${frNumber(MAX_DOM)} ; pour repère, Lighthouse avertit au-delà d’environ 800 éléments.`,
        `${enNumber(dom)} DOM elements (inside of <svg> excluded), not above ${enNumber(MAX_DOM)}; for reference, Lighthouse warns above about 800 elements.`,
      ),
      data,
    };
  },
});
