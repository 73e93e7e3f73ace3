import { liveQuery } from 'dexie';
import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { F, M, pick } from '@/lib/export/backup-messages';
import { ImportError } from '@/lib/text/file-errors';
import { readBackup } from '@/lib/export/import';
import { applyReconciliation } from '@/lib/export/reconcile-apply';
import {
  localSide,
  matchingSides,
  previewText,
  reconcile,
  sidesInEnvelope,
  type ReconcileChoices,
  type ReconcileSide,
  type TextChoice,
  type ValueChoice,
} from '@/lib/export/reconcile';
import { t } from '@/lib/i18n';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { storageErrorMessage } from '@/lib/workspace/errors';
import type { EvidenceRow } from '@/lib/workspace/types';

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  who: string | null;
  /** The évaluation's référentiel, to name criteria; ids are shown without it. */
  certification?: Certification | null;
  onDone?: () => void;
}

const statusLabel = (status: string) => t(`status_${status}`);
const decisionLabel = (decision: string | null) => (decision ? t(`decision_${decision}`) : '—');
const evidenceLabel = (e: EvidenceRow) => `${e.quote ? `« ${e.quote.slice(0, 120)}${e.quote.length > 120 ? '…' : ''} »` : e.pageTitle || e.kind} — ${e.url}`;

/** A choice between two texts: mine, theirs, both (each under its juror's name), or edited. */
function TextChoiceField(props: {
  legend: string;
  mine: { text: string; by: string };
  theirs: { text: string; by: string };
  value: TextChoice | undefined;
  onChange: (choice: TextChoice) => void;
}) {
  const ids = useId();
  const { legend, mine, theirs, value, onChange } = props;
  const keep = value?.keep ?? 'mine';
  return (
    <fieldset className="reconcile-text">
      <legend>
        {legend} — {pick(M.keep)}
      </legend>
      <div className="reconcile-sides">
        <p>
          <strong>{mine.by}</strong> : <span className="quote">{mine.text || pick(M.empty)}</span>
        </p>
        <p>
          <strong>{theirs.by}</strong> : <span className="quote">{theirs.text || pick(M.empty)}</span>
        </p>
      </div>
      {(['mine', 'theirs', 'both'] as const).map((k) => (
        <label key={k} className="choice">
          <input type="radio" name={`${ids}-keep`} value={k} checked={keep === k} onChange={() => onChange({ keep: k })} />
          {pick(M[k])}
        </label>
      ))}
      <label htmlFor={`${ids}-text`}>{pick(M.keptText)}</label>
      <textarea id={`${ids}-text`} rows={3} value={previewText(value, mine, theirs)} onChange={(e) => onChange({ keep: 'edited', text: e.currentTarget.value })} />
    </fieldset>
  );
}

/** A choice between two values (status, decision): mine or theirs. */
function ValueChoiceField(props: { legend: string; mine: string; theirs: string; theirName: string; value: ValueChoice | undefined; onChange: (choice: ValueChoice) => void }) {
  const ids = useId();
  const value = props.value ?? 'mine';
  return (
    <fieldset className="reconcile-value">
      <legend>
        {props.legend} — {pick(M.keep)}
      </legend>
      <label className="choice">
        <input type="radio" name={`${ids}-keep`} value="mine" checked={value === 'mine'} onChange={() => props.onChange('mine')} />
        {pick(F.mineWithValue(props.mine))}
      </label>
      <label className="choice">
        <input type="radio" name={`${ids}-keep`} value="theirs" checked={value === 'theirs'} onChange={() => props.onChange('theirs')} />
        {pick(F.theirsWithValue(props.theirs, props.theirName))}
      </label>
    </fieldset>
  );
}

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

