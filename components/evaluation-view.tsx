import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ActiveDeliverable } from '@/lib/hooks/use-active-deliverable';
import { criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/criteria-in-context';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import { rankByRelevance } from '@/lib/page/relevance';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import type { ReferentielSource } from '@/lib/referentiels/source';
import { assessmentsOf, commitObservations } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { decisionsOf } from '@/lib/workspace/decisions';
import { evidenceOf } from '@/lib/workspace/evidence';
import type { AssessmentRow, CandidateRow, DecisionRow, EvaluationRow, EvidenceRow } from '@/lib/workspace/types';
import { BlocDecisionForm } from './bloc-decision';
import { BlocOverview } from './bloc-overview';
import { BlocProgress } from './bloc-progress';
import { deliverableLabel } from './deliverable-banner';
import { EvaluationHeader } from './evaluation-header';
import { EvaluationEvidence } from './evaluation-evidence';
import { EvaluationHistory } from './evaluation-history';
import { EvaluationCriteria } from './evaluation-criteria';
import { GapTextsProvider } from './gap-text';
import { AttachFindingProvider } from './analysis-context';
import { PageAnalysisSection } from './page-analysis';
import { ExportActions } from './export-actions';
import { lazyComponent } from './lazy';
import { usePendingCapture } from '@/lib/hooks/use-pending-capture';
import { findingCapture, type PendingCapture } from '@/lib/capture/captures';
import { useLeaveGuard } from './leave-guard';
import { aiPanelServices } from '@/lib/ai/ui-services';
import { AiSuggestionsProvider } from './ai-suggestions-provider';
import { AiSuggestionsSection } from './ai-suggestions-section';
import { everyCertification, useCertification } from './use-referentiels';

const BackupActions = lazyComponent(() => import('./backup-actions'), 'BackupActions', { belowFirstScreen: true });
const ReconcileView = lazyComponent(() => import('./reconcile-view'), 'ReconcileView', { belowFirstScreen: true });

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  /** The bundled référentiels, and those a school imported (latest version of each; undefined until read). */
  source: ReferentielSource;
  custom: readonly Certification[] | undefined;
  active: ActiveDeliverable;
  blocId: string | null;
  onBloc: (blocId: string) => void;
  onClose: () => void;
}

const actorKey = (evaluationId: string) => `grille:actor:${evaluationId}`;

/**
 * The référentiel version the evaluation was made with: a school's older version stays usable
 * (bundled data never loses an id, so an older bundled version opens with the current data).
 * Undefined while it loads.
 */
function useEvaluationCertification(db: WorkspaceDb, source: ReferentielSource, custom: readonly Certification[] | undefined, evaluation: EvaluationRow | null | undefined) {
  const current = useCertification(source, custom, evaluation?.certificationId);
  const own = useLiveQuery(
    async () => (evaluation && !source.has(evaluation.certificationId) ? ((await db.customReferentiels.get([evaluation.certificationId, evaluation.referentielVersion]))?.certification ?? null) : null),
    [db, source, evaluation?.certificationId, evaluation?.referentielVersion],
  );
  return own ?? current;
}

/** Who is typing: chosen in the header, remembered per evaluation on this computer; the first juror until then. */
function useActor(evaluationId: string, evaluation: EvaluationRow | null | undefined) {
  const [actor, setActorState] = useState<string | null>(() => localStorage.getItem(actorKey(evaluationId)));
  const setActor = (name: string) => {
    localStorage.setItem(actorKey(evaluationId), name);
    setActorState(name);
  };
  return [actor ?? evaluation?.jurors[0]?.name ?? null, setActor] as const;
}

/** An open evaluation: the juror's statuses, observations and decisions, bloc by bloc. */
export function EvaluationView({ db, evaluationId, source, custom, active, blocId, onBloc, onClose }: Props) {
  const evaluation = useLiveQuery(async () => (await db.evaluations.get(evaluationId)) ?? null, [db, evaluationId]);
  const candidate = useLiveQuery(async () => (evaluation ? db.candidates.get(evaluation.candidateId) : undefined), [db, evaluation?.candidateId]);
  const assessments = useLiveQuery(() => assessmentsOf(db, evaluationId), [db, evaluationId]);
  const decisions = useLiveQuery(() => decisionsOf(db, evaluationId), [db, evaluationId]);
  const evidence = useLiveQuery(() => evidenceOf(db, evaluationId), [db, evaluationId]);
  const certification = useEvaluationCertification(db, source, custom, evaluation);
  const [actor, setActor] = useActor(evaluationId, evaluation);

  // Observations typed before a crash have their text but no history entry yet: write it now.
  useEffect(() => {
    void commitObservations(db, evaluationId, null).catch(() => undefined);
  }, [db, evaluationId]);

  const blocs = certification?.blocs.filter((b) => evaluation?.blocIds.includes(b.id)) ?? [];
  const bloc = blocs.find((b) => b.id === blocId) ?? blocs[0];
  if (evaluation === undefined || assessments === undefined || (evaluation && certification === undefined)) return <p role="status">{t('loading')}</p>;
  if (evaluation === null || !certification || !bloc)
    return (
      <div role="alert">
        <p>{t('evaluationMissing')}</p>
        <button type="button" onClick={onClose}>
          {t('closeEvaluation')}
        </button>
      </div>
    );
  const every = () => everyCertification(source, db);
  const rows = { candidate, assessments, decisions, evidence };
  return <OpenEvaluation db={db} evaluation={evaluation} rows={rows} certification={certification} blocs={blocs} bloc={bloc} every={every} actor={actor} onActor={setActor} active={active} onBloc={onBloc} onClose={onClose} />;
}

