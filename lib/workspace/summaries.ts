// Progress of an evaluation: per competency and per bloc, how many criteria are in each status
// and what remains to evaluate. Pure: computed from the référentiel and the stored assessments.
import type { Bloc } from '../referentiels/schema';
import { ASSESSMENT_STATUSES, type AssessmentRow, type AssessmentStatus } from './types';

export type StatusCounts = Record<AssessmentStatus, number> & { total: number; remaining: number };

function count(criterionIds: readonly string[], byCriterion: ReadonlyMap<string, AssessmentRow>): StatusCounts {
  const counts = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<AssessmentStatus, number>;
  for (const id of criterionIds) counts[byCriterion.get(id)?.status ?? 'non-evalue'] += 1;
  return { ...counts, total: criterionIds.length, remaining: counts['non-evalue'] };
}

export interface BlocSummary {
  bloc: StatusCounts;
  /** Per competency id: the criteria attached to it (alone or in a group); bloc-wide criteria count for the bloc only. */
  competencies: Map<string, StatusCounts>;
}

export function summarizeBloc(bloc: Bloc, assessments: readonly AssessmentRow[]): BlocSummary {
  const byCriterion = new Map(assessments.map((a) => [a.criterionId, a]));
  const competencies = new Map(
    bloc.competencies.map((c) => [c.id, count(bloc.criteria.filter((k) => k.scope.competencyIds.includes(c.id)).map((k) => k.id), byCriterion)]),
  );
  return { bloc: count(bloc.criteria.map((k) => k.id), byCriterion), competencies };
}
