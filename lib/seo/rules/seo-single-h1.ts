// One visible h1 naming what the page is about. HTML allows several, but MDN and common SEO
// practice advise a single one, like the page's <title>. Hidden h1s (display:none, off-screen…)
// are not counted but named: a visually hidden h1 is still read by screen readers and crawlers,
// so a page whose only h1 is hidden is for the juror to look at rather than a missing h1.
import type { Heading } from '../../page/facts';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

const ref = (h: Heading) => ({ selector: h.selector, snippet: `<h1>${h.text}</h1>`.slice(0, 300) });
const MAX_QUOTED = 10;
const more = (hs: Heading[]) => (hs.length > MAX_QUOTED ? ', …' : '');
const quote = (hs: Heading[]) => hs.slice(0, MAX_QUOTED).map((h) => `« ${h.text} »`).join(', ') + more(hs);
const quoteEn = (hs: Heading[]) => hs.slice(0, MAX_QUOTED).map((h) => `“${h.text}”`).join(', ') + more(hs);

export default defineRule({
  id: 'seo-single-h1',
  family: 'seo',
  topics: ['seo', 'accessibility'],
  title: l('Un seul titre de niveau 1 (h1)', 'A single level-1 heading (h1)'),
  source: { label: 'MDN — éléments de titre h1 à h6 (un seul h1 par page)', url: 'https://developer.mozilla.org/fr/docs/Web/HTML/Element/Heading_Elements' },
  check({ snapshot }) {
    const h1s = snapshot.headings.filter((h) => h.level === 1);
    const visible = h1s.filter((h) => !h.hidden);
    const hidden = h1s.filter((h) => h.hidden);
    const data = { visible: visible.length, hidden: hidden.length };
    const hiddenNote =
      hidden.length > 0
        ? l(` ${hidden.length} autre(s) h1 masqué(s) à l’écran, non compté(s) : ${quote(hidden)}.`, ` ${hidden.length} other h1(s) hidden on screen, not counted: ${quoteEn(hidden)}.`)
        : l('', '');
    if (visible.length === 0 && hidden.length === 0)
      return { outcome: 'fail', detail: l('La page n’a aucun titre de niveau 1 (h1).', 'The page has no level-1 heading (h1).'), data };
    if (visible.length === 0)
      return {
        outcome: 'review',
        detail: l(
          `Aucun h1 visible ; ${hidden.length} h1 masqué(s) à l’écran (lu(s) par les lecteurs d’écran et les moteurs) : ${quote(hidden)}.`,
          `No visible h1; ${hidden.length} h1(s) hidden on screen (read by screen readers and search engines): ${quoteEn(hidden)}.`,
        ),
        elements: hidden.map(ref),
        data,
      };
    if (visible.length > 1)
      return {
        outcome: 'fail',
        detail: l(`La page a ${visible.length} titres de niveau 1 (h1) : ${quote(visible)}.${hiddenNote.fr}`, `The page has ${visible.length} level-1 headings (h1): ${quoteEn(visible)}.${hiddenNote.en}`),
        elements: visible.map(ref),
        data,
      };
    return {
      outcome: 'pass',
      detail: l(`Un seul h1 visible : ${quote(visible)}.${hiddenNote.fr}`, `A single visible h1: ${quoteEn(visible)}.${hiddenNote.en}`),
      elements: [...visible, ...hidden].map(ref),
      data,
    };
  },
});
