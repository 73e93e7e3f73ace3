// Heading levels go down one step at a time (h1 → h2 → h3; going back up is free) and the first
// heading is the h1. Headings hidden on screen are kept in the outline: the facts do not tell a
// display:none heading (unread) from a visually hidden one (read by screen readers), so they are
// marked « masqué » for the juror instead of being dropped.
import type { Heading } from '../../page/facts';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export interface Jump {
  from: Heading | null;
  to: Heading;
}

/** Each place where the level goes down by more than one, and a first heading that is not h1 (from = null). */
export function levelJumps(headings: readonly Heading[]): Jump[] {
  const jumps: Jump[] = [];
  headings.forEach((to, i) => {
    const from = headings[i - 1] ?? null;
    if (from === null ? to.level !== 1 : to.level > from.level + 1) jumps.push({ from, to });
  });
  return jumps;
}

const MAX_LISTED = 10;
const mark = (h: Heading, hidden: string) => `h${h.level} « ${h.text} »${h.hidden ? ` (${hidden})` : ''}`;
const markEn = (h: Heading) => `h${h.level} “${h.text}”${h.hidden ? ' (hidden)' : ''}`;
const describe = (j: Jump) => (j.from ? `${mark(j.from, 'masqué')} → ${mark(j.to, 'masqué')}` : `premier titre : ${mark(j.to, 'masqué')}`);
const describeEn = (j: Jump) => (j.from ? `${markEn(j.from)} → ${markEn(j.to)}` : `first heading: ${markEn(j.to)}`);
const list = (jumps: Jump[], f: (j: Jump) => string) => jumps.slice(0, MAX_LISTED).map(f).join(' ; ') + (jumps.length > MAX_LISTED ? ' ; …' : '');

export default defineRule({
  id: 'seo-heading-order',
  family: 'seo',
  topics: ['seo', 'accessibility'],
  rgaa: ['9.1'],
  title: l('Hiérarchie des titres (h1 à h6)', 'Heading hierarchy (h1 to h6)'),
  source: { label: 'RGAA 4.1.2 — critère 9.1 (structuration par des titres)', url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#9.1' },
  check({ snapshot }) {
    const { headings } = snapshot;
    const outline = headings.map((h) => `h${h.level}`).join(' ');
    if (headings.length === 0) return { outcome: 'fail', detail: l('La page n’a aucun titre (h1 à h6).', 'The page has no heading (h1 to h6).'), data: { headings: 0 } };
    const jumps = levelJumps(headings);
    const data = { headings: headings.length, jumps: jumps.length, outline: outline.slice(0, 1_000) };
    if (jumps.length > 0)
      return {
        outcome: 'fail',
        detail: l(
          `${jumps.length} rupture(s) dans la hiérarchie des ${headings.length} titres : ${list(jumps, describe)}.`,
          `${jumps.length} break(s) in the hierarchy of the ${headings.length} headings: ${list(jumps, describeEn)}.`,
        ),
        elements: jumps.map(({ to }) => ({ selector: to.selector, snippet: `<h${to.level}>${to.text}</h${to.level}>`.slice(0, 300) })),
        data,
      };
    const shown = `${outline.slice(0, 200)}${outline.length > 200 ? ' …' : ''}`;
    return {
      outcome: 'pass',
      detail: l(`Plan des titres (${headings.length}) : ${shown} — aucun niveau sauté, le premier est un h1.`, `Heading outline (${headings.length}): ${shown} — no level skipped, the first is an h1.`),
      data,
    };
  },
});
