// Texts jurors type for passages a référentiel lost in conversion (items flagged `gap`): kept
// locally per certification, shown wherever the item appears, never mixed into the bundled data.
import type { WorkspaceDb } from './db';
import { mergeTexts } from './merge-text';
import type { GapTextRow } from './types';

/**
 * Saves the text as typed (an empty one removes it). With `base` (the stored text the edit
 * started from), a text stored meanwhile by another panel is merged, not overwritten. Returns
 * the text now stored.
 */
export async function setGapText(
  db: WorkspaceDb,
  input: { certificationId: string; itemId: string; dataVersion: number; text: string },
  who: string | null,
  now = Date.now(),
  base?: string,
): Promise<string> {
  return db.transaction('rw', db.gapTexts, async () => {
    const key: [string, string] = [input.certificationId, input.itemId];
    const current = (await db.gapTexts.get(key))?.text ?? '';
    const text = base === undefined ? input.text : mergeTexts(base, input.text, current);
    // Kept as typed (a trailing space is the juror's next word coming), empty only when blank.
    if (!text.trim()) await db.gapTexts.delete(key);
    else if (text !== current) await db.gapTexts.put({ ...input, text, updatedAt: now, updatedBy: who });
    return text.trim() ? text : '';
  });
}

export async function gapTextsOf(db: WorkspaceDb, certificationId: string): Promise<Map<string, GapTextRow>> {
  const rows = await db.gapTexts.where('certificationId').equals(certificationId).toArray();
  return new Map(rows.map((r) => [r.itemId, r]));
}
