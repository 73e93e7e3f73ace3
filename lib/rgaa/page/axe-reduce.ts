// axe-core's raw results reduced to AxeFacts: one entry per rule and outcome (faults first),
// RGAA tests from the rules' `RGAA-x.y.z` tags, every string cut and every list capped to LIMITS.
import type { AxeResults, NodeResult, Result } from 'axe-core';
import { LIMITS, type AxeFacts, type AxeRuleResult } from '../../page/facts';

const RGAA_TAG = /^RGAA-(\d{1,2}\.\d{1,2}\.\d{1,2})$/;
const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;

/** Cut to `max` code points, keeping line breaks (failure summaries are lists). */
export function cut(text: string, max: number): string {
  const tidy = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const chars = [...tidy];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : tidy;
}

/** RGAA tests a rule is tagged with: "RGAA-1.1.1" → "1.1.1". */
export function rgaaTestsOf(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => RGAA_TAG.exec(tag)?.[1] ?? []).slice(0, 20);
}

/**
 * One selector usable with querySelector. Frames and shadow roots nest selectors; they are joined
 * with « >>> », which querySelector rejects, so a highlight never lands on a wrong element.
 */
export function selectorOf(target: NodeResult['target']): string {
  return cut(target.map((step) => (Array.isArray(step) ? step.join(' >>> ') : step)).join(' >>> '), LIMITS.selector);
}

function nodesOf(result: Result, keep: boolean): AxeRuleResult['nodes'] {
  if (!keep) return [];
  return result.nodes.slice(0, LIMITS.axeNodes).map((node) => ({
    selector: selectorOf(node.target),
    snippet: cut(node.html, LIMITS.snippet),
    message: cut(node.failureSummary ?? '', LIMITS.text),
  }));
}

function entry(result: Result, outcome: AxeRuleResult['outcome'], translate: (ruleId: string) => string | undefined = () => undefined): AxeRuleResult {
  const faulty = outcome === 'violation' || outcome === 'incomplete';
  const impact = IMPACTS.find((i) => i === result.impact) ?? null;
  return {
    id: cut(result.id, 100),
    outcome,
    impact: faulty ? impact : null,
    help: cut(translate(result.id) ?? result.help, LIMITS.text),
    helpUrl: cut(result.helpUrl, LIMITS.url),
    rgaaTests: rgaaTestsOf(result.tags),
    // Elements are kept for faults and doubts; passing elements are not shown.
    nodes: nodesOf(result, faulty),
    // Real count for violations and incomplete; for passes axe (resultTypes) reports one node only.
    nodeCount: result.nodes.length,
  };
}

/** Faults first, so that capping at LIMITS.axeRules only ever drops passes and inapplicable rules. */
export function reduceAxeResults(
  results: Pick<AxeResults, 'violations' | 'incomplete' | 'passes' | 'inapplicable'>,
  version: string,
  durationMs: number,
  /** The rule's title in the UI language, when known (axe's French locale). */
  translate?: (ruleId: string) => string | undefined,
): AxeFacts {
  const rules = [
    ...results.violations.map((r) => entry(r, 'violation', translate)),
    ...results.incomplete.map((r) => entry(r, 'incomplete', translate)),
    ...results.passes.map((r) => entry(r, 'pass', translate)),
    ...results.inapplicable.map((r) => entry(r, 'inapplicable', translate)),
  ].filter((r) => r.rgaaTests.length > 0);
  return { version: cut(version, 20), rules: rules.slice(0, LIMITS.axeRules), durationMs: Math.max(0, durationMs) };
}
