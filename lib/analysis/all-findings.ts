// Every finding for one analysed page: the rules (RGPD, SEO, eco-design, …) and axe-core's
// RGAA results grouped by RGAA criterion.
import type { PageFacts } from '../page/facts';
import { runChecks } from '../checks/engine';
import { RULES } from './rules';
import { axeFindings } from '../rgaa/axe-findings';
import type { Finding, Outcome } from '../checks/types';
import type { Topic } from '../referentiels/schema';

export function allFindings(facts: PageFacts): Finding[] {
  return [...axeFindings(facts), ...runChecks(facts, RULES)];
}

const SHOWN: readonly Outcome[] = ['fail', 'review', 'pass', 'info'];

/** Findings that inform a criterion with these topics (inapplicable ones left out), faults first. */
export function findingsForTopics(findings: readonly Finding[], topics: readonly Topic[]): Finding[] {
  const wanted = new Set(topics);
  return findings
    .filter((f) => SHOWN.includes(f.outcome) && f.topics.some((t) => wanted.has(t)))
    .sort((a, b) => SHOWN.indexOf(a.outcome) - SHOWN.indexOf(b.outcome));
}
