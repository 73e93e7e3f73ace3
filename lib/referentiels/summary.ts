// What pickers and lists show of a certification without its criteria: its title and its blocs.
// The bundled ones' summaries are committed (bundled-index.json, written by
// `npm run referentiels:lock` and checked by the tests), so the panel opens without reading
// every référentiel; a bloc's criteria come with its certification, loaded when shown.
import type { Bloc, Certification } from './schema';

export interface BlocSummary extends Pick<Bloc, 'id' | 'code' | 'title' | 'optional'> {
  criteriaCount: number;
}

export interface CertificationSummary extends Pick<Certification, 'id' | 'title' | 'dataVersion'> {
  blocs: BlocSummary[];
}

export function summarize(certification: Certification): CertificationSummary {
  return {
    id: certification.id,
    title: certification.title,
    dataVersion: certification.dataVersion,
    blocs: certification.blocs.map((b) => ({ id: b.id, code: b.code, title: b.title, optional: b.optional, criteriaCount: b.criteria.length })),
  };
}

/** Certifications as pickers list them: by title, in French order. */
export const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'fr');
