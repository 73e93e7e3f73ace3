// Display codes for criteria, which documents do not number: the competency (or group, or bloc)
// they belong to and their rank there, « C2.1 · critère 2 ». Only for display and labels; the
// stored id stays the opaque one.
import type { Bloc } from './schema';

export function criterionCodes(bloc: Bloc, format = (owner: string, rank: number) => `${owner} · critère ${rank}`): Map<string, string> {
  const codeOf = new Map(bloc.competencies.map((c) => [c.id, c.code]));
  const rank = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const criterion of bloc.criteria) {
    const { scope } = criterion;
    const owner = scope.type === 'bloc' ? `Bloc ${bloc.code}` : scope.competencyIds.map((id) => codeOf.get(id) ?? id).join('+');
    const n = (rank.get(owner) ?? 0) + 1;
    rank.set(owner, n);
    codes.set(criterion.id, format(owner, n));
  }
  return codes;
}
