// Recovers, when a panel opens, the text other panels were typing when they closed or died:
// fields saved as they are typed (observation, RGAA comment, gap text) get their draft merged into
// what is stored since (mergeTexts: nobody's words dropped) and saved, with their history entry;
// forms saved by a button (decision, exemption, caption) keep theirs until the form reopens and
// shows it « non enregistré » (takeDraft).
import { commitObservations, saveObservation } from '../workspace/assessments';
import type { WorkspaceDb } from '../workspace/db';
import { allDrafts, draftsOf, livePanels, type DraftRow } from './store';
import { setGapText } from '../workspace/gap-texts';
import { mergeTexts } from '../workspace/merge-text';
import { findAudit, setCriterion } from '../rgaa/audits';

const LEGACY_PREFIX = 'grille:draft:';

/** Drafts an earlier Grille kept in localStorage (observations only): saved as they were. */
async function recoverLegacy(db: WorkspaceDb, storage: Storage | undefined): Promise<number> {
  if (!storage) return 0;
  let recovered = 0;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(LEGACY_PREFIX));
  for (const key of keys) {
    try {
      const d = JSON.parse(storage.getItem(key) ?? '') as { evaluationId: string; criterionId: string; text: string; who: string | null; at: number };
      const stored = await db.assessments.get([d.evaluationId, d.criterionId]);
      if ((await db.evaluations.get(d.evaluationId)) && stored?.observation !== d.text && d.at > (stored?.updatedAt ?? 0)) {
        await saveObservation(db, d.evaluationId, d.criterionId, d.text, d.who, d.at);
        await commitObservations(db, d.evaluationId, d.who, d.criterionId);
        recovered += 1;
      }
    } catch {
      // Unreadable, or for an evaluation gone: nothing to recover.
    }
    storage.removeItem(key);
  }
  return recovered;
}

/** Saves one draft of a field saved as typed; a form's is left for the form; one of a deleted evaluation dropped. */
async function applyDraft(db: WorkspaceDb, draft: DraftRow): Promise<'saved' | 'dropped' | 'form'> {
  const ref = draft.ref;
  switch (ref.kind) {
    case 'observation': {
      if (!(await db.evaluations.get(ref.evaluationId))) return 'dropped';
      const stored = (await db.assessments.get([ref.evaluationId, ref.criterionId]))?.observation ?? '';
      await saveObservation(db, ref.evaluationId, ref.criterionId, mergeTexts(draft.base, draft.text, stored), draft.who, draft.at);
      await commitObservations(db, ref.evaluationId, draft.who, ref.criterionId);
      return 'saved';
    }
    case 'rgaa-comment': {
      if (ref.evaluationId && !(await db.evaluations.get(ref.evaluationId))) return 'dropped';
      const page = { evaluationId: ref.evaluationId, pageUrl: ref.pageUrl, pageTitle: ref.pageTitle };
      const stored = (await findAudit(db, ref.evaluationId, ref.pageUrl))?.results[ref.criterion]?.comment ?? '';
      await setCriterion(db, page, { criterion: ref.criterion, comment: mergeTexts(draft.base, draft.text, stored) }, draft.who, draft.at);
      return 'saved';
    }
    case 'gap': {
      const stored = (await db.gapTexts.get([ref.certificationId, ref.itemId]))?.text ?? '';
      const input = { certificationId: ref.certificationId, itemId: ref.itemId, dataVersion: ref.dataVersion, text: mergeTexts(draft.base, draft.text, stored) };
      await setGapText(db, input, draft.who, draft.at);
      return 'saved';
    }
    default:
      return 'evaluationId' in ref && !(await db.evaluations.get(ref.evaluationId)) ? 'dropped' : 'form';
  }
}

/**
 * Saves the drafts of panels no longer open, oldest first; a form's draft stays for its form.
 * Returns how many fields were recovered.
 */
export async function recoverDrafts(db: WorkspaceDb, options: { storage?: Storage; live?: Set<string> } = {}): Promise<number> {
  let recovered = await recoverLegacy(db, options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage));
  const drafts = draftsOf(db);
  const live = options.live ?? (await livePanels());
  for (const draft of await allDrafts(drafts)) {
    if (live.has(draft.panel)) continue;
    const outcome = await applyDraft(db, draft);
    if (outcome === 'form') continue;
    // Removed only once saved: a failure (a full disk) leaves it for the next opening.
    await drafts.drafts.delete([draft.field, draft.panel]);
    if (outcome === 'saved') recovered += 1;
  }
  return recovered;
}
