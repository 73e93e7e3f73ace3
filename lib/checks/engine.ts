// Runs every rule over a page's facts. A rule that throws yields a « review » finding saying so:
// one broken check must not hide the others.
import type { PageFacts } from '../page/facts';
import { OUTCOMES, type Finding, type Rule } from './types';
import { l } from '../i18n/localized';

export function runRule(rule: Rule, facts: PageFacts): Finding {
  let result;
  try {
    result = rule.check(facts);
  } catch (error) {
    result = {
      outcome: 'review' as const,
      detail: l(`Cette vérification n'a pas pu aboutir (${String(error).slice(0, 200)}) : à vérifier par le juré.`, `This check could not complete (${String(error).slice(0, 200)}): for the juror to check.`),
    };
  }
  return {
    ruleId: rule.id,
    family: rule.family,
    topics: [...rule.topics],
    rgaa: [...(rule.rgaa ?? [])],
    title: rule.title,
    outcome: result.outcome,
    detail: result.detail,
    elements: result.elements ?? [],
    data: result.data ?? {},
    source: rule.source,
    url: facts.snapshot.url,
    pageTitle: facts.snapshot.title,
    analyzedAt: facts.analyzedAt,
  };
}

/** All findings for a page, most telling first (faults, then what to check, passes, measures). */
export function runChecks(facts: PageFacts, rules: readonly Rule[]): Finding[] {
  return rules
    .map((rule, order) => ({ finding: runRule(rule, facts), order }))
    .sort((a, b) => OUTCOMES.indexOf(a.finding.outcome) - OUTCOMES.indexOf(b.finding.outcome) || a.order - b.order)
    .map(({ finding }) => finding);
}
