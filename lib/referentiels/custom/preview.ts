// What a référentiel file holds, for the juror to check before importing it.
import type { Certification } from '../schema';

export interface ReferentielPreview {
  id: string;
  title: string;
  rncp: string | null;
  dataVersion: number;
  blocs: { code: string; title: string; optional: boolean; competencies: number; criteria: number; modalities: string[] }[];
  totals: { blocs: number; competencies: number; criteria: number };
}

export function previewCertification(certification: Certification): ReferentielPreview {
  const blocs = certification.blocs.map((b) => ({
    code: b.code,
    title: b.title,
    optional: b.optional,
    competencies: b.competencies.length,
    criteria: b.criteria.length,
    modalities: b.evaluations.map((e) => e.modality),
  }));
  return {
    id: certification.id,
    title: certification.title,
    rncp: certification.rncp,
    dataVersion: certification.dataVersion,
    blocs,
    totals: { blocs: blocs.length, competencies: blocs.reduce((n, b) => n + b.competencies, 0), criteria: blocs.reduce((n, b) => n + b.criteria, 0) },
  };
}
