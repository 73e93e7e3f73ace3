// The lossless backup format: a versioned envelope around the workspace's rows, screenshots
// included (base64). Every row is validated by its schema in lib/workspace/schemas.ts — the one
// that defines its type: strict (an unknown key is REJECTED, not stripped: a newer format must
// bump formatVersion and add lib/export/upgrades/v<n>.ts) and bounded. Strings may contain markup
// or script: they are data, kept and shown as text. Documented in docs/backup-format.md.
import { z } from 'zod';
import { observationWords } from '../workspace/assessments';
import { withProblems } from '../workspace/ai-suggestions';
import {
  AiSuggestionSchema,
  AssessmentSchema,
  CandidateSchema,
  CustomReferentielSchema,
  DecisionSchema,
  EvaluationSchema,
  EvidenceSchema,
  GapTextSchema,
  HistorySchema,
  Id,
  LIMITS,
  List,
  RgaaAuditSchema,
  Text,
} from '../workspace/schemas';
import type {
  AiSuggestionRow,
  AssessmentRow,
  CandidateRow,
  CustomReferentielRow,
  DecisionRow,
  EvaluationRow,
  EvidenceRow,
  GapTextRow,
  HistoryRow,
  RgaaAuditRow,
} from '../workspace/types';

export const FORMAT = 'grille-backup';
/** 2: each AI suggestion's fact carries its problems (lib/export/upgrades/v2.ts). */
export const FORMAT_VERSION = 2;

export const EnvelopeData = z.strictObject({
  candidates: List(CandidateSchema, LIMITS.candidates, 'candidats'),
  evaluations: List(EvaluationSchema, LIMITS.evaluations, 'évaluations'),
  assessments: List(AssessmentSchema, LIMITS.assessments, 'appréciations'),
  evidence: List(EvidenceSchema, LIMITS.evidence, 'preuves'),
  decisions: List(DecisionSchema, LIMITS.decisions, 'décisions'),
  history: List(HistorySchema, LIMITS.history, 'entrées d’historique'),
  gapTexts: List(GapTextSchema, LIMITS.gapTexts, 'textes de lacunes'),
  rgaaAudits: List(RgaaAuditSchema, LIMITS.rgaaAudits, 'audits RGAA'),
  customReferentiels: List(CustomReferentielSchema, LIMITS.customReferentiels, 'référentiels'),
  // Absent from files written before AI suggestions were kept: none.
  aiSuggestions: List(AiSuggestionSchema, LIMITS.aiSuggestions, 'suggestions IA').default(() => []),
});

export const EnvelopeSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  grilleVersion: Text(50),
  exportedAt: z.iso.datetime({ error: 'attendu une date ISO 8601 (2024-03-14T10:05:09.000Z)' }),
  referentiels: List(z.strictObject({ id: Id, dataVersion: z.number().int().positive() }), 1_000, 'référentiels'),
  scope: z.enum(['evaluation', 'all']),
  data: EnvelopeData,
});

export type Envelope = z.infer<typeof EnvelopeSchema>;
export type EnvelopeDataT = z.infer<typeof EnvelopeData>;
export type EnvelopeEvidence = z.infer<typeof EvidenceSchema>;
export type EnvelopeAssessment = z.infer<typeof AssessmentSchema>;

/** The workspace's rows as stored (history without seq: a fresh database numbers them). */
export interface WorkspaceRows {
  candidates: CandidateRow[];
  evaluations: EvaluationRow[];
  assessments: AssessmentRow[];
  evidence: EvidenceRow[];
  decisions: DecisionRow[];
  history: Omit<HistoryRow, 'seq'>[];
  gapTexts: GapTextRow[];
  rgaaAudits: RgaaAuditRow[];
  customReferentiels: CustomReferentielRow[];
  aiSuggestions: AiSuggestionRow[];
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(image: { type: string; base64: string }): Blob {
  const binary = atob(image.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: image.type });
}

const withoutSeq = ({ seq: _seq, ...rest }: HistoryRow) => rest;
const withoutWords = ({ words: _words, ...rest }: AssessmentRow): EnvelopeAssessment => rest;

/** Rows → envelope data: screenshots become base64, search words are left out. */
export async function toEnvelopeData(rows: Omit<WorkspaceRows, 'history'> & { history: (HistoryRow | Omit<HistoryRow, 'seq'>)[] }): Promise<EnvelopeDataT> {
  const evidence: EnvelopeEvidence[] = [];
  const evidenceOf = (evaluationId: string) => new Set(rows.evidence.filter((e) => e.evaluationId === evaluationId).map((e) => e.id));
  for (const row of rows.evidence) {
    const { image, ...rest } = row;
    evidence.push({ ...rest, image: image ? { type: image.type || 'application/octet-stream', base64: await blobToBase64(image) } : null });
  }
  return {
    candidates: rows.candidates,
    evaluations: rows.evaluations,
    assessments: rows.assessments.map(withoutWords),
    evidence,
    decisions: rows.decisions,
    history: rows.history.map((h) => withoutSeq(h as HistoryRow)),
    gapTexts: rows.gapTexts,
    rgaaAudits: rows.rgaaAudits,
    customReferentiels: rows.customReferentiels,
    // Rows stored before facts carried their problems get them as the panel shows them.
    aiSuggestions: rows.aiSuggestions.map((r) => withProblems(r, evidenceOf(r.evaluationId))),
  };
}

export function toEvidenceRow(row: EnvelopeEvidence): EvidenceRow {
  return { ...row, image: row.image ? base64ToBlob(row.image) : null };
}

export function toAssessmentRow(row: EnvelopeAssessment): AssessmentRow {
  return { ...row, words: observationWords(row.observation) };
}

/** Envelope data (validated) → rows to store: screenshots decoded, search words recomputed. */
export function fromEnvelopeData(data: EnvelopeDataT): WorkspaceRows {
  return {
    candidates: data.candidates,
    evaluations: data.evaluations,
    assessments: data.assessments.map(toAssessmentRow),
    evidence: data.evidence.map(toEvidenceRow),
    decisions: data.decisions,
    history: data.history,
    gapTexts: data.gapTexts,
    rgaaAudits: data.rgaaAudits,
    customReferentiels: data.customReferentiels,
    aiSuggestions: data.aiSuggestions,
  };
}
