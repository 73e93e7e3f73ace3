// Per-criterion assessments: the juror's status (with a reason for an exemption) and observation.
// Observations are saved after a pause in typing (each keystroke is kept at once as a draft,
// lib/drafts/store.ts); their history entry is written when the edit ends (the field loses focus, the panel
// closes or the next time the evaluation opens), so a crash never loses the text nor its history.
import { foldForSearch } from '../text/normalize';
import type { WorkspaceDb } from './db';
import { WorkspaceRuleError } from './errors';
import { record } from './history';
import { mergeTexts } from './merge-text';
import type { AssessmentRow, AssessmentStatus } from './types';

/** French function words: a quarter of the index entries, and nobody searches for them. */
const STOP_WORDS = new Set(
  'au aux avec ce ces cet cette dans de des du elle en est et il ils la le les leur leurs ma mais me mes on ou par pas pour qu que qui sa se ses son sont sur ta te tes un une vos votre nous vous ne ni'.split(' '),
);

export function observationWords(text: string): string[] {
  return [...new Set(foldForSearch(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP_WORDS.has(w)))];
}

/** A criterion nobody has assessed yet, as stored once someone does. */
export function blankAssessment(evaluationId: string, criterionId: string): AssessmentRow {
  return {
    evaluationId,
    criterionId,
    status: 'non-evalue',
    exemptionReason: null,
    observation: '',
    observationCommitted: '',
    words: [],
    updatedAt: 0,
    updatedBy: null,
  };
}

async function touchEvaluation(db: WorkspaceDb, evaluationId: string, now: number) {
  const updated = await db.evaluations.update(evaluationId, { updatedAt: now });
  if (!updated) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
}

export interface StatusChange {
  evaluationId: string;
  criterionId: string;
  status: AssessmentStatus;
  /** Required for « exempte » (on the référent handicap's advice, for instance). */
  exemptionReason?: string | null;
}

export async function setStatus(db: WorkspaceDb, change: StatusChange, who: string | null, now = Date.now()): Promise<void> {
  const reason = change.status === 'exempte' ? (change.exemptionReason ?? '').trim() : null;
  if (change.status === 'exempte' && !reason) throw new WorkspaceRuleError("Une exemption doit être motivée : indiquez la raison (par exemple l'avis du référent handicap).");
  await db.transaction('rw', db.assessments, db.evaluations, db.history, async () => {
    const current = (await db.assessments.get([change.evaluationId, change.criterionId])) ?? blankAssessment(change.evaluationId, change.criterionId);
    if (current.status === change.status && current.exemptionReason === reason) return;
    const evaluation = await db.evaluations.get(change.evaluationId);
    if (!evaluation) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    const counts = { ...evaluation.statusCounts };
    if (current.status !== 'non-evalue') counts[current.status] = Math.max(0, (counts[current.status] ?? 0) - 1);
    if (change.status !== 'non-evalue') counts[change.status] = (counts[change.status] ?? 0) + 1;
    await db.evaluations.update(change.evaluationId, { statusCounts: counts, updatedAt: now });
    await db.assessments.put({ ...current, status: change.status, exemptionReason: reason, updatedAt: now, updatedBy: who });
    await record(db, who, now, {
      evaluationId: change.evaluationId,
      entity: 'assessment',
      entityId: change.criterionId,
      action: 'update',
      field: 'status',
      before: { status: current.status, exemptionReason: current.exemptionReason },
      after: { status: change.status, exemptionReason: reason },
    });
  });
}

/**
 * Saves the observation as typed; no history entry until the edit is committed. With `base` (the
 * stored text the juror's edit started from), a text stored meanwhile by another panel is merged
 * with this one rather than overwritten. Returns the text now stored.
 */
export async function saveObservation(
  db: WorkspaceDb,
  evaluationId: string,
  criterionId: string,
  typed: string,
  who: string | null,
  now = Date.now(),
  base?: string,
): Promise<string> {
  return db.transaction('rw', db.assessments, db.evaluations, async () => {
    const current = (await db.assessments.get([evaluationId, criterionId])) ?? blankAssessment(evaluationId, criterionId);
    const text = base === undefined ? typed : mergeTexts(base, typed, current.observation);
    if (current.observation === text) return text;
    await touchEvaluation(db, evaluationId, now);
    await db.assessments.put({ ...current, observation: text, words: observationWords(text), updatedAt: now, updatedBy: who });
    return text;
  });
}

/**
 * Writes the history entry of observations whose text changed since their last entry
 * (one criterion, or every one of the evaluation). Returns how many were committed.
 */
export async function commitObservations(db: WorkspaceDb, evaluationId: string, who: string | null, criterionId?: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.assessments, db.history, async () => {
    const rows = criterionId
      ? [await db.assessments.get([evaluationId, criterionId])].filter((r): r is AssessmentRow => !!r)
      : await db.assessments.where('evaluationId').equals(evaluationId).toArray();
    const pending = rows.filter((r) => r.observation !== r.observationCommitted);
    for (const row of pending) {
      await db.assessments.update([row.evaluationId, row.criterionId], { observationCommitted: row.observation });
      await record(db, row.updatedBy ?? who, now, {
        evaluationId,
        entity: 'assessment',
        entityId: row.criterionId,
        action: 'update',
        field: 'observation',
        before: row.observationCommitted,
        after: row.observation,
      });
    }
    return pending.length;
  });
}

export function assessmentsOf(db: WorkspaceDb, evaluationId: string): Promise<AssessmentRow[]> {
  return db.assessments.where('evaluationId').equals(evaluationId).toArray();
}

/** Assessments whose observation has a word starting with each word of the query. */
export async function searchObservations(db: WorkspaceDb, query: string, evaluationId?: string): Promise<AssessmentRow[]> {
  const terms = observationWords(query);
  if (!terms.length) return [];
  const matches = (row: AssessmentRow) => terms.every((t) => row.words.some((w) => w.startsWith(t)));
  // One evaluation holds ~100 rows: reading them beats any index walk over the whole season.
  if (evaluationId) return (await assessmentsOf(db, evaluationId)).filter(matches);
  // Walk the rarest term's index range; counting keys first is cheap next to reading rows.
  const counts = await Promise.all(terms.map((t) => db.assessments.where('words').startsWith(t).count()));
  const pivot = terms[counts.indexOf(Math.min(...counts))]!;
  const rows = await db.assessments.where('words').startsWith(pivot).toArray();
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.evaluationId}\u0000${row.criterionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return matches(row);
  });
}
