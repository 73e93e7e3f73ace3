import { useMemo } from 'react';
import { t } from '@/lib/i18n';
import { findingsForTopics } from '@/lib/analysis/all-findings';
import type { Topic } from '@/lib/referentiels/schema';
import { usePageAnalysisContext } from './analysis-context';
import { FindingItem } from './finding-item';

/** Under a criterion: the findings of the last page analysis that inform it (by topic). Facts for the juror, never a status. */
export function CriterionFindings({ topics, code }: { topics: readonly Topic[]; code: string }) {
  const analysis = usePageAnalysisContext();
  const findings = useMemo(() => (analysis?.status === 'done' ? findingsForTopics(analysis.findings, topics) : []), [analysis?.status, analysis?.findings, topics]);
  if (findings.length === 0) return null;
  const faults = findings.filter((f) => f.outcome === 'fail').length;
  const toCheck = findings.filter((f) => f.outcome === 'review').length;
  return (
    <details className="criterion-findings">
      <summary>{t('criterionFindings', code, String(findings.length), String(faults), String(toCheck))}</summary>
      <ul className="finding-list">
        {findings.map((f) => (
          <FindingItem key={f.ruleId} finding={f} headingLevel={null} />
        ))}
      </ul>
    </details>
  );
}
