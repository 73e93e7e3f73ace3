// The bundled référentiels: the certifications Grille ships with, read from data/*.json.
// They are checked against the schema by the test suite, so at run time they are trusted as typed.
import type { Bloc, Certification, Competency, Criterion } from './schema';

const modules = import.meta.glob<Certification>('./data/*.json', { eager: true, import: 'default' });

/** All bundled certifications, sorted by title. */
export const bundledCertifications: readonly Certification[] = Object.values(modules).sort((a, b) =>
  a.title.localeCompare(b.title, 'fr'),
);

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
