// The jury record of one evaluation as data: everything the procès-verbal shows, gathered from
// the workspace in référentiel order — per evaluated bloc its modalities, then its criteria
// grouped by what they are attached to, each with its status, observation and evidence
// (record-blocs.ts); the decisions, the jurors, the candidate and the référentiel's version; the
// juror's RGAA audits of the deliverable's pages; the reconciliations with other jurors' exports.
// DOCX, PDF, Markdown, CSV and the candidate's feedback are all rendered from this, never from
// the database directly.
import type { Outcome, Family } from '@/lib/checks/types';
import type { Localized } from '@/lib/i18n/localized';
import type { Certification } from '@/lib/referentiels/schema';
import { assessmentsOf } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { decisionsOf } from '@/lib/workspace/decisions';
import { evidenceOf } from '@/lib/workspace/evidence';
import { gapTextsOf, rncpCode } from '@/lib/workspace/gap-texts';
import { auditsOf } from '@/lib/rgaa/audits';
import type { StatusCounts } from '@/lib/workspace/summaries';
import type { AssessmentStatus, BlocDecision, CompetencyDecision, EvaluationMode, EvidenceKind, EvidenceRow } from '@/lib/workspace/types';
import { imageInfo, type ImageInfo } from './image';
import { blocRecords } from './record-blocs';
import { reconciliationRecords, type RecordReconciliation } from './record-reconciliation';
import { rgaaAuditRecords, type RecordRgaaAudit } from './record-rgaa';

export type { RecordRgaaAudit, RecordRgaaCriterion } from './record-rgaa';
export type { RecordReconciliation, RecordReconciliationItem } from './record-reconciliation';

export class ExportError extends Error {
  override name = 'ExportError';
}

export interface RecordImage extends Partial<ImageInfo> {
  bytes: Uint8Array;
  /** The type the capture declared (image/png). */
  mime: string;
  /** False when the bytes are neither PNG nor JPEG: shown as text, not embedded. */
  embeddable: boolean;
}

export interface RecordFinding {
  ruleId: string;
  family: Family;
  title: Localized;
  outcome: Outcome;
  detail: Localized;
  source: { label: string; url: string };
  url: string;
  pageTitle: string;
  analyzedAt: number;
}

export interface RecordEvidence {
  id: string;
  /** 1, 2, 3… in capture order, to refer to it from several criteria. */
  number: number;
  kind: EvidenceKind;
  url: string;
  pageTitle: string;
  capturedAt: number;
  quote: string | null;
  image: RecordImage | null;
  finding: RecordFinding | null;
  /** The juror's caption: an internal note, never in the candidate's feedback. */
  note: string;
  createdBy: string | null;
}

export interface RecordCriterion {
  id: string;
  /** « C2.1 · critère 1 ». */
  code: string;
  heading: string | null;
  text: string;
  /** The conversion lost the wording; gapText is the jury's own text for it, if any. */
  gap: boolean;
  gapText: string | null;
  status: AssessmentStatus;
  exemptionReason: string | null;
  observation: string;
  /** The observation was drafted with the AI (issue 5 sets it on the assessment row). */
  aiAssisted: boolean;
  updatedBy: string | null;
  updatedAt: number | null;
  evidence: RecordEvidence[];
}

export interface RecordDecision {
  decision: BlocDecision | CompetencyDecision | null;
  /** Motivation (jury) or feedback to the candidate (tutor). */
  comment: string;
  decidedBy: string | null;
  decidedAt: number;
}

export interface RecordCompetency {
  id: string;
  code: string;
  text: string;
  gap: boolean;
  gapText: string | null;
}

/** Criteria attached to one competency, to several, or to the whole bloc. */
export interface RecordGroup {
  kind: 'competency' | 'competencies' | 'bloc';
  /** « C1 », « C1+C2 », « Bloc 1 ». */
  code: string;
  competencies: RecordCompetency[];
  criteria: RecordCriterion[];
  /** The decision on the competency (kind 'competency' only), if the jury recorded one. */
  decision: RecordDecision | null;
}

export interface RecordModality {
  modality: string;
  production: string;
  /** Competency codes it covers; empty: the whole bloc. */
  competencyCodes: string[];
}

export interface RecordBloc {
  id: string;
  code: string;
  title: string;
  optional: boolean;
  modalities: RecordModality[];
  groups: RecordGroup[];
  counts: StatusCounts;
  decision: RecordDecision | null;
}

export interface EvaluationRecord {
  evaluationId: string;
  mode: EvaluationMode;
  candidate: { id: string; name: string; email: string | null };
  jurors: { name: string; external: boolean }[];
  /** `rncp` is the référentiel's code, else the one the jury entered (`rncpByJury`). */
  certification: { id: string; title: string; rncp: string | null; rncpByJury: boolean };
  /** The référentiel version the evaluation was made against… */
  referentielVersion: number;
  /** …and the one whose texts are shown (the same unless it is no longer loaded). */
  loadedVersion: number;
  deliverables: { label: string; url: string; kind: string }[];
  createdAt: number;
  updatedAt: number;
  exportedAt: number;
  blocs: RecordBloc[];
  /** Every evidence item, numbered, in capture order. */
  evidence: RecordEvidence[];
  /** Evidence backing none of the criteria shown (none chosen, or another bloc's). */
  unattached: RecordEvidence[];
  /** The RGAA audits of the evaluation with at least one criterion assessed or commented, in the order they were opened. */
  rgaaAudits: RecordRgaaAudit[];
  /** Reconciliations with other jurors' exports, oldest first: where they differed and what was kept. */
  reconciliations: RecordReconciliation[];
}

