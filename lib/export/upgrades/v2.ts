// Format 1 → 2: each fact of an AI suggestion carries its problems (`problems`, a list of codes).
// A file of format 1 was checked by the earlier verification, which kept only `verified`; what
// can still be known is written down: an unverified quote is « quote-not-found »; a quote of
// fewer than five words was never a checked passage (the old check took any fragment) and is
// no longer shown as verified; an evidence reference that names no evidence item of the same
// evaluation in the file is « unknown-evidence ». Self-contained: raw JSON of format 1 in.
import type { FormatUpgrade } from './index';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function upgradeFact(fact: unknown, evidenceIds: ReadonlySet<unknown>): unknown {
  if (!isObject(fact) || 'problems' in fact) return fact;
  const problems: string[] = [];
  const quote = typeof fact.quote === 'string' ? fact.quote : null;
  let verified = fact.verified;
  if (quote !== null && verified === false) problems.push('quote-not-found');
  if (quote !== null && verified === true && words(quote) < 5) {
    problems.push('quote-too-short');
    verified = false;
  }
  if (typeof fact.evidenceId === 'string' && !evidenceIds.has(fact.evidenceId)) problems.push('unknown-evidence');
  return { ...fact, verified, problems };
}

function upgradeSuggestion(row: unknown, evidence: readonly unknown[]): unknown {
  if (!isObject(row) || !isObject(row.suggestion) || !Array.isArray(row.suggestion.facts)) return row;
  const ids = new Set(evidence.filter((e) => isObject(e) && e.evaluationId === row.evaluationId).map((e) => (e as Raw).id));
  const facts = row.suggestion.facts.map((f) => upgradeFact(f, ids));
  const flagged = row.suggestion.flagged === true || facts.some((f) => isObject(f) && Array.isArray(f.problems) && f.problems.length > 0);
  return { ...row, suggestion: { ...row.suggestion, facts, flagged } };
}

export const upgrade: FormatUpgrade = {
  to: 2,
  up(envelope) {
    const data = envelope.data;
    if (!isObject(data) || !Array.isArray(data.aiSuggestions)) return envelope;
    const evidence = Array.isArray(data.evidence) ? data.evidence : [];
    return { ...envelope, data: { ...data, aiSuggestions: data.aiSuggestions.map((row) => upgradeSuggestion(row, evidence)) } };
  },
};
