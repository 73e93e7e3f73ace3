import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import type { RelevanceReason } from '@/lib/page/relevance';
import { GapText } from './gap-text';
import { scopeLabel } from './scope-label';

interface Props {
  item: CriterionInContext;
  /** Show which competency it belongs to (in lists that are not grouped by competency). */
  showScope?: boolean;
  /** Show the document's grouping heading inline (when the list does not show it above). */
  showHeading?: boolean;
  reasons?: readonly RelevanceReason[];
  /** The juror's controls for this criterion when an evaluation is open. */
  extra?: ReactNode;
  /** Display code, « C2.1 · critère 2 ». */
  code?: string;
}

export function reasonText(reason: RelevanceReason): string {
  return reason.type === 'kind'
    ? t('reasonKind', t(`kind_${reason.kind}`))
    : t('reasonTopic', t(`topic_${reason.topic}`));
}

export function CriterionItem({ item, showScope = false, showHeading = false, reasons = [], extra, code }: Props) {
  const { criterion } = item;
  return (
    <li className="criterion" id={`criterion-${criterion.id}`} tabIndex={-1} data-criterion-id={criterion.id}>
      {code ? <p className="criterion-code">{code}</p> : showScope && <p className="criterion-scope">{scopeLabel(criterion.scope, item.competencies)}</p>}
      {showHeading && criterion.heading && <p className="criterion-heading">{criterion.heading}</p>}
      {criterion.gap ? (
        <GapText itemId={criterion.id} />
      ) : (
        <p className="criterion-text">{criterion.text}</p>
      )}
      {reasons.length > 0 && (
        <p className="criterion-why">{t('why', reasons.map(reasonText).join(' · '))}</p>
      )}
      {extra}
    </li>
  );
}
