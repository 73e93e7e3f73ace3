// The note a reconciliation leaves in the evaluation's history (field « reconciliation »): with
// whom and from which export, and for each criterion or decision where the two jurors differed,
// both values and what the jury kept. History travels in backups and is append-only, so the
// note needs no table of its own; the jury record reads it back through the schema below (a
// history row may come from an imported file: anything that does not parse is left out).
import { z } from 'zod';
import type { WorkspaceDb } from '../workspace/db';
import { ASSESSMENT_STATUSES, BLOC_DECISIONS, COMPETENCY_DECISIONS, type HistoryRow } from '../workspace/types';

export const RECONCILIATION_FIELD = 'reconciliation';

const Status = z.enum(ASSESSMENT_STATUSES);
const Decision = z.enum([...BLOC_DECISIONS, ...COMPETENCY_DECISIONS]).nullable();
const Kept = z.enum(['mine', 'theirs']);
/** Which text the jury kept: one juror's, both under their names, or one they wrote together. */
const TextKept = z.enum(['mine', 'theirs', 'both', 'edited']);

export const CriterionNoteSchema = z.object({
  criterionId: z.string(),
  /** Null: both statuses were the same. */
  status: z.object({ mine: Status, theirs: Status, mineReason: z.string().nullable(), theirsReason: z.string().nullable(), kept: Kept }).nullable(),
  /** Null: both observations were the same. */
  observation: z.object({ kept: TextKept }).nullable(),
  /** Evidence on one side only, and how many of the colleague's the jury added. */
  evidence: z.object({ onlyMine: z.number().int(), onlyTheirs: z.number().int(), added: z.number().int() }).nullable(),
});

export const DecisionNoteSchema = z.object({
  targetType: z.enum(['bloc', 'competency']),
  targetId: z.string(),
  decision: z.object({ mine: Decision, theirs: Decision, kept: Kept }).nullable(),
  comment: z.object({ kept: TextKept }).nullable(),
});

export const ReconciliationNoteSchema = z.object({
  /** How each side is named: the juror who reconciled (or the local jury), the colleague's jury. */
  mine: z.string(),
  theirs: z.string(),
  theirEvaluationId: z.string(),
  /** The colleague's file and when it was exported, when known. */
  fileName: z.string().nullable(),
  exportedAt: z.string().nullable(),
  criteria: z.array(CriterionNoteSchema),
  decisions: z.array(DecisionNoteSchema),
  /** Colleague's jurors added to the jury list, by name. */
  jurorsAdded: z.array(z.string()),
  /** The colleague's evidence attached to no criterion, added. */
  otherEvidenceAdded: z.number().int(),
});

export type CriterionNote = z.infer<typeof CriterionNoteSchema>;
export type DecisionNote = z.infer<typeof DecisionNoteSchema>;
export type ReconciliationNote = z.infer<typeof ReconciliationNoteSchema>;

/** A reconciliation as recorded: the note, who made it and when. */
export interface RecordedReconciliation {
  note: ReconciliationNote;
  by: string | null;
  at: number;
}

export function isReconciliationEntry(row: Pick<HistoryRow, 'entity' | 'field'>): boolean {
  return row.entity === 'evaluation' && row.field === RECONCILIATION_FIELD;
}

/** The evaluation's reconciliations, oldest first; a note that does not parse is left out. */
export async function reconciliationsOf(db: WorkspaceDb, evaluationId: string): Promise<RecordedReconciliation[]> {
  const rows = await db.history.where('evaluationId').equals(evaluationId).sortBy('seq');
  return rows.flatMap((row) => {
    if (!isReconciliationEntry(row)) return [];
    const parsed = ReconciliationNoteSchema.safeParse(row.after);
    return parsed.success ? [{ note: parsed.data, by: row.who, at: row.at }] : [];
  });
}
