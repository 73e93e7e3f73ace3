// AI suggestions kept with the evaluation: what was proposed for each criterion, by which prompt
// (id, version), provider and model, when, at what token cost — and what the juror did with it.
// Accepting or editing writes the text into the criterion's observation (appended after a blank
// line, never replacing what the juror wrote) and marks it AI-assisted. Nothing here ever reads
// or writes a status: the juror decides.
import type { FactProblem, SuggestionRun, VerifiedFact, VerifiedSuggestion } from '../ai/contract';
import { observationWords } from './assessments';
import type { WorkspaceDb } from './db';
import { WorkspaceRuleError } from './errors';
import { newId } from './evaluations';
import { record, type Change } from './history';
import type { AiSuggestionRow, AssessmentRow } from './types';

export type AiAction = Exclude<AiSuggestionRow['action'], 'pending'>;

/** What the history shows of a run: « jury-observations v1 — gpt-4o-mini (openai) ». */
export const runSummary = (run: Pick<SuggestionRun, 'promptId' | 'promptVersion' | 'model' | 'provider'>) =>
  `${run.promptId} v${run.promptVersion} — ${run.model} (${run.provider})`;

async function touchEvaluation(db: WorkspaceDb, evaluationId: string, now: number) {
  if (!(await db.evaluations.update(evaluationId, { updatedAt: now }))) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
}

/** Exactly the contract's fields: the row is kept as is in backups, whose schema refuses unknown keys. */
function stored(s: VerifiedSuggestion): VerifiedSuggestion {
  return {
    criterionId: s.criterionId,
    facts: s.facts.map((f) => ({ text: f.text, quote: f.quote, findingRuleId: f.findingRuleId, evidenceId: f.evidenceId, verified: f.verified, problems: [...f.problems] })),
    missing: [...s.missing],
    insufficientEvidence: s.insufficientEvidence,
    questions: [...s.questions],
    flagged: s.flagged,
  };
}

/** Stores a run's suggestions, one pending row per criterion, each with its history entry. Returns the new ids in order. */
export async function saveRun(db: WorkspaceDb, evaluationId: string, run: SuggestionRun, who: string | null, now = Date.now()): Promise<string[]> {
  const rows: AiSuggestionRow[] = run.suggestions.map((suggestion) => ({
    id: newId(),
    evaluationId,
    criterionId: suggestion.criterionId,
    suggestion: stored(suggestion),
    promptId: run.promptId,
    promptVersion: run.promptVersion,
    provider: run.provider,
    model: run.model,
    createdAt: run.finishedAt || now,
    usage: run.usage ? { promptTokens: run.usage.promptTokens, completionTokens: run.usage.completionTokens, cachedTokens: run.usage.cachedTokens } : null,
    action: 'pending',
    finalText: null,
    actedAt: null,
    actedBy: null,
  }));
  if (!rows.length) return [];
  await db.transaction('rw', db.aiSuggestions, db.evaluations, db.history, async () => {
    await touchEvaluation(db, evaluationId, now);
    await db.aiSuggestions.bulkAdd(rows);
    await record(
      db,
      who,
      now,
      ...rows.map((row): Change => ({ evaluationId, entity: 'assessment', entityId: row.criterionId, action: 'create', field: 'aiSuggestion', before: null, after: runSummary(run) })),
    );
  });
  return rows.map((r) => r.id);
}

function blank(evaluationId: string, criterionId: string): AssessmentRow {
  return { evaluationId, criterionId, status: 'non-evalue', exemptionReason: null, observation: '', observationCommitted: '', words: [], updatedAt: 0, updatedBy: null };
}

/** The observation with the text added after a blank line (or the text alone when it was empty). */
export function appendToObservation(observation: string, text: string): string {
  const kept = observation.trimEnd();
  return kept ? `${kept}\n\n${text}` : text;
}

async function pendingRow(db: WorkspaceDb, id: string): Promise<AiSuggestionRow> {
  const row = await db.aiSuggestions.get(id);
  if (!row) throw new WorkspaceRuleError('Cette suggestion n’existe plus.');
  if (row.action !== 'pending') throw new WorkspaceRuleError('Cette suggestion a déjà été traitée.');
  return row;
}

