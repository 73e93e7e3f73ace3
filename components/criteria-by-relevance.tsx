import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import type { RankedCriterion } from '@/lib/referentiels/relevance';
import { CriterionItem } from './criterion-item';

/** Criteria observable on the active tab first, each with why; then the rest of the bloc. */
interface Props {
  ranked: readonly RankedCriterion[];
  renderExtra?: (item: CriterionInContext) => ReactNode;
  codes?: ReadonlyMap<string, string>;
}

export function CriteriaByRelevance({ ranked, renderExtra, codes }: Props) {
  const relevant = ranked.filter((r) => r.score > 0);
  const others = ranked.filter((r) => r.score === 0);
  return (
    <div className="criteria-relevance">
      {relevant.length > 0 && (
        <section aria-labelledby="relevant-heading">
          <h3 id="relevant-heading">{t('relevantGroup', String(relevant.length))}</h3>
          <ol className="criteria" data-testid="relevant-criteria">
            {relevant.map((r) => (
              <CriterionItem
                key={r.item.criterion.id}
                item={r.item}
                reasons={r.reasons}
                showScope
                showHeading
                extra={renderExtra?.(r.item)}
                code={codes?.get(r.item.criterion.id)}
              />
            ))}
          </ol>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="other-heading">
          <h3 id="other-heading">{t('otherGroup', String(others.length))}</h3>
          <ol className="criteria" data-testid="other-criteria">
            {others.map((r) => (
              <CriterionItem
                key={r.item.criterion.id}
                item={r.item}
                showScope
                showHeading
                extra={renderExtra?.(r.item)}
                code={codes?.get(r.item.criterion.id)}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
