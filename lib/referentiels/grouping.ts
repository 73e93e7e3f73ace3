// Groups a bloc's criteria the way the document lays them out: by the competency, group of
// competencies or whole bloc they are attached to, in order of first appearance.
import type { CriterionInContext } from './catalog';

export interface ScopeGroup {
  key: string;
  scope: CriterionInContext['criterion']['scope'];
  competencies: CriterionInContext['competencies'];
  items: CriterionInContext[];
}

export function groupByScope(items: readonly CriterionInContext[]): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const item of items) {
    const { scope } = item.criterion;
    const key = scope.type === 'bloc' ? 'bloc' : scope.competencyIds.join('+');
    let group = groups.get(key);
    if (!group) {
      group = { key, scope, competencies: item.competencies, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
