import { useState } from 'react';
import { pick, t } from '@/lib/i18n';
import type { Finding } from '@/lib/checks/types';
import { useAttachFinding, usePageAnalysisContext } from './analysis-context';
import { FindingSummary } from './finding-summary';

/** One finding with what the juror can do with it: see the elements in the page, keep it as evidence. */
/** `headingLevel` null: the title is a plain paragraph (lists whose depth in the outline varies). */
export function FindingItem({ finding, headingLevel = 4 }: { finding: Finding; headingLevel?: 3 | 4 | 5 | null }) {
  const analysis = usePageAnalysisContext();
  const attach = useAttachFinding();
  const [status, setStatus] = useState('');
  const title = pick(finding.title);
  return (
    <li className={`finding finding-${finding.outcome}`} data-rule-id={finding.ruleId}>
      <FindingSummary finding={finding} headingLevel={headingLevel ?? undefined} />
      <div className="finding-actions">
        {analysis && finding.elements.length > 0 && (
          <button
            type="button"
            aria-label={t('highlightFor', title)}
            onClick={() => void analysis.highlight(finding.elements.map((e) => e.selector), title).then(setStatus)}
          >
            {t('highlight')}
          </button>
        )}{' '}
        {attach && (
          <button type="button" aria-label={t('attachFindingFor', title)} onClick={() => attach(finding)}>
            {t('attachFinding')}
          </button>
        )}
      </div>
      <p role="status" className="hint">
        {status}
      </p>
    </li>
  );
}
