// Texts jurors type for passages a référentiel lost in conversion (items flagged `gap`): kept
// locally per certification, shown wherever the item appears, never mixed into the bundled data.
import type { WorkspaceDb } from './db';
import type { GapTextRow } from './types';

export async function setGapText(
  db: WorkspaceDb,
  input: { certificationId: string; itemId: string; dataVersion: number; text: string },
  who: string | null,
  now = Date.now(),
): Promise<void> {
  const text = input.text.trim();
  if (!text) {
    await db.gapTexts.delete([input.certificationId, input.itemId]);
    return;
  }
  await db.gapTexts.put({ ...input, text, updatedAt: now, updatedBy: who });
}

export async function gapTextsOf(db: WorkspaceDb, certificationId: string): Promise<Map<string, GapTextRow>> {
  const rows = await db.gapTexts.where('certificationId').equals(certificationId).toArray();
  return new Map(rows.map((r) => [r.itemId, r]));
}
