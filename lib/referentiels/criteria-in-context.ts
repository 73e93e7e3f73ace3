// A bloc's criteria with their context (bloc, competencies, certification), for lists and search.
// Apart from catalog.ts, which reads every bundled référentiel: the panel needs these helpers
// without them (catalog.ts re-exports them for everyone else).
import type { Bloc, Certification, Competency, Criterion } from './schema';

/** A criterion with the bloc, competencies and certification it belongs to. */
export interface CriterionInContext {
  certification: Certification;
  bloc: Bloc;
  competencies: Competency[];
  criterion: Criterion;
  /** Position in the bloc, in document order. */
  index: number;
}

/** Criteria of a bloc in document order, each with its context. */
export function criteriaInBloc(certification: Certification, bloc: Bloc): CriterionInContext[] {
  const byId = new Map(bloc.competencies.map((c) => [c.id, c]));
  return bloc.criteria.map((criterion, index) => ({
    certification,
    bloc,
    criterion,
    index,
    competencies: criterion.scope.competencyIds.map((id) => byId.get(id)).filter((c): c is Competency => !!c),
  }));
}

/** Every criterion of the given certifications, in document order. */
export function allCriteria(certifications: readonly Certification[]): CriterionInContext[] {
  return certifications.flatMap((cert) => cert.blocs.flatMap((bloc) => criteriaInBloc(cert, bloc)));
}

/** Codes of the criterion's attachment, as a juror reads them: "C.3", "C1.1 – C1.2", or the bloc. */
export function scopeCodes(item: CriterionInContext): string[] {
  return item.competencies.map((c) => c.code);
}
