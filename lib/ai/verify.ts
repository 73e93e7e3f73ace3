// Every fact a model returns is checked before the juror sees it: its quote looked up in the
// text the model was given (quote-match.ts: a real passage, or why not), its references checked
// — a finding of this analysis, an evidence item of this evaluation — and the suggestion's
// wording searched for verdicts (verdict.ts). A suggestion for a criterion that was not asked is
// set aside and reported (an invented reference); the criteria asked and not answered are named.
import type { CriterionSuggestion, FactProblem, SuggestionBatch, VerifiedFact, VerifiedSuggestion } from './contract';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import { pageTexts } from './page-units';
import { locateIn, type QuoteLocation } from './quote-match';
import { toBlock, type Block } from './quote-text';
import { suggestionHasVerdict } from './verdict';

export { foldForQuote } from './quote-text';
export type { FactProblem } from './contract';

/** A verified fact with its main problem, if any (the panel shows every problem beside the fact). */
export interface CheckedFact extends VerifiedFact {
  problem: FactProblem | null;
}

export interface CheckedSuggestion extends VerifiedSuggestion {
  facts: CheckedFact[];
}

/** The checked batch, with what the model answered outside the request and what it left out. */
export interface CheckedBatch {
  suggestions: CheckedSuggestion[];
  /** Criteria the model answered for that were not asked (their suggestions are set aside). */
  unaskedCriterionIds: string[];
  /** Criteria asked for that got no suggestion, in the order asked. */
  missingCriterionIds: string[];
}

export interface CheckContext {
  /** The criteria asked for; without it, every criterion answered is kept. */
  requestedCriterionIds?: readonly string[];
  /** The evaluation's evidence items; without it, no evidence reference can be checked and each one is flagged. */
  evidenceIds?: readonly string[];
}

export const MAX_QUESTIONS = 3;

const cache = new WeakMap<PageSnapshot, { visible: Block[]; hidden: Block[] }>();

function blocksOf(snapshot: PageSnapshot) {
  let blocks = cache.get(snapshot);
  if (!blocks) {
    const texts = pageTexts(snapshot);
    blocks = { visible: texts.visible.map(toBlock), hidden: texts.hidden.map(toBlock) };
    cache.set(snapshot, blocks);
  }
  return blocks;
}

/** Where a quote is in what the model was given: a verified passage (in the page's words), or why not. */
export function locateQuote(quote: string, snapshot: PageSnapshot): QuoteLocation {
  const { visible, hidden } = blocksOf(snapshot);
  return locateIn(quote, visible, hidden);
}

/** Whether a quote is a real passage of what a visitor reads and the model was given. */
export function verifyQuote(quote: string, snapshot: PageSnapshot): boolean {
  return locateQuote(quote, snapshot).where === 'visible';
}

const QUOTE_PROBLEMS: Record<Exclude<QuoteLocation['where'], 'visible'>, FactProblem> = {
  hidden: 'quote-in-hidden-text',
  placeholders: 'quote-with-placeholders',
  'too-short': 'quote-too-short',
  absent: 'quote-not-found',
};

/** Most serious first: hidden text and invented references before a quote merely not found. */
const SEVERITY: readonly FactProblem[] = ['quote-in-hidden-text', 'unknown-evidence', 'unknown-finding', 'quote-not-found', 'quote-with-placeholders', 'quote-too-short', 'no-support'];

interface Known {
  ruleIds: ReadonlySet<string>;
  evidenceIds: ReadonlySet<string>;
}

function checkFact(fact: CriterionSuggestion['facts'][number], snapshot: PageSnapshot, known: Known): CheckedFact {
  let quote = fact.quote?.trim() ? fact.quote.trim() : null;
  const findingRuleId = fact.findingRuleId?.trim() || null;
  const evidenceId = fact.evidenceId?.trim() || null;
  const problems: FactProblem[] = [];
  let verified: boolean | null = null;
  if (quote !== null) {
    const where = locateQuote(quote, snapshot);
    verified = where.where === 'visible';
    if (where.where === 'visible') quote = where.passage;
    else problems.push(QUOTE_PROBLEMS[where.where]);
  }
  const knownFinding = findingRuleId !== null && known.ruleIds.has(findingRuleId);
  const knownEvidence = evidenceId !== null && known.evidenceIds.has(evidenceId);
  if (findingRuleId !== null && !knownFinding) problems.push('unknown-finding');
  if (evidenceId !== null && !knownEvidence) problems.push('unknown-evidence');
  if (!verified && !knownFinding && !knownEvidence && problems.length === 0) problems.push('no-support');
  problems.sort((a, b) => SEVERITY.indexOf(a) - SEVERITY.indexOf(b));
  return { text: fact.text.trim(), quote, findingRuleId, evidenceId, verified, problems, problem: problems[0] ?? null };
}

const clean = (items: readonly string[]) => items.map((s) => s.trim()).filter(Boolean);

/**
 * Checks a model's batch against the page, the analysis and the evaluation. Suggestions for
 * criteria that were not asked are set aside (and listed), repeats dropped; questions are capped
 * at three; a suggestion with any problem, or worded as a verdict, is flagged.
 */
export function checkBatch(batch: SuggestionBatch, snapshot: PageSnapshot, findings: readonly Finding[], context: CheckContext = {}): CheckedBatch {
  const known: Known = { ruleIds: new Set(findings.map((f) => f.ruleId)), evidenceIds: new Set(context.evidenceIds ?? []) };
  const wanted = context.requestedCriterionIds ? new Set(context.requestedCriterionIds) : null;
  const byId = new Map<string, CheckedSuggestion>();
  const unasked: string[] = [];
  for (const suggestion of batch.suggestions) {
    const id = suggestion.criterionId.trim();
    if (wanted && !wanted.has(id)) {
      if (!unasked.includes(id)) unasked.push(id);
      continue;
    }
    if (byId.has(id)) continue;
    const facts = suggestion.facts.filter((f) => f.text.trim() || f.quote?.trim()).map((f) => checkFact(f, snapshot, known));
    const checked: CheckedSuggestion = {
      criterionId: id,
      facts,
      missing: clean(suggestion.missing),
      insufficientEvidence: suggestion.insufficientEvidence,
      questions: clean(suggestion.questions).slice(0, MAX_QUESTIONS),
      flagged: false,
    };
    checked.flagged = facts.some((f) => f.problems.length > 0) || suggestionHasVerdict(checked);
    byId.set(id, checked);
  }
  const order = context.requestedCriterionIds ?? [...byId.keys()];
  return {
    suggestions: order.flatMap((id) => byId.get(id) ?? []),
    unaskedCriterionIds: unasked,
    missingCriterionIds: context.requestedCriterionIds ? context.requestedCriterionIds.filter((id) => !byId.has(id)) : [],
  };
}

/** checkBatch's suggestions alone (the evaluation harness and older callers use this form). */
export function verifySuggestions(
  batch: SuggestionBatch,
  snapshot: PageSnapshot,
  findings: readonly Finding[],
  requestedCriterionIds?: readonly string[],
  evidenceIds?: readonly string[],
): CheckedSuggestion[] {
  return checkBatch(batch, snapshot, findings, { ...(requestedCriterionIds ? { requestedCriterionIds } : {}), ...(evidenceIds ? { evidenceIds } : {}) }).suggestions;
}
