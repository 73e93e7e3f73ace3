import type { ReactNode } from 'react';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import { groupByScope } from '@/lib/referentiels/grouping';
import { CriterionItem } from './criterion-item';
import { scopeLabel } from './scope-label';

/** Consecutive criteria under the same document heading. */
function runsByHeading(items: readonly CriterionInContext[]) {
  const runs: { heading: string | null; items: CriterionInContext[] }[] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last.heading === item.criterion.heading) last.items.push(item);
    else runs.push({ heading: item.criterion.heading, items: [item] });
  }
  return runs;
}

/** The bloc's criteria as the document lays them out: by competency, then the document's headings. */
interface Props {
  items: readonly CriterionInContext[];
  renderExtra?: (item: CriterionInContext) => ReactNode;
  codes?: ReadonlyMap<string, string>;
}

export function CriteriaByDocument({ items, renderExtra, codes }: Props) {
  return (
    <div className="criteria-document">
      {groupByScope(items).map((group) => {
        const single = group.scope.type === 'competency' ? group.competencies[0] : undefined;
        return (
          <section key={group.key} aria-labelledby={`scope-${group.key}`}>
            <h3 id={`scope-${group.key}`}>{scopeLabel(group.scope, group.competencies)}</h3>
            {single && !single.gap && <p className="competency-text">{single.text}</p>}
            {runsByHeading(group.items).map((run) => (
              <div key={run.items[0]!.criterion.id} className="criteria-run">
                {run.heading && <h4 className="criteria-heading">{run.heading}</h4>}
                <ul className="criteria">
                  {run.items.map((item) => (
                    <CriterionItem key={item.criterion.id} item={item} extra={renderExtra?.(item)} code={codes?.get(item.criterion.id)} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
