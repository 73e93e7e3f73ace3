import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import type { RankedCriterion } from '@/lib/page/relevance';
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
  const group = (key: 'relevant' | 'other', members: readonly RankedCriterion[]) =>
    members.length > 0 && (
      <section aria-labelledby={`${key}-heading`}>
        <h3 id={`${key}-heading`}>{t(key === 'relevant' ? 'relevantGroup' : 'otherGroup', String(members.length))}</h3>
        <ol className="criteria" data-testid={`${key}-criteria`}>
          {members.map((r) => (
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
    );
  return (
    <div className="criteria-relevance">
      {group('relevant', relevant)}
      {group('other', others)}
    </div>
  );
}
