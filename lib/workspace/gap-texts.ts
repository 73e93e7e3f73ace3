// Texts jurors type for what a référentiel lacks — passages lost in conversion (items flagged
// `gap`) and the RNCP code when the document does not state it: kept locally per certification,
// shown wherever the item appears, never mixed into the bundled data.
import type { WorkspaceDb } from './db';
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
