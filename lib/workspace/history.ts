// The append-only record of every change, to produce if a candidate appeals. Written in the
// same transaction as the change it records, so neither exists without the other.
import type { WorkspaceDb } from './db';
import type { HistoryRow } from './types';

export type Change = Omit<HistoryRow, 'seq' | 'at' | 'who'>;

export async function record(db: WorkspaceDb, who: string | null, at: number, ...changes: Change[]): Promise<void> {
  if (changes.length) await db.history.bulkAdd(changes.map((c) => ({ ...c, who, at })));
}

/** The history of one evaluation, oldest first. */
export function historyOf(db: WorkspaceDb, evaluationId: string): Promise<HistoryRow[]> {
  return db.history.where('evaluationId').equals(evaluationId).sortBy('seq');
}
