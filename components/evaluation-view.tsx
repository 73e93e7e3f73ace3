import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ActiveDeliverable } from '@/lib/hooks/use-active-deliverable';
import { criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/catalog';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import { rankByRelevance } from '@/lib/page/relevance';
import type { Certification } from '@/lib/referentiels/schema';
import { assessmentsOf, commitObservations } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { decisionsOf } from '@/lib/workspace/decisions';
import { evidenceOf, removeEvidence } from '@/lib/workspace/evidence';
import type { EvidenceRow } from '@/lib/workspace/types';
import { BlocDecisionForm } from './bloc-decision';
import { BlocOverview } from './bloc-overview';
import { BlocProgress } from './bloc-progress';
import { CriteriaByDocument } from './criteria-by-document';
import { CriteriaByRelevance } from './criteria-by-relevance';
import { CriterionAssessment } from './criterion-assessment';
import { deliverableLabel } from './deliverable-banner';
import { EvaluationHeader } from './evaluation-header';
import { EvaluationEvidence } from './evaluation-evidence';
import { EvaluationHistory } from './evaluation-history';
import { GapTextsProvider } from './gap-text';
import { AttachFindingProvider } from './analysis-context';
import { CriterionFindings } from './criterion-findings';
import { PageAnalysisSection } from './page-analysis';
import { ExportActions } from './export-actions';
import { certificationVersion } from '@/lib/workspace/custom-referentiels';
import { lazyComponent } from './lazy';
import { usePendingCapture } from '@/lib/hooks/use-pending-capture';
import { findingCapture, type PendingCapture } from '@/lib/capture/captures';
import { EvidenceList } from './evidence-list';
import { useLeaveGuard } from './leave-guard';
import { OrderSwitch, type CriteriaOrder } from './order-switch';
import { aiPanelServices } from '@/lib/ai/ui-services';
import { AiCriterionButton } from './ai-criterion-button';
import { AiSuggestionsProvider } from './ai-suggestions-provider';
import { AiSuggestionsSection } from './ai-suggestions-section';

const BackupActions = lazyComponent(() => import('./backup-actions'), 'BackupActions');
const ReconcileView = lazyComponent(() => import('./reconcile-view'), 'ReconcileView');

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  certifications: readonly Certification[];
  active: ActiveDeliverable;
  blocId: string | null;
  onBloc: (blocId: string) => void;
  onClose: () => void;
}

const actorKey = (evaluationId: string) => `grille:actor:${evaluationId}`;

