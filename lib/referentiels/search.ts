// Full-text search over criteria: insensitive to case, accents and apostrophes.
import { foldForSearch, searchTerms } from '../text/normalize';
import type { CriterionInContext } from './catalog';

export interface SearchIndexEntry {
  item: CriterionInContext;
  /** Folded criterion text, heading and competency codes and texts. */
  haystack: string;
  /** Folded criterion text alone, to rank hits in the wording above hits in context. */
  wording: string;
}

export function buildSearchIndex(items: readonly CriterionInContext[]): SearchIndexEntry[] {
  return items.map((item) => {
    const wording = foldForSearch(`${item.criterion.heading ?? ''} ${item.criterion.text}`);
    const context = item.competencies.map((c) => `${c.code} ${c.text}`).join(' ');
    return { item, wording, haystack: `${wording} ${foldForSearch(`${context} ${item.bloc.title}`)}` };
  });
}

/** Criteria whose text or context contains every term of the query; hits in the wording first. */
export function searchCriteria(index: readonly SearchIndexEntry[], query: string): CriterionInContext[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: { item: CriterionInContext; score: number; order: number }[] = [];
  index.forEach((entry, order) => {
    if (!terms.every((t) => entry.haystack.includes(t))) return;
    const score = terms.filter((t) => entry.wording.includes(t)).length;
    hits.push({ item: entry.item, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.map((h) => h.item);
}
