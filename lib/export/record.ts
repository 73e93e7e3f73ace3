// The jury record of one evaluation as data: everything the procès-verbal shows, gathered from
// the workspace in référentiel order — per evaluated bloc its modalities, then its criteria
// grouped by what they are attached to (each competency, then criteria shared by several, then
// those of the whole bloc), each with its status, observation and evidence; the decisions, the
// jurors, the candidate and the référentiel's version; the juror's RGAA audits of the deliverable's
// pages; the reconciliations with other jurors' exports. DOCX, PDF, Markdown, CSV and the
// candidate's feedback are all rendered from this, never from the database directly.
import type { Outcome, Family } from '@/lib/checks/types';
import type { Localized } from '@/lib/i18n/localized';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import { assessmentsOf } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { decisionsOf } from '@/lib/workspace/decisions';
import { evidenceOf } from '@/lib/workspace/evidence';
import { gapTextsOf, rncpCode } from '@/lib/workspace/gap-texts';
import { auditsOf } from '@/lib/rgaa/audits';
import { summarizeBloc, type StatusCounts } from '@/lib/workspace/summaries';
import type {
  AssessmentRow,
  AssessmentStatus,
  BlocDecision,
  CompetencyDecision,
  DecisionRow,
  EvaluationMode,
  EvidenceKind,
  EvidenceRow,
} from '@/lib/workspace/types';
import { imageInfo, type ImageInfo } from './image';
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

const toDecision = (row: DecisionRow | undefined): RecordDecision | null =>
  row ? { decision: row.decision, comment: row.comment, decidedBy: row.decidedBy, decidedAt: row.decidedAt } : null;

/** Groups in référentiel order: each competency with its own criteria, followed by the groups whose last competency it is; the bloc's own criteria last. */
function groupCriteria(bloc: Bloc, criteria: ReadonlyMap<string, RecordCriterion>, competency: (id: string) => RecordCompetency, decisions: ReadonlyMap<string, DecisionRow>): RecordGroup[] {
  const position = new Map(bloc.competencies.map((c, i) => [c.id, i]));
  const shared = new Map<string, RecordGroup>();
  const own = new Map<string, RecordCriterion[]>(bloc.competencies.map((c) => [c.id, []]));
  const blocWide: RecordCriterion[] = [];
  for (const criterion of bloc.criteria) {
    const row = criteria.get(criterion.id)!;
    const { scope } = criterion;
    if (scope.type === 'bloc') blocWide.push(row);
    else if (scope.type === 'competency') own.get(scope.competencyIds[0]!)?.push(row);
    else {
      const key = scope.competencyIds.join('+');
      const group = shared.get(key) ?? {
        kind: 'competencies' as const,
        code: scope.competencyIds.map((id) => competency(id).code).join('+'),
        competencies: scope.competencyIds.map(competency),
        criteria: [],
        decision: null,
      };
      group.criteria.push(row);
      shared.set(key, group);
    }
  }
  const lastOf = (g: RecordGroup) => Math.max(...g.competencies.map((c) => position.get(c.id) ?? -1));
  const groups: RecordGroup[] = [];
  bloc.competencies.forEach((c, i) => {
    groups.push({ kind: 'competency', code: c.code, competencies: [competency(c.id)], criteria: own.get(c.id) ?? [], decision: toDecision(decisions.get(c.id)) });
    for (const g of shared.values()) if (lastOf(g) === i) groups.push(g);
  });
  if (blocWide.length) groups.push({ kind: 'bloc', code: `Bloc ${bloc.code}`, competencies: [], criteria: blocWide, decision: null });
  return groups;
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

  const images = options.images ?? true;
  const evidence: RecordEvidence[] = await Promise.all(
    evidenceRows.map(async (row, i) => ({
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

  const byCriterion = new Map<string, AssessmentRow>(assessments.map((a) => [a.criterionId, a]));
  const decisionByTarget = new Map(decisions.map((d) => [d.targetId, d]));
  const shown = new Set<string>();

  const blocs: RecordBloc[] = certification.blocs
    .filter((b) => evaluation.blocIds.includes(b.id))
    .map((bloc) => {
      const codes = criterionCodes(bloc);
      const competencyById = new Map(bloc.competencies.map((c) => [c.id, c]));
      const competency = (id: string): RecordCompetency => {
        const c = competencyById.get(id);
        return c ? { id, code: c.code, text: c.text, gap: c.gap, gapText: gapTexts.get(id)?.text ?? null } : { id, code: id, text: '', gap: true, gapText: null };
      };
      const criteria = new Map(
        bloc.criteria.map((criterion) => {
          const a = byCriterion.get(criterion.id);
          const backing = evidence.filter((e) => evidenceRows[e.number - 1]!.criterionIds.includes(criterion.id));
          for (const e of backing) shown.add(e.id);
          const row: RecordCriterion = {
            id: criterion.id,
            code: codes.get(criterion.id) ?? criterion.id,
            heading: criterion.heading,
            text: criterion.text,
            gap: criterion.gap,
            gapText: gapTexts.get(criterion.id)?.text ?? null,
            status: a?.status ?? 'non-evalue',
            exemptionReason: a?.status === 'exempte' ? a.exemptionReason : null,
            observation: a?.observation ?? '',
            aiAssisted: (a as (AssessmentRow & { aiAssisted?: boolean }) | undefined)?.aiAssisted === true,
            updatedBy: a?.updatedBy ?? null,
            updatedAt: a?.updatedAt || null,
            evidence: backing,
          };
          return [criterion.id, row] as const;
        }),
      );
      return {
        id: bloc.id,
        code: bloc.code,
        title: bloc.title,
        optional: bloc.optional,
        modalities: bloc.evaluations.map((ev) => ({ modality: ev.modality, production: ev.production, competencyCodes: ev.competencyIds.map((id) => competency(id).code) })),
        groups: groupCriteria(bloc, criteria, competency, decisionByTarget),
        counts: summarizeBloc(bloc, assessments).bloc,
        decision: toDecision(decisionByTarget.get(bloc.id)),
      };
    });

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
