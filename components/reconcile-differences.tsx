import { F, M, pick } from '@/lib/export/backup-messages';
import type { CriterionDifference, DecisionDifference, Reconciliation } from '@/lib/export/reconcile';
import type { ReconciliationFlow } from '@/lib/hooks/use-reconciliation';
import { t } from '@/lib/i18n';
import type { EvidenceRow } from '@/lib/workspace/types';
import { TextChoiceField, ValueChoiceField } from './reconcile-choice-fields';

const statusLabel = (status: string) => t(`status_${status}`);
const decisionLabel = (decision: string | null) => (decision ? t(`decision_${decision}`) : '—');
const evidenceLabel = (e: EvidenceRow) => `${e.quote ? `« ${e.quote.slice(0, 120)}${e.quote.length > 120 ? '…' : ''} »` : e.pageTitle || e.kind} — ${e.url}`;

interface Props {
  ids: string;
  r: Reconciliation;
  /** Criteria, blocs and competencies named from the référentiel; ids are shown without it. */
  labels: ReadonlyMap<string, string>;
  flow: ReconciliationFlow;
}

/** What differs between the two evaluations, each with the jurors' choice, and the button that records it. */
export function ReconcileDifferences({ ids, r, labels, flow }: Props) {
  const { nothingDiffers, busy } = flow;
  return (
    <>
      {r.versionMismatch && <p className="notice">{pick(M.reconcileVersion)}</p>}
      {nothingDiffers && <p role="status">{pick(M.reconcileSame)}</p>}
      {r.criteria.length > 0 && <h3>{pick(M.criteriaDiffer)}</h3>}
      {r.criteria.map((d) => (
        <CriterionDifferenceSection key={d.criterionId} ids={ids} r={r} d={d} label={labels.get(d.criterionId) ?? d.criterionId} flow={flow} />
      ))}
      {r.decisions.length > 0 && <h3>{pick(M.decisions)}</h3>}
      {r.decisions.map((d) => (
        <DecisionDifferenceSection key={d.targetId} ids={ids} r={r} d={d} label={labels.get(d.targetId) ?? d.targetId} flow={flow} />
      ))}
      {r.otherEvidenceTheirs.length > 0 && (
        <fieldset>
          <legend>{pick(M.otherEvidence)}</legend>
          {r.otherEvidenceTheirs.map((e) => (
            <EvidenceChoice key={e.id} evidence={e} flow={flow} />
          ))}
        </fieldset>
      )}
      {r.newJurors.length > 0 && (
        <label className="choice">
          <input type="checkbox" checked={flow.addJurors} onChange={(e) => flow.setAddJurors(e.currentTarget.checked)} />
          {pick(F.addJurors(r.newJurors.map((j) => j.name).join(', ')))}
        </label>
      )}
      {!(flow.applied && nothingDiffers) && (
        <button type="button" disabled={busy} onClick={() => void flow.apply()}>
          {pick(nothingDiffers ? M.recordAgreement : M.produce)}
        </button>
      )}
    </>
  );
}

/** Their evidence, ticked to be added to the joint record. */
function EvidenceChoice({ evidence: e, flow }: { evidence: EvidenceRow; flow: ReconciliationFlow }) {
  return (
    <label className="choice">
      <input type="checkbox" checked={!flow.excluded.has(e.id)} onChange={(ev) => flow.toggleEvidence(e.id, ev.currentTarget.checked)} />
      {pick(M.evidenceTheirs)} : {evidenceLabel(e)}
    </label>
  );
}

const withReason = (status: string, reason: string | null) => `${statusLabel(status)}${reason ? ` (${reason})` : ''}`;

interface SectionProps<D> {
  ids: string;
  r: Reconciliation;
  d: D;
  label: string;
  flow: ReconciliationFlow;
}

function CriterionDifferenceSection({ ids, r, d, label, flow }: SectionProps<CriterionDifference>) {
  const choice = flow.choices.criteria?.[d.criterionId];
  return (
    <section className="reconcile-criterion" aria-labelledby={`${ids}-${d.criterionId}`}>
      <h4 id={`${ids}-${d.criterionId}`}>{label}</h4>
      {d.statusDiffers && (
        <ValueChoiceField
          legend={pick(M.status)}
          mine={withReason(d.mine.status, d.mine.exemptionReason)}
          theirs={withReason(d.theirs.status, d.theirs.exemptionReason)}
          theirName={d.theirs.by ?? r.names.theirs}
          value={choice?.status}
          onChange={(status) => flow.setCriterion(d.criterionId, { status })}
        />
      )}
      {d.observationDiffers && (
        <TextChoiceField
          legend={pick(M.observation)}
          mine={{ text: d.mine.observation, by: d.mine.by ?? r.names.mine }}
          theirs={{ text: d.theirs.observation, by: d.theirs.by ?? r.names.theirs }}
          value={choice?.observation}
          onChange={(observation) => flow.setCriterion(d.criterionId, { observation })}
        />
      )}
      {d.evidenceOnlyTheirs.map((e) => (
        <EvidenceChoice key={e.id} evidence={e} flow={flow} />
      ))}
      {d.evidenceOnlyMine.map((e) => (
        <p key={e.id} className="hint">
          {pick(M.evidenceMine)} : {evidenceLabel(e)}
        </p>
      ))}
    </section>
  );
}

function DecisionDifferenceSection({ ids, r, d, label, flow }: SectionProps<DecisionDifference>) {
  const choice = flow.choices.decisions?.[d.targetId];
  return (
    <section className="reconcile-decision" aria-labelledby={`${ids}-d-${d.targetId}`}>
      <h4 id={`${ids}-d-${d.targetId}`}>{pick(F.decisionOn(label))}</h4>
      {d.decisionDiffers && (
        <ValueChoiceField
          legend={pick(M.decision)}
          mine={decisionLabel(d.mine?.decision ?? null)}
          theirs={decisionLabel(d.theirs?.decision ?? null)}
          theirName={d.theirs?.by ?? r.names.theirs}
          value={choice?.decision}
          onChange={(decision) => flow.setDecision(d.targetId, { decision })}
        />
      )}
      {d.commentDiffers && (
        <TextChoiceField
          legend={pick(M.motivation)}
          mine={{ text: d.mine?.comment ?? '', by: d.mine?.by ?? r.names.mine }}
          theirs={{ text: d.theirs?.comment ?? '', by: d.theirs?.by ?? r.names.theirs }}
          value={choice?.comment}
          onChange={(comment) => flow.setDecision(d.targetId, { comment })}
        />
      )}
    </section>
  );
}
