// Which of a page's findings a criterion shows. Kept apart from all-findings (which runs every
// rule, and with them the Public Suffix List) so that the panel shows findings without loading
// the rules: those load on the juror's first analysis.
import type { Finding, Outcome } from './types';
import type { Topic } from '../referentiels/schema';

const SHOWN: readonly Outcome[] = ['fail', 'review', 'pass', 'info'];

/** Findings that inform a criterion with these topics (inapplicable ones left out), faults first. */
export function findingsForTopics(findings: readonly Finding[], topics: readonly Topic[]): Finding[] {
  const wanted = new Set(topics);
  return findings
    .filter((f) => SHOWN.includes(f.outcome) && f.topics.some((t) => wanted.has(t)))
    .sort((a, b) => SHOWN.indexOf(a.outcome) - SHOWN.indexOf(b.outcome));
}