/** An open evaluation: the juror's statuses, observations and decisions, bloc by bloc. */
export function EvaluationView({ db, evaluationId, certifications, active, blocId, onBloc, onClose }: Props) {
  const evaluation = useLiveQuery(async () => (await db.evaluations.get(evaluationId)) ?? null, [db, evaluationId]);
  const candidate = useLiveQuery(async () => (evaluation ? db.candidates.get(evaluation.candidateId) : undefined), [db, evaluation?.candidateId]);
  const assessments = useLiveQuery(() => assessmentsOf(db, evaluationId), [db, evaluationId]);
  const decisions = useLiveQuery(() => decisionsOf(db, evaluationId), [db, evaluationId]);
  const evidence = useLiveQuery(() => evidenceOf(db, evaluationId), [db, evaluationId]);
  const [editingEvidence, setEditingEvidence] = useState<EvidenceRow | null>(null);
  const pending = usePendingCapture();
  const [order, setOrder] = useState<CriteriaOrder>('relevance');
  const [actor, setActorState] = useState<string | null>(() => localStorage.getItem(actorKey(evaluationId)));
  // Closing the evaluation or showing another bloc would drop a form not saved: asked first.
  const leave = useLeaveGuard();

  // The référentiel version the evaluation was made with (a school's older version stays usable).
  const ownVersion = useLiveQuery(
    async () => (evaluation ? ((await certificationVersion(db, evaluation.certificationId, evaluation.referentielVersion)) ?? null) : null),
    [db, evaluation?.certificationId, evaluation?.referentielVersion],
  );
  const certification = ownVersion ?? certifications.find((c) => c.id === evaluation?.certificationId);
  const blocs = certification?.blocs.filter((b) => evaluation?.blocIds.includes(b.id)) ?? [];
  const bloc = blocs.find((b) => b.id === blocId) ?? blocs[0];
  const effectiveActor = actor ?? evaluation?.jurors[0]?.name ?? null;
  const setActor = (name: string) => {
    localStorage.setItem(actorKey(evaluationId), name);
    setActorState(name);
  };

  // Observations typed before a crash have their text but no history entry yet: write it now.
  useEffect(() => {
    void commitObservations(db, evaluationId, null).catch(() => undefined);
  }, [db, evaluationId]);

  const items = useMemo(() => (certification && bloc ? criteriaInBloc(certification, bloc) : []), [certification, bloc]);
  const ranked = useMemo(() => rankByRelevance(items, active.detection), [items, active.detection]);
  const codes = useMemo(() => (bloc ? criterionCodes(bloc, (owner, n) => t('criterionCode', owner, String(n))) : new Map<string, string>()), [bloc]);
  const byCriterion = useMemo(() => new Map((assessments ?? []).map((a) => [a.criterionId, a])), [assessments]);
  const renderExtra = useCallback(
    (item: CriterionInContext) => {
      const backing = (evidence ?? []).filter((e) => e.criterionIds.includes(item.criterion.id));
      const code = codes.get(item.criterion.id) ?? item.criterion.id;
      return (
        <>
          <CriterionAssessment
            db={db}
            evaluationId={evaluationId}
            criterionId={item.criterion.id}
            code={code}
            assessment={byCriterion.get(item.criterion.id)}
            actor={effectiveActor}
          />
          <AiCriterionButton criterionId={item.criterion.id} code={code} />
          {backing.length > 0 && (
            <EvidenceList
              items={backing}
              label={t('evidenceOf', code)}
              onRemove={(id) => removeEvidence(db, id, effectiveActor)}
              onEditCriteria={setEditingEvidence}
            />
          )}
          <CriterionFindings topics={item.criterion.topics} code={code} />
        </>
      );
    },
    [db, evaluationId, codes, byCriterion, effectiveActor, evidence],
  );
  const initialCriteriaFor = useCallback(
    (capture: PendingCapture) =>
      capture.kind === 'finding' ? items.filter((item) => item.criterion.topics.some((topic) => capture.finding.topics.includes(topic))).map((item) => item.criterion.id) : [],
    [items],
  );
  const evidenceChoices = useMemo(() => items.map((item) => ({ id: item.criterion.id, label: codes.get(item.criterion.id) ?? item.criterion.id, text: item.criterion.text })), [items, codes]);

  if (evaluation === undefined || assessments === undefined) return <p role="status">{t('loading')}</p>;
  if (evaluation === null || !certification || !bloc)
    return (
      <div role="alert">
        <p>{t('evaluationMissing')}</p>
        <button type="button" onClick={onClose}>
          {t('closeEvaluation')}
        </button>
      </div>
    );

  const label = active.detection ? deliverableLabel(active.detection) : null;
  return (
    <GapTextsProvider db={db} certificationId={certification.id} dataVersion={certification.dataVersion} who={effectiveActor}>
      <AttachFindingProvider onAttach={(finding) => pending.propose(findingCapture(finding))}>
      <EvaluationHeader
        db={db}
        evaluation={evaluation}
        candidate={candidate}
        certification={certification}
        actor={effectiveActor}
        onActor={setActor}
        tab={active.tab}
        detection={active.detection}
        deliverableLabel={label}
        onClose={() => leave.guard(onClose)}
      />
      {leave.prompt}
      {blocs.length > 1 && (
        <div className="pickers">
          <label htmlFor="bloc-select">{t('bloc')}</label>
          <select
            id="bloc-select"
            value={bloc.id}
            onChange={(e) => {
              const next = e.currentTarget.value;
              leave.guard(() => onBloc(next));
            }}
          >
            {blocs.map((b) => (
              <option key={b.id} value={b.id}>
                {t('blocLabel', b.code, b.title)}
              </option>
            ))}
          </select>
        </div>
      )}
      <BlocOverview certification={certification} bloc={bloc} />
      <BlocProgress bloc={bloc} assessments={assessments} />
      <EvaluationEvidence
        db={db}
        evaluationId={evaluationId}
        tab={active.tab}
        actor={effectiveActor}
        criteria={evidenceChoices}
        editing={editingEvidence}
        onEditDone={() => setEditingEvidence(null)}
        pending={pending}
        initialCriteriaFor={initialCriteriaFor}
      />
      <AiSuggestionsProvider
        db={db}
        evaluationId={evaluationId}
        certification={certification}
        bloc={bloc}
        codes={codes}
        candidateName={candidate?.name ?? ''}
        mode={evaluation.mode}
        actor={effectiveActor}
        services={aiPanelServices}
      >
      <PageAnalysisSection tab={active.tab} db={db} evaluationId={evaluationId} who={effectiveActor} />
      <AiSuggestionsSection />
      <section aria-labelledby="criteria-heading" className="criteria-section">
        <h2 id="criteria-heading">{t('criteria', String(items.length))}</h2>
        {active.detection && <OrderSwitch value={order} onChange={setOrder} />}
        {active.detection && order === 'relevance' ? (
          <CriteriaByRelevance ranked={ranked} renderExtra={renderExtra} codes={codes} />
        ) : (
          <CriteriaByDocument items={items} renderExtra={renderExtra} codes={codes} />
        )}
      </section>
      </AiSuggestionsProvider>
      <BlocDecisionForm
        key={`${evaluationId}-${bloc.id}`}
        db={db}
        evaluationId={evaluationId}
        mode={evaluation.mode}
        blocId={bloc.id}
        blocCode={bloc.code}
        current={decisions?.find((d) => d.targetType === 'bloc' && d.targetId === bloc.id)}
        actor={effectiveActor}
      />
      <ExportActions db={db} certifications={certifications} evaluationId={evaluationId} />
      <BackupActions db={db} evaluationId={evaluationId} who={effectiveActor} />
      <details className="reconcile">
        <summary>{t('reconcileOpen')}</summary>
        <ReconcileView db={db} evaluationId={evaluationId} who={effectiveActor} certification={certification} />
      </details>
      <EvaluationHistory db={db} evaluationId={evaluationId} codes={codes} />
      </AttachFindingProvider>
    </GapTextsProvider>
  );
}