async function takeText(db: WorkspaceDb, id: string, action: 'accepted' | 'edited', text: string, who: string | null, now: number): Promise<void> {
  const finalText = text.trim();
  if (!finalText) throw new WorkspaceRuleError('Le texte à enregistrer dans l’observation est vide.');
  await db.transaction('rw', [db.aiSuggestions, db.assessments, db.evaluations, db.history], async () => {
    const row = await pendingRow(db, id);
    const { evaluationId, criterionId } = row;
    await touchEvaluation(db, evaluationId, now);
    const current = (await db.assessments.get([evaluationId, criterionId])) ?? blank(evaluationId, criterionId);
    const observation = appendToObservation(current.observation, finalText);
    const changes: Change[] = [];
    const base = { evaluationId, entity: 'assessment' as const, entityId: criterionId, action: 'update' as const };
    // Text typed but not yet in the history keeps its own entry, by whoever typed it (as commitObservations does).
    if (current.observation !== current.observationCommitted)
      await record(db, current.updatedBy ?? who, now, { ...base, field: 'observation', before: current.observationCommitted, after: current.observation });
    changes.push({ ...base, field: 'observation', before: current.observation, after: observation });
    changes.push({ ...base, field: 'aiAction', before: null, after: { action, suggestionId: id } });
    // Status and exemption reason are carried over unchanged.
    await db.assessments.put({ ...current, observation, observationCommitted: observation, words: observationWords(observation), aiAssisted: true, updatedAt: now, updatedBy: who });
    await db.aiSuggestions.update(id, { action, finalText, actedAt: now, actedBy: who });
    await record(db, who, now, ...changes);
  });
}

/** The juror takes the suggestion as it is (its text, as shown). */
export function acceptSuggestion(db: WorkspaceDb, id: string, text: string, who: string | null, now = Date.now()): Promise<void> {
  return takeText(db, id, 'accepted', text, who, now);
}

/** The juror takes the suggestion with changes: the edited text goes into the observation. */
export function editSuggestion(db: WorkspaceDb, id: string, text: string, who: string | null, now = Date.now()): Promise<void> {
  return takeText(db, id, 'edited', text, who, now);
}

/** The juror sets the suggestion aside: the observation is not touched. */
export async function rejectSuggestion(db: WorkspaceDb, id: string, who: string | null, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.aiSuggestions, db.evaluations, db.history, async () => {
    const row = await pendingRow(db, id);
    await touchEvaluation(db, row.evaluationId, now);
    await db.aiSuggestions.update(id, { action: 'rejected', finalText: null, actedAt: now, actedBy: who });
    await record(db, who, now, { evaluationId: row.evaluationId, entity: 'assessment', entityId: row.criterionId, action: 'update', field: 'aiAction', before: null, after: { action: 'rejected', suggestionId: id } });
  });
}

/**
 * A suggestion stored before facts carried their problems: what can still be known is said —
 * an unverified quote is « introuvable », a quote under five words was never a checked passage
 * (the old check took any fragment), an evidence reference that names no evidence item of the
 * evaluation is invented. Rows that have their problems are returned as they are.
 */
export function withProblems(row: AiSuggestionRow, evidenceIds: ReadonlySet<string>): AiSuggestionRow {
  if (row.suggestion.facts.every((f) => Array.isArray(f.problems))) return row;
  const facts = row.suggestion.facts.map((f): VerifiedFact => {
    if (Array.isArray(f.problems)) return f;
    const problems: FactProblem[] = [];
    if (f.quote !== null && f.verified === false) problems.push('quote-not-found');
    if (f.quote !== null && f.verified === true && (f.quote.match(/[\p{L}\p{N}]+/gu) ?? []).length < 5) problems.push('quote-too-short');
    if (f.evidenceId !== null && !evidenceIds.has(f.evidenceId)) problems.push('unknown-evidence');
    return { ...f, verified: problems.includes('quote-too-short') ? false : f.verified, problems };
  });
  return { ...row, suggestion: { ...row.suggestion, facts, flagged: row.suggestion.flagged || facts.some((f) => f.problems.length > 0) } };
}

/** An evaluation's suggestions, oldest first (a batch's by criterion id; the panel shows them in the référentiel's order). */
export async function suggestionsOf(db: WorkspaceDb, evaluationId: string): Promise<AiSuggestionRow[]> {
  const stored = await db.aiSuggestions.where('evaluationId').equals(evaluationId).toArray();
  const legacy = stored.some((r) => r.suggestion.facts.some((f) => !Array.isArray(f.problems)));
  const evidenceIds = legacy ? new Set(await db.evidence.where('evaluationId').equals(evaluationId).primaryKeys()) : new Set<string>();
  const rows = stored.map((r) => withProblems(r, evidenceIds));
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0));
}