interface OpenProps {
  db: WorkspaceDb;
  evaluation: EvaluationRow;
  rows: { candidate: CandidateRow | undefined; assessments: AssessmentRow[]; decisions: DecisionRow[] | undefined; evidence: EvidenceRow[] | undefined };
  certification: Certification;
  blocs: readonly Bloc[];
  bloc: Bloc;
  every: () => Promise<readonly Certification[]>;
  actor: string | null;
  onActor: (name: string) => void;
  active: ActiveDeliverable;
  onBloc: (blocId: string) => void;
  onClose: () => void;
}

function OpenEvaluation({ db, evaluation, rows: { candidate, assessments, decisions, evidence }, certification, blocs, bloc, every, actor, onActor, active, onBloc, onClose }: OpenProps) {
  const evaluationId = evaluation.id;
  const [editingEvidence, setEditingEvidence] = useState<EvidenceRow | null>(null);
  const pending = usePendingCapture();
  // Closing the evaluation or showing another bloc would drop a form not saved: asked first.
  const leave = useLeaveGuard();
  const items = useMemo(() => criteriaInBloc(certification, bloc), [certification, bloc]);
  const ranked = useMemo(() => rankByRelevance(items, active.detection), [items, active.detection]);
  const codes = useMemo(() => criterionCodes(bloc, (owner, n) => t('criterionCode', owner, String(n))), [bloc]);
  const initialCriteriaFor = useCallback(
    (capture: PendingCapture) =>
      capture.kind === 'finding' ? items.filter((item) => item.criterion.topics.some((topic) => capture.finding.topics.includes(topic))).map((item) => item.criterion.id) : [],
    [items],
  );
  const evidenceChoices = useMemo(() => items.map((item: CriterionInContext) => ({ id: item.criterion.id, label: codes.get(item.criterion.id) ?? item.criterion.id, text: item.criterion.text })), [items, codes]);
  const label = active.detection ? deliverableLabel(active.detection) : null;
  return (
    <GapTextsProvider db={db} certificationId={certification.id} dataVersion={certification.dataVersion} who={actor}>
      <AttachFindingProvider onAttach={(finding) => pending.propose(findingCapture(finding))}>
        <EvaluationHeader db={db} evaluation={evaluation} candidate={candidate} certification={certification} actor={actor} onActor={onActor} tab={active.tab} detection={active.detection} deliverableLabel={label} onClose={() => leave.guard(onClose)} />
        {leave.prompt}
        {blocs.length > 1 && <BlocPicker blocs={blocs} bloc={bloc} onBloc={(next) => leave.guard(() => onBloc(next))} />}
        <BlocOverview certification={certification} bloc={bloc} />
        <BlocProgress bloc={bloc} assessments={assessments} />
        <EvaluationEvidence
          db={db}
          evaluationId={evaluationId}
          tab={active.tab}
          actor={actor}
          criteria={evidenceChoices}
          editing={editingEvidence}
          onEditDone={() => setEditingEvidence(null)}
          pending={pending}
          initialCriteriaFor={initialCriteriaFor}
        />
        <AiSuggestionsProvider db={db} evaluationId={evaluationId} certification={certification} bloc={bloc} codes={codes} candidateName={candidate?.name ?? ''} mode={evaluation.mode} actor={actor} services={aiPanelServices}>
          <PageAnalysisSection tab={active.tab} db={db} evaluationId={evaluationId} who={actor} />
          <AiSuggestionsSection />
          <EvaluationCriteria db={db} evaluationId={evaluationId} items={items} ranked={ranked} codes={codes} assessments={assessments} evidence={evidence} actor={actor} detection={active.detection} onEditEvidence={setEditingEvidence} />
        </AiSuggestionsProvider>
        <BlocDecisionForm
          key={`${evaluationId}-${bloc.id}`}
          db={db}
          evaluationId={evaluationId}
          mode={evaluation.mode}
          blocId={bloc.id}
          blocCode={bloc.code}
          current={decisions?.find((d) => d.targetType === 'bloc' && d.targetId === bloc.id)}
          actor={actor}
        />
        <ExportActions db={db} certifications={every} evaluationId={evaluationId} />
        <BackupActions db={db} evaluationId={evaluationId} who={actor} />
        <details className="reconcile">
          <summary>{t('reconcileOpen')}</summary>
          <ReconcileView db={db} evaluationId={evaluationId} who={actor} certification={certification} />
        </details>
        <EvaluationHistory db={db} evaluationId={evaluationId} codes={codes} />
      </AttachFindingProvider>
    </GapTextsProvider>
  );
}

/** An evaluation of several blocs: which one is on screen. */
function BlocPicker({ blocs, bloc, onBloc }: { blocs: readonly Bloc[]; bloc: Bloc; onBloc: (blocId: string) => void }) {
  return (
    <div className="pickers">
      <label htmlFor="bloc-select">{t('bloc')}</label>
      <select id="bloc-select" value={bloc.id} onChange={(e) => onBloc(e.currentTarget.value)}>
        {blocs.map((b) => (
          <option key={b.id} value={b.id}>
            {t('blocLabel', b.code, b.title)}
          </option>
        ))}
      </select>
    </div>
  );
}
