import { useCallback, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import type { DeliverableDetection } from '@/lib/page/detect-deliverable';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import type { RankedCriterion } from '@/lib/page/relevance';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { removeEvidence } from '@/lib/workspace/evidence';
import type { AssessmentRow, EvidenceRow } from '@/lib/workspace/types';
import { usePageAnalysisContext } from './analysis-context';
import { AiCriterionButton } from './ai-criterion-button';
import { CriteriaByDocument } from './criteria-by-document';
import { CriteriaByRelevance } from './criteria-by-relevance';
import { CriterionAssessment } from './criterion-assessment';
import { EvidenceList } from './evidence-list';
import { lazyComponent } from './lazy';
import { OrderSwitch, type CriteriaOrder } from './order-switch';

// Findings show under a criterion only after a page analysis: their code comes with it.
const CriterionFindings = lazyComponent(() => import('./criterion-findings'), 'CriterionFindings');

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  items: readonly CriterionInContext[];
  ranked: readonly RankedCriterion[];
  codes: ReadonlyMap<string, string>;
  assessments: readonly AssessmentRow[];
  evidence: readonly EvidenceRow[] | undefined;
  actor: string | null;
  detection: DeliverableDetection | null;
  onEditEvidence: (row: EvidenceRow) => void;
}

/** The bloc's criteria in an open evaluation: each with its status, observation, evidence and findings. */
export function EvaluationCriteria({ db, evaluationId, items, ranked, codes, assessments, evidence, actor, detection, onEditEvidence }: Props) {
  const [order, setOrder] = useState<CriteriaOrder>('relevance');
  const analysed = usePageAnalysisContext()?.status === 'done';
  const byCriterion = useMemo(() => new Map(assessments.map((a) => [a.criterionId, a])), [assessments]);
  const renderExtra = useCallback(
    (item: CriterionInContext) => {
      const backing = (evidence ?? []).filter((e) => e.criterionIds.includes(item.criterion.id));
      const code = codes.get(item.criterion.id) ?? item.criterion.id;
      return (
        <>
          <CriterionAssessment db={db} evaluationId={evaluationId} criterionId={item.criterion.id} code={code} assessment={byCriterion.get(item.criterion.id)} actor={actor} />
          <AiCriterionButton criterionId={item.criterion.id} code={code} />
          {backing.length > 0 && <EvidenceList items={backing} label={t('evidenceOf', code)} onRemove={(id) => removeEvidence(db, id, actor)} onEditCriteria={onEditEvidence} />}
          {analysed && <CriterionFindings topics={item.criterion.topics} code={code} />}
        </>
      );
    },
    [db, evaluationId, codes, byCriterion, actor, evidence, analysed, onEditEvidence],
  );
  return (
    <section aria-labelledby="criteria-heading" className="criteria-section">
      <h2 id="criteria-heading">{t('criteria', String(items.length))}</h2>
      {detection && <OrderSwitch value={order} onChange={setOrder} />}
      {detection && order === 'relevance' ? (
        <CriteriaByRelevance ranked={ranked} renderExtra={renderExtra} codes={codes} />
      ) : (
        <CriteriaByDocument items={items} renderExtra={renderExtra} codes={codes} />
      )}
    </section>
  );
}
