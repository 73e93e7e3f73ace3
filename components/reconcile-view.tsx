import { useId, useMemo } from 'react';
import { F, M, pick } from '@/lib/export/backup-messages';
import { useReconciliation } from '@/lib/hooks/use-reconciliation';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { ReconcileDifferences } from './reconcile-differences';

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  who: string | null;
  /** The évaluation's référentiel, to name criteria; ids are shown without it. */
  certification?: Certification | null;
  onDone?: () => void;
}

/** Criteria, blocs and competencies as the jurors know them: code and wording. */
function referentielLabels(certification: Certification | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const bloc of certification?.blocs ?? []) {
    const codes = criterionCodes(bloc);
    for (const c of bloc.criteria) out.set(c.id, `${codes.get(c.id) ?? c.id} — ${c.text || c.id}`);
    out.set(bloc.id, `Bloc ${bloc.code} — ${bloc.title}`);
    for (const k of bloc.competencies) out.set(k.id, `${k.code} — ${k.text}`);
  }
  return out;
}

/** Reconciling with a colleague: their export, only the differences, the jurors' choices, the joint record. */
export function ReconcileView({ db, evaluationId, who, certification, onDone }: Props) {
  const ids = useId();
  const flow = useReconciliation({ db, evaluationId, who, certification, onDone });
  const { mine, sides, matches, picked, r, busy, status, error } = flow;
  const labels = useMemo(() => referentielLabels(certification), [certification]);

  return (
    <section className="reconcile" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{pick(M.reconcileTitle)}</h2>
      <p className="hint">{pick(M.reconcileHelp)}</p>
      <label htmlFor={`${ids}-file`}>{pick(M.reconcileFile)}</label>
      <input
        id={`${ids}-file`}
        type="file"
        accept=".json,application/json"
        disabled={busy || !mine}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          void flow.choose(file);
        }}
      />

      {sides && matches.length !== 1 && (
        <>
          {matches.length === 0 && <p>{pick(M.reconcileNoMatch)}</p>}
          <label htmlFor={`${ids}-pick`}>{pick(M.reconcilePick)}</label>
          <select id={`${ids}-pick`} value={picked} onChange={(e) => flow.setPicked(Number(e.currentTarget.value))}>
            <option value={-1}>—</option>
            {sides.map((s, i) => (
              <option key={s.evaluation.id} value={i}>
                {pick(F.theirEvaluation(s.candidate?.name ?? '', s.evaluation.certificationId, s.evaluation.jurors.map((j) => j.name).join(', ')))}
              </option>
            ))}
          </select>
        </>
      )}

      {r && <ReconcileDifferences ids={ids} r={r} labels={labels} flow={flow} />}

      {status && <p role="status">{status}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
