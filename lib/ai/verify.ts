// Every quote a model returns is looked up in the page before the juror sees it. The search
// forgives what differs between a page and a copy of it — whitespace, typographic quotes and
// apostrophes, dashes, non-breaking spaces, ellipses (« … » for an omitted passage), case,
// Unicode forms — but not a single changed word. It looks in what a sighted visitor reads (main
// text, headings, title, meta description, image alts, link texts, form labels, social profile);
// a quote found only in hidden text is reported as such, never as verified.
import type { CriterionSuggestion, SuggestionBatch, VerifiedFact, VerifiedSuggestion } from './contract';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import { isInsideHidden } from './hidden-parts';

/** Why a fact cannot be trusted as it stands (null: nothing to report). */
export type FactProblem = 'quote-not-found' | 'quote-in-hidden-text' | 'unknown-finding' | 'no-support';

/** A verified fact with what went wrong, if anything (the panel shows it beside the fact). */
export interface CheckedFact extends VerifiedFact {
  problem: FactProblem | null;
}

export interface CheckedSuggestion extends VerifiedSuggestion {
  facts: CheckedFact[];
}

export const MAX_QUESTIONS = 3;

/** Folds text for quote comparison; applied alike to the page and to the quote. */
export function foldForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '') // soft hyphens, zero-width characters
    .replace(/[’‘‚‛′ʼ`´]/g, "'")
    .replace(/["“”„‟«»″‹›]/g, ' ') // double quotes and guillemets: dropped (their spacing varies)
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...')
    .toLocaleLowerCase('fr')
    .replace(/\s+/g, ' ')
    .replace(/ ?([-'/]) ?/g, '$1') // « l’ atelier » / « 2021 – 2024 »: spacing around joiners varies
    .replace(/ ([,.;:!?)\]])/g, '$1') // French spacing before punctuation, or a dropped guillemet's
    .replace(/([(\[]) /g, '$1')
    .trim();
}

/** Splits a quote on ellipses marking omitted text; each part must appear, in order. */
function quoteParts(quote: string): string[] {
  return foldForQuote(quote)
    .split(/\s*(?:\[\.\.\.\]|\(\.\.\.\)|\.\.\.)\s*/)
    .map((part) => part.replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, ''))
    .filter((part) => part.length > 0);
}

interface Sources {
  visible: string[];
  hidden: string[];
}

const cache = new WeakMap<PageSnapshot, Sources>();

function sourcesOf(snapshot: PageSnapshot): Sources {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const visible: string[] = [snapshot.mainText, snapshot.title, snapshot.meta.description ?? ''];
  const hidden: string[] = snapshot.hiddenTexts.map((h) => h.text);
  for (const h of snapshot.headings) (h.hidden ? hidden : visible).push(h.text);
  for (const img of snapshot.images) visible.push(img.alt ?? '', img.ariaName ?? '');
  for (const link of snapshot.links) (link.visible ? visible : hidden).push(link.text);
  for (const form of snapshot.forms) {
    const formHidden = isInsideHidden(form.selector, snapshot);
    (formHidden ? hidden : visible).push(form.surroundingText);
    for (const field of form.fields) (formHidden || isInsideHidden(field.selector, snapshot) ? hidden : visible).push(field.label, field.placeholder);
  }
  if (snapshot.social) {
    visible.push(snapshot.social.name, snapshot.social.bio);
    for (const c of snapshot.social.counts) visible.push(`${c.value} ${c.label}`);
    for (const post of snapshot.social.posts) visible.push(post.text);
  }
  const fold = (list: string[]) => list.filter(Boolean).map(foldForQuote);
  const sources = { visible: fold(visible), hidden: fold(hidden) };
  cache.set(snapshot, sources);
  return sources;
}

function foundIn(parts: string[], source: string): boolean {
  let from = 0;
  for (const part of parts) {
    const at = source.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Where a quote is in the page: what a visitor reads, hidden text only, or nowhere. */
export function locateQuote(quote: string, snapshot: PageSnapshot): 'visible' | 'hidden' | null {
  const parts = quoteParts(quote);
  if (!parts.length) return null;
  const sources = sourcesOf(snapshot);
  if (sources.visible.some((s) => foundIn(parts, s))) return 'visible';
  if (sources.hidden.some((s) => foundIn(parts, s))) return 'hidden';
  return null;
}

/** Whether a quote appears in what a visitor of the page reads (never in hidden text). */
export function verifyQuote(quote: string, snapshot: PageSnapshot): boolean {
  return locateQuote(quote, snapshot) === 'visible';
}

const clean = (items: readonly string[]) => items.map((s) => s.trim()).filter(Boolean);

function checkFact(fact: CriterionSuggestion['facts'][number], snapshot: PageSnapshot, ruleIds: ReadonlySet<string>): CheckedFact {
  const quote = fact.quote?.trim() ? fact.quote.trim() : null;
  const findingRuleId = fact.findingRuleId?.trim() || null;
  const evidenceId = fact.evidenceId?.trim() || null;
  const knownFinding = findingRuleId !== null && ruleIds.has(findingRuleId);
  let verified: boolean | null = null;
  let problem: FactProblem | null = null;
  if (quote !== null) {
    const where = locateQuote(quote, snapshot);
    verified = where === 'visible';
    if (where === 'hidden') problem = 'quote-in-hidden-text';
    else if (where === null) problem = 'quote-not-found';
  }
  if (problem === null && findingRuleId !== null && !knownFinding) problem = 'unknown-finding';
  if (problem === null && quote === null && !knownFinding && evidenceId === null) problem = 'no-support';
  return { text: fact.text.trim(), quote, findingRuleId: knownFinding ? findingRuleId : null, evidenceId, verified, problem };
}

/**
 * Checks a model's batch against the page: each quote looked up, each finding reference checked
 * against the findings that were sent; a suggestion with any doubtful fact is flagged. Suggestions
 * for criteria that were not asked for are dropped (as are repeats); questions are capped at three.
 */
export function verifySuggestions(
  batch: SuggestionBatch,
  snapshot: PageSnapshot,
  findings: readonly Finding[],
  requestedCriterionIds?: readonly string[],
): CheckedSuggestion[] {
  const ruleIds = new Set(findings.map((f) => f.ruleId));
  const wanted = requestedCriterionIds ? new Set(requestedCriterionIds) : null;
  const byId = new Map<string, CheckedSuggestion>();
  for (const suggestion of batch.suggestions) {
    const id = suggestion.criterionId.trim();
    if ((wanted && !wanted.has(id)) || byId.has(id)) continue;
    const facts = suggestion.facts.filter((f) => f.text.trim() || f.quote?.trim()).map((f) => checkFact(f, snapshot, ruleIds));
    byId.set(id, {
      criterionId: id,
      facts,
      missing: clean(suggestion.missing),
      insufficientEvidence: suggestion.insufficientEvidence,
      questions: clean(suggestion.questions).slice(0, MAX_QUESTIONS),
      flagged: facts.some((f) => f.problem !== null),
    });
  }
  const order = requestedCriterionIds ?? [...byId.keys()];
  return order.flatMap((id) => byId.get(id) ?? []);
}
