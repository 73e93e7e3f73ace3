// Reconciling with a colleague's export: the local evaluation kept current, the file read and the
// matching evaluation picked, the differences, the jurors' choices, and the joint record written.
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { F, M, pick } from '../export/backup-messages';
import { ImportError } from '../text/file-errors';
import { readBackup } from '../export/import';
import { applyReconciliation } from '../export/reconcile-apply';
import { localSide, matchingSides, reconcile, sidesInEnvelope, type ReconcileChoices, type ReconcileSide } from '../export/reconcile';
import type { Certification } from '../referentiels/schema';
import type { WorkspaceDb } from '../workspace/db';
import { storageErrorMessage } from '../workspace/errors';

/**
 * The local evaluation as stored, kept current: a status or decision recorded a moment ago (or
 * in another window) is what the comparison shows, not what was there when the view first rendered.
 */
function useLocalSide(db: WorkspaceDb, evaluationId: string): { side: ReconcileSide | null; error: string | null } {
  const [state, setState] = useState<{ side: ReconcileSide | null; error: string | null }>({ side: null, error: null });
  useEffect(() => {
    setState({ side: null, error: null });
    const subscription = liveQuery(() => localSide(db, evaluationId)).subscribe({
      next: (side) => setState({ side, error: null }),
      error: (e: unknown) => setState({ side: null, error: storageErrorMessage(e, { kept: false }) }),
    });
    return () => subscription.unsubscribe();
  }, [db, evaluationId]);
  return state;
}

/** What belongs to the file being reconciled: a new file starts all of it again. */
interface Picking {
  sides: ReconcileSide[] | null;
  picked: number;
  choices: ReconcileChoices;
  /** Their evidence the jurors unticked. */
  excluded: ReadonlySet<string>;
  /** The joint record was written for this file: an agreement is not recorded twice. */
  applied: boolean;
}

const NOTHING_PICKED: Picking = { sides: null, picked: -1, choices: {}, excluded: new Set(), applied: false };

type CriterionChoice = NonNullable<ReconcileChoices['criteria']>[string];
type DecisionChoice = NonNullable<ReconcileChoices['decisions']>[string];

export interface ReconciliationOptions {
  db: WorkspaceDb;
  evaluationId: string;
  who: string | null;
  certification?: Certification | null;
  onDone?: () => void;
}

export function useReconciliation({ db, evaluationId, who, certification, onDone }: ReconciliationOptions) {
  const local = useLocalSide(db, evaluationId);
  const mine = local.side;
  const [picking, setPicking] = useState<Picking>(NOTHING_PICKED);
  const [addJurors, setAddJurors] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { sides, picked, choices, excluded } = picking;

  const order = useMemo(() => certification?.blocs.flatMap((b) => b.criteria.map((c) => c.id)) ?? [], [certification]);
  const matches = useMemo(() => (mine && sides ? matchingSides(mine, sides) : []), [mine, sides]);
  const theirs = sides?.[picked] ?? null;
  const r = useMemo(() => (mine && theirs ? reconcile(mine, theirs, { order, myName: who }) : null), [mine, theirs, order, who]);
  const nothingDiffers = !!r && !r.criteria.length && !r.decisions.length && !r.otherEvidenceTheirs.length && !r.newJurors.length;

  const choose = async (file: File | undefined) => {
    setPicking(NOTHING_PICKED);
    setError(null);
    setStatus(null);
    if (!file || !mine) return;
    setBusy(true);
    try {
      const all = sidesInEnvelope(await readBackup(file), file.name);
      const found = matchingSides(mine, all);
      setPicking((p) => ({ ...p, sides: all, picked: found.length === 1 ? all.indexOf(found[0]!) : -1 }));
    } catch (e) {
      setError(e instanceof ImportError ? e.message : storageErrorMessage(e, { kept: false }));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!r) return;
    setBusy(true);
    setError(null);
    try {
      const offered = [...r.criteria.flatMap((c) => c.evidenceOnlyTheirs), ...r.otherEvidenceTheirs];
      const addEvidence = [...new Set(offered.map((e) => e.id))].filter((id) => !excluded.has(id));
      const result = await applyReconciliation(db, evaluationId, r, { ...choices, addEvidence, addJurors }, who);
      setStatus(pick(nothingDiffers ? M.agreementRecorded : F.reconciled(result.criteria, result.decisions, result.evidence, result.jurors)));
      setPicking((p) => ({ ...p, choices: {}, applied: true }));
      onDone?.();
    } catch (e) {
      // The choices stay on screen: the same button tries again.
      setError(storageErrorMessage(e, { kept: false, retry: pick(nothingDiffers ? M.recordAgreement : M.produce) }));
    } finally {
      setBusy(false);
    }
  };

  return { mine, sides, matches, picked, r, choices, excluded, addJurors, nothingDiffers, applied: picking.applied, busy, status, error: error ?? local.error, choose, apply, setAddJurors, ...pickingSetters(setPicking) };
}

/** The jurors' choices, each a patch on what they chose before. */
function pickingSetters(setPicking: (update: (p: Picking) => Picking) => void) {
  const setChoices = (update: (c: ReconcileChoices) => ReconcileChoices) => setPicking((p) => ({ ...p, choices: update(p.choices) }));
  return {
    setPicked: (picked: number) => setPicking((p) => ({ ...p, picked })),
    setCriterion: (id: string, patch: CriterionChoice) => setChoices((c) => ({ ...c, criteria: { ...c.criteria, [id]: { ...c.criteria?.[id], ...patch } } })),
    setDecision: (id: string, patch: DecisionChoice) => setChoices((c) => ({ ...c, decisions: { ...c.decisions, [id]: { ...c.decisions?.[id], ...patch } } })),
    toggleEvidence: (id: string, on: boolean) =>
      setPicking((p) => {
        const excluded = new Set(p.excluded);
        if (on) excluded.delete(id);
        else excluded.add(id);
        return { ...p, excluded };
      }),
  };
}

export type ReconciliationFlow = ReturnType<typeof useReconciliation>;
