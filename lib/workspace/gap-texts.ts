// Texts jurors type for what a référentiel lacks — passages lost in conversion (items flagged
// `gap`) and the RNCP code when the document does not state it: kept locally per certification,
// shown wherever the item appears, never mixed into the bundled data.
import type { WorkspaceDb } from './db';
import { mergeTexts } from './merge-text';
import type { GapTextRow } from './types';

/** The gap text holding the RNCP code the jury entered; the colon keeps it apart from any référentiel item id. */
export const RNCP_ITEM_ID = 'certification:rncp';

const RNCP_SHAPE = /^(?:rncp\s?)?(\d{3,6})$/i;

/** Whether a typed code has the shape of a France compétences RNCP number (« RNCP36136 »; « 36136 » or « rncp 36136 » too). */
export const looksLikeRncp = (text: string): boolean => RNCP_SHAPE.test(text.trim());

/** The certification's RNCP code: the référentiel's own, else the one the jury entered (written « RNCP » + digits when it has that shape), else none. */
export function rncpCode(certification: { rncp: string | null }, gapTexts: ReadonlyMap<string, Pick<GapTextRow, 'text'>>): { code: string | null; byJury: boolean } {
  if (certification.rncp) return { code: certification.rncp, byJury: false };
  const entered = gapTexts.get(RNCP_ITEM_ID)?.text.trim();
  if (!entered) return { code: null, byJury: false };
  const digits = RNCP_SHAPE.exec(entered)?.[1];
  return { code: digits ? `RNCP${digits}` : entered, byJury: true };
}

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
