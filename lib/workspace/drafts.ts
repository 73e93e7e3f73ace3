// Observation drafts kept in the extension page's localStorage, written synchronously on every
// keystroke: if the panel closes (or the browser crashes) before IndexedDB has the text, the
// draft is still there and is saved the next time the panel opens. A draft is removed only once
// IndexedDB holds its text.
import type { WorkspaceDb } from './db';
import { commitObservations, saveObservation } from './assessments';

const PREFIX = 'grille:draft:';

export interface ObservationDraft {
  evaluationId: string;
  criterionId: string;
  text: string;
  who: string | null;
  at: number;
}

const keyOf = (evaluationId: string, criterionId: string) => `${PREFIX}${evaluationId}:${criterionId}`;

export function writeDraft(draft: ObservationDraft, storage: Storage = localStorage): void {
  try {
    storage.setItem(keyOf(draft.evaluationId, draft.criterionId), JSON.stringify(draft));
  } catch {
    // localStorage full too: the text is still in the field and IndexedDB is being written.
  }
}

export function clearDraft(evaluationId: string, criterionId: string, text: string, storage: Storage = localStorage): void {
  const key = keyOf(evaluationId, criterionId);
  const raw = storage.getItem(key);
  // Only if nothing newer was typed meanwhile.
  if (raw && (JSON.parse(raw) as ObservationDraft).text === text) storage.removeItem(key);
}

export function pendingDrafts(storage: Storage = localStorage): ObservationDraft[] {
  const drafts: ObservationDraft[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const d = JSON.parse(storage.getItem(key) ?? '') as ObservationDraft;
      if (typeof d.evaluationId === 'string' && typeof d.criterionId === 'string' && typeof d.text === 'string') drafts.push(d);
    } catch {
      storage.removeItem(key);
    }
  }
  return drafts;
}

/**
 * Saves every pending draft to IndexedDB and commits its history; drafts of evaluations that no
 * longer exist are dropped. Returns how many drafts were recovered.
 */
export async function recoverDrafts(db: WorkspaceDb, storage: Storage = localStorage): Promise<number> {
  let recovered = 0;
  for (const draft of pendingDrafts(storage)) {
    if (!(await db.evaluations.get(draft.evaluationId))) {
      storage.removeItem(keyOf(draft.evaluationId, draft.criterionId));
      continue;
    }
    const stored = await db.assessments.get([draft.evaluationId, draft.criterionId]);
    if (stored?.observation !== draft.text) {
      await saveObservation(db, draft.evaluationId, draft.criterionId, draft.text, draft.who, draft.at);
      recovered += 1;
    }
    await commitObservations(db, draft.evaluationId, draft.who, draft.criterionId);
    clearDraft(draft.evaluationId, draft.criterionId, draft.text, storage);
  }
  return recovered;
}
