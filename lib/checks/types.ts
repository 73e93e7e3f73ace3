// Checks turn page facts into findings (« constats »): facts, not verdicts. Each rule is data
// (id, family, topics it informs, title, source) plus one small pure check function, in its own
// file under lib/<room>/rules/<rule-id>.ts (the room of its family: lib/privacy for rgpd,
// lib/seo, lib/eco; registered by lib/analysis/rules.ts), with HTML fixtures named after the
// outcome they must produce in tests/fixtures/checks/<rule-id>/<outcome>[-<case>].html (a test
// enforces it).
import type { Topic } from '../referentiels/schema';
import type { ElementRef, PageFacts } from '../page/facts';
import type { Localized } from '../i18n/localized';

export const FAMILIES = ['rgaa', 'rgpd', 'seo', 'eco'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * - fail: a fault was observed (non conforme on what was tested);
 * - pass: what was tested is fine — never a claim that the page as a whole complies;
 * - review: Grille cannot decide: the juror has to look (à vérifier par le juré);
 * - info: a measure or a fact with no threshold (EcoIndex score, counts).
 * - inapplicable: nothing on the page the rule applies to.
 */
export const OUTCOMES = ['fail', 'review', 'pass', 'info', 'inapplicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CheckResult {
  outcome: Outcome;
  /** What was observed, with figures: a sentence the juror can quote. */
  detail: Localized;
  elements?: ElementRef[];
  /** Measures behind the outcome (lengths, counts, score), for exports and the AI. */
  data?: Record<string, string | number | boolean | null>;
}

export interface Rule {
  /** Stable id, never derived from wording, equal to the file name. */
  id: string;
  family: Family;
  /** Référentiel topics the rule informs: findings are shown with criteria tagged with one of them. */
  topics: readonly Topic[];
  /** RGAA criteria the rule informs ("3.2"), if any. */
  rgaa?: readonly string[];
  title: Localized;
  /** Where the threshold or the rule comes from (guideline, standard), with a link. */
  source: { label: string; url: string };
  check(facts: PageFacts): CheckResult;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A rule's result on one page, as shown, stored as evidence and exported. */
export interface Finding {
  ruleId: string;
  family: Family;
  topics: Topic[];
  rgaa: string[];
  title: Localized;
  outcome: Outcome;
  detail: Localized;
  elements: ElementRef[];
  data: Record<string, string | number | boolean | null>;
  source: { label: string; url: string };
  url: string;
  pageTitle: string;
  analyzedAt: number;
}