/** Reconciling with a colleague: their export, only the differences, the jurors' choices, the joint record. */
export function ReconcileView({ db, evaluationId, who, certification, onDone }: Props) {
  const ids = useId();
  const local = useLocalSide(db, evaluationId);
  const mine = local.side;
  const [sides, setSides] = useState<ReconcileSide[] | null>(null);
  const [picked, setPicked] = useState<number>(-1);
  const [choices, setChoices] = useState<ReconcileChoices>({});
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [addJurors, setAddJurors] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The joint record was written for this file: an agreement is not recorded twice. */
  const [applied, setApplied] = useState(false);

  const order = useMemo(() => certification?.blocs.flatMap((b) => b.criteria.map((c) => c.id)) ?? [], [certification]);
  const labels = useMemo(() => {
    const out = new Map<string, string>();
    for (const bloc of certification?.blocs ?? []) {
      const codes = criterionCodes(bloc);
      for (const c of bloc.criteria) out.set(c.id, `${codes.get(c.id) ?? c.id} — ${c.text || c.id}`);
      out.set(bloc.id, `Bloc ${bloc.code} — ${bloc.title}`);
      for (const k of bloc.competencies) out.set(k.id, `${k.code} — ${k.text}`);
    }
    return out;
  }, [certification]);

  const matches = useMemo(() => (mine && sides ? matchingSides(mine, sides) : []), [mine, sides]);
  const theirs = sides?.[picked] ?? null;
  const r = useMemo(() => (mine && theirs ? reconcile(mine, theirs, { order, myName: who }) : null), [mine, theirs, order, who]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    setSides(null);
    setPicked(-1);
    setChoices({});
    setExcluded(new Set());
    setError(null);
    setStatus(null);
    setApplied(false);
    if (!file || !mine) return;
    setBusy(true);
    try {
      const all = sidesInEnvelope(await readBackup(file), file.name);
      const found = matchingSides(mine, all);
      setSides(all);
      setPicked(found.length === 1 ? all.indexOf(found[0]!) : -1);
    } catch (e) {
      setError(e instanceof ImportError ? e.message : storageErrorMessage(e, { kept: false }));
    } finally {
      setBusy(false);
    }
  };

  const setCriterion = (id: string, patch: NonNullable<ReconcileChoices['criteria']>[string]) =>
    setChoices((c) => ({ ...c, criteria: { ...c.criteria, [id]: { ...c.criteria?.[id], ...patch } } }));
  const setDecision = (id: string, patch: NonNullable<ReconcileChoices['decisions']>[string]) =>
    setChoices((c) => ({ ...c, decisions: { ...c.decisions, [id]: { ...c.decisions?.[id], ...patch } } }));
  const toggleEvidence = (id: string, on: boolean) =>
    setExcluded((set) => {
      const next = new Set(set);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const nothingDiffers = r && !r.criteria.length && !r.decisions.length && !r.otherEvidenceTheirs.length && !r.newJurors.length;
  const offered = r ? [...r.criteria.flatMap((c) => c.evidenceOnlyTheirs), ...r.otherEvidenceTheirs] : [];
  const apply = async () => {
    if (!r) return;
    setBusy(true);
    setError(null);
    try {
      const result = await applyReconciliation(db, evaluationId, r, { ...choices, addEvidence: [...new Set(offered.map((e) => e.id))].filter((id) => !excluded.has(id)), addJurors }, who);
      setStatus(pick(nothingDiffers ? M.agreementRecorded : F.reconciled(result.criteria, result.decisions, result.evidence, result.jurors)));
      setChoices({});
      setApplied(true);
      onDone?.();
    } catch (e) {
      // The choices stay on screen: the same button tries again.
      setError(storageErrorMessage(e, { kept: false, retry: pick(nothingDiffers ? M.recordAgreement : M.produce) }));
    } finally {
      setBusy(false);
    }
  };

  const evidenceBox = (e: EvidenceRow) => (
    <label key={e.id} className="choice">
      <input type="checkbox" checked={!excluded.has(e.id)} onChange={(ev) => toggleEvidence(e.id, ev.currentTarget.checked)} />
      {pick(M.evidenceTheirs)} : {evidenceLabel(e)}
    </label>
  );

  return (
    <section className="reconcile" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{pick(M.reconcileTitle)}</h2>
      <p className="hint">{pick(M.reconcileHelp)}</p>
      <label htmlFor={`${ids}-file`}>{pick(M.reconcileFile)}</label>
      <input id={`${ids}-file`} type="file" accept=".json,application/json" disabled={busy || !mine} onChange={(e) => void choose(e)} />

      {sides && matches.length !== 1 && (
        <>
          {matches.length === 0 && <p>{pick(M.reconcileNoMatch)}</p>}
          <label htmlFor={`${ids}-pick`}>{pick(M.reconcilePick)}</label>
          <select id={`${ids}-pick`} value={picked} onChange={(e) => setPicked(Number(e.currentTarget.value))}>
            <option value={-1}>—</option>
            {sides.map((s, i) => (
              <option key={s.evaluation.id} value={i}>
                {pick(F.theirEvaluation(s.candidate?.name ?? '', s.evaluation.certificationId, s.evaluation.jurors.map((j) => j.name).join(', ')))}
              </option>
            ))}
          </select>
        </>
      )}

      {r && (
        <>
          {r.versionMismatch && <p className="notice">{pick(M.reconcileVersion)}</p>}
          {nothingDiffers && <p role="status">{pick(M.reconcileSame)}</p>}
          {r.criteria.length > 0 && <h3>{pick(M.criteriaDiffer)}</h3>}
          {r.criteria.map((d) => {
            const choice = choices.criteria?.[d.criterionId];
            return (
              <section key={d.criterionId} className="reconcile-criterion" aria-labelledby={`${ids}-${d.criterionId}`}>
                <h4 id={`${ids}-${d.criterionId}`}>{labels.get(d.criterionId) ?? d.criterionId}</h4>
                {d.statusDiffers && (
                  <ValueChoiceField
                    legend={pick(M.status)}
                    mine={`${statusLabel(d.mine.status)}${d.mine.exemptionReason ? ` (${d.mine.exemptionReason})` : ''}`}
                    theirs={`${statusLabel(d.theirs.status)}${d.theirs.exemptionReason ? ` (${d.theirs.exemptionReason})` : ''}`}
                    theirName={d.theirs.by ?? r.names.theirs}
                    value={choice?.status}
                    onChange={(status) => setCriterion(d.criterionId, { status })}
                  />
                )}
                {d.observationDiffers && (
                  <TextChoiceField
                    legend={pick(M.observation)}
                    mine={{ text: d.mine.observation, by: d.mine.by ?? r.names.mine }}
                    theirs={{ text: d.theirs.observation, by: d.theirs.by ?? r.names.theirs }}
                    value={choice?.observation}
                    onChange={(observation) => setCriterion(d.criterionId, { observation })}
                  />
                )}
                {d.evidenceOnlyTheirs.map(evidenceBox)}
                {d.evidenceOnlyMine.map((e) => (
                  <p key={e.id} className="hint">
                    {pick(M.evidenceMine)} : {evidenceLabel(e)}
                  </p>
                ))}
              </section>
            );
          })}
          {r.decisions.length > 0 && <h3>{pick(M.decisions)}</h3>}
          {r.decisions.map((d) => {
            const choice = choices.decisions?.[d.targetId];
            return (
              <section key={d.targetId} className="reconcile-decision" aria-labelledby={`${ids}-d-${d.targetId}`}>
                <h4 id={`${ids}-d-${d.targetId}`}>{pick(F.decisionOn(labels.get(d.targetId) ?? d.targetId))}</h4>
                {d.decisionDiffers && (
                  <ValueChoiceField
                    legend={pick(M.decision)}
                    mine={decisionLabel(d.mine?.decision ?? null)}
                    theirs={decisionLabel(d.theirs?.decision ?? null)}
                    theirName={d.theirs?.by ?? r.names.theirs}
                    value={choice?.decision}
                    onChange={(decision) => setDecision(d.targetId, { decision })}
                  />
                )}
                {d.commentDiffers && (
                  <TextChoiceField
                    legend={pick(M.motivation)}
                    mine={{ text: d.mine?.comment ?? '', by: d.mine?.by ?? r.names.mine }}
                    theirs={{ text: d.theirs?.comment ?? '', by: d.theirs?.by ?? r.names.theirs }}
                    value={choice?.comment}
                    onChange={(comment) => setDecision(d.targetId, { comment })}
                  />
                )}
              </section>
            );
          })}
          {r.otherEvidenceTheirs.length > 0 && (
            <fieldset>
              <legend>{pick(M.otherEvidence)}</legend>
              {r.otherEvidenceTheirs.map(evidenceBox)}
            </fieldset>
          )}
          {r.newJurors.length > 0 && (
            <label className="choice">
              <input type="checkbox" checked={addJurors} onChange={(e) => setAddJurors(e.currentTarget.checked)} />
              {pick(F.addJurors(r.newJurors.map((j) => j.name).join(', ')))}
            </label>
          )}
          {!(applied && nothingDiffers) && (
            <button type="button" disabled={busy} onClick={() => void apply()}>
              {pick(nothingDiffers ? M.recordAgreement : M.produce)}
            </button>
          )}
        </>
      )}

      {status && <p role="status">{status}</p>}
      {(error ?? local.error) && (
        <p role="alert" className="error">
          {error ?? local.error}
        </p>
      )}
    </section>
  );
}
