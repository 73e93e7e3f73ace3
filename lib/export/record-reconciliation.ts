// The reconciliation part of the jury record: each time the evaluation was reconciled with a
// colleague's export — with whom, from which file, when and by whom — and, per criterion and
// decision, both jurors' values and what the jury kept. Read from the notes in the history
// (lib/export/reconciliation-note.ts); criteria and blocs named by their codes.
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { reconciliationsOf, type CriterionNote, type DecisionNote } from './reconciliation-note';

export type RecordReconciliationItem =
  | ({ kind: 'criterion'; code: string } & Omit<CriterionNote, 'criterionId'>)
  | ({ kind: 'decision'; code: string } & Omit<DecisionNote, 'targetId'>);

export interface RecordReconciliation {
  /** The juror who reconciled (or the local jury) and the colleague's jury, as named in the note. */
  mine: string;
  theirs: string;
  fileName: string | null;
  /** When the colleague exported their file (ISO date), when known. */
  exportedAt: string | null;
  by: string | null;
  at: number;
  /** Where the two evaluations differed; empty: they agreed. */
  items: RecordReconciliationItem[];
  jurorsAdded: string[];
  otherEvidenceAdded: number;
}

/** « C2.1 · critère 1 » for criteria, « Bloc 2 » and « C1 » for decisions; the id when the référentiel no longer has it. */
function codesOf(certification: Certification): Map<string, string> {
  const codes = new Map<string, string>();
  for (const bloc of certification.blocs) {
    for (const [id, code] of criterionCodes(bloc)) codes.set(id, code);
    codes.set(bloc.id, `Bloc ${bloc.code}`);
    for (const c of bloc.competencies) codes.set(c.id, c.code);
  }
  return codes;
}

export async function reconciliationRecords(db: WorkspaceDb, evaluationId: string, certification: Certification): Promise<RecordReconciliation[]> {
  const recorded = await reconciliationsOf(db, evaluationId);
  if (!recorded.length) return [];
  const codes = codesOf(certification);
  return recorded.map(({ note, by, at }) => ({
    mine: note.mine,
    theirs: note.theirs,
    fileName: note.fileName,
    exportedAt: note.exportedAt,
    by,
    at,
    items: [
      ...note.criteria.map(({ criterionId, ...rest }): RecordReconciliationItem => ({ kind: 'criterion', code: codes.get(criterionId) ?? criterionId, ...rest })),
      ...note.decisions.map(({ targetId, ...rest }): RecordReconciliationItem => ({ kind: 'decision', code: codes.get(targetId) ?? targetId, ...rest })),
    ],
    jurorsAdded: note.jurorsAdded,
    otherEvidenceAdded: note.otherEvidenceAdded,
  }));
}