export interface RecordOptions {
  /** Read screenshot bytes (the CSV does not need them). Default true. */
  images?: boolean;
  now?: number;
}

/** The certification the evaluation was made with: that exact version if loaded, else the same id. */
export function certificationFor(certifications: readonly Certification[], id: string, version: number): Certification | undefined {
  return certifications.find((c) => c.id === id && c.dataVersion === version) ?? certifications.find((c) => c.id === id);
}

async function readImage(blob: Blob | null): Promise<RecordImage | null> {
  if (!blob) return null;
  const mime = typeof blob.type === 'string' ? blob.type : '';
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { bytes: new Uint8Array(), mime, embeddable: false };
  }
  const info = imageInfo(bytes);
  return info ? { bytes, mime, embeddable: true, ...info } : { bytes, mime, embeddable: false };
}

function toFinding(row: EvidenceRow): RecordFinding | null {
  const f = row.finding;
  if (!f) return null;
  return {
    ruleId: f.ruleId,
    family: f.family,
    title: f.title,
    outcome: f.outcome,
    detail: f.detail,
    source: f.source,
    url: f.url,
    pageTitle: f.pageTitle,
    analyzedAt: f.analyzedAt,
  };
}

/** Every evidence item of the evaluation, numbered in capture order; screenshot bytes read when `images`. */
function evidenceRecords(rows: readonly EvidenceRow[], images: boolean): Promise<RecordEvidence[]> {
  return Promise.all(
    rows.map(async (row, i) => ({
      id: row.id,
      number: i + 1,
      kind: row.kind,
      url: row.url,
      pageTitle: row.pageTitle,
      capturedAt: row.capturedAt,
      quote: row.quote,
      image: images ? await readImage(row.image) : null,
      finding: toFinding(row),
      note: row.note,
      createdBy: row.createdBy,
    })),
  );
}

/** Everything the jury record of one evaluation shows. Throws ExportError when the evaluation or its référentiel is missing. */
export async function buildEvaluationRecord(
  db: WorkspaceDb,
  evaluationId: string,
  certifications: readonly Certification[],
  options: RecordOptions = {},
): Promise<EvaluationRecord> {
  const evaluation = await db.evaluations.get(evaluationId);
  if (!evaluation) throw new ExportError('Cette évaluation n’existe plus.');
  const certification = certificationFor(certifications, evaluation.certificationId, evaluation.referentielVersion);
  if (!certification)
    throw new ExportError(
      `Le référentiel de cette évaluation (« ${evaluation.certificationId} », version ${evaluation.referentielVersion}) n’est pas chargé dans Grille : importez-le avant d’exporter.`,
    );
  const [candidate, assessments, decisions, evidenceRows, gapTexts, audits] = await Promise.all([
    db.candidates.get(evaluation.candidateId),
    assessmentsOf(db, evaluationId),
    decisionsOf(db, evaluationId),
    evidenceOf(db, evaluationId),
    gapTextsOf(db, certification.id),
    auditsOf(db, evaluationId),
  ]);

  const evidence = await evidenceRecords(evidenceRows, options.images ?? true);
  const shown = new Set<string>();
  const blocs = blocRecords(certification, evaluation.blocIds, { assessments, decisions, gapTexts, evidenceRows, evidence }, shown);

  const rncp = rncpCode(certification, gapTexts);
  return {
    evaluationId,
    mode: evaluation.mode,
    candidate: { id: evaluation.candidateId, name: candidate?.name ?? '', email: candidate?.email ?? null },
    jurors: evaluation.jurors.map((j) => ({ name: j.name, external: j.external })),
    certification: { id: certification.id, title: certification.title, rncp: rncp.code, rncpByJury: rncp.byJury },
    referentielVersion: evaluation.referentielVersion,
    loadedVersion: certification.dataVersion,
    deliverables: evaluation.deliverables.map((d) => ({ label: d.label, url: d.url, kind: d.kind })),
    createdAt: evaluation.createdAt,
    updatedAt: evaluation.updatedAt,
    exportedAt: options.now ?? Date.now(),
    blocs,
    evidence,
    unattached: evidence.filter((e) => !shown.has(e.id)),
    rgaaAudits: rgaaAuditRecords(audits),
    reconciliations: await reconciliationRecords(db, evaluationId, certification),
  };
}

/** The records of several evaluations (all of them by default), most recently changed first. */
export async function buildSessionRecords(
  db: WorkspaceDb,
  certifications: readonly Certification[],
  evaluationIds?: readonly string[],
  options: RecordOptions = { images: false },
): Promise<EvaluationRecord[]> {
  const ids = evaluationIds ?? (await db.evaluations.orderBy('updatedAt').reverse().primaryKeys());
  const records: EvaluationRecord[] = [];
  for (const id of ids) records.push(await buildEvaluationRecord(db, id, certifications, options));
  return records;
}
