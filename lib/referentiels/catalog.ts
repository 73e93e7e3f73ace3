// The bundled référentiels: the certifications Grille ships with, read from data/*.json, all at
// once (tests, scripts, backups and exports); the panel loads them one by one (bundled.ts).
// They are checked against the schema by the test suite, so at run time they are trusted as typed.
import type { Certification } from './schema';
import { byTitle } from './summary';

const modules = import.meta.glob<Certification>('./data/*.json', { eager: true, import: 'default' });

/** All bundled certifications, sorted by title. */
export const bundledCertifications: readonly Certification[] = Object.values(modules).sort(byTitle);

export { allCriteria, criteriaInBloc, scopeCodes, type CriterionInContext } from './criteria-in-context';

