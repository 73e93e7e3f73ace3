// The lossless backup format: a versioned envelope around the workspace's rows, screenshots
// included (base64). Every row has a strict zod schema: an unknown key is REJECTED, not
// stripped — a field this version does not know would otherwise be silently lost, and a newer
// format must bump formatVersion (and add lib/export/upgrades/v<n>.ts). Every string and list is
// bounded. Strings may contain markup or script: they are data, kept and shown as text.
// Documented in docs/backup-format.md.
import { z } from 'zod';
import { FAMILIES, OUTCOMES } from '../checks/types';
import { DELIVERABLE_KINDS, TOPICS, Certification } from '../referentiels/schema';
import { observationWords } from '../workspace/assessments';
import { ASSESSMENT_STATUSES, BLOC_DECISIONS, COMPETENCY_DECISIONS } from '../workspace/types';
import { FACT_PROBLEMS, type VerifiedFact, type VerifiedSuggestion } from '../ai/contract';
import { withProblems } from '../workspace/ai-suggestions';
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

/** Bounds of the format (characters, items). */
export const LIMITS = {
  id: 200,
  name: 500,
  email: 320,
  /** Tab and page addresses (the capture keeps 8 192; a deliverable's tab address is not cut). */
  url: 65_536,
  title: 10_000,
  /** Observations, quotes, decision motivations, gap texts. */
  longText: 100_000,
  note: 20_000,
  /** Screenshot bytes: what lib/capture/visible-tab.ts accepts (a 64 Mi-character data URL), so any capture can be restored; its base64 is 4/3 longer. */
  imageBytes: 48 * 1024 * 1024,
  /** A string anywhere inside a history value or a finding's data. */
  historyString: 200_000,
  historyDepth: 40,
  jurors: 50,
  deliverables: 500,
  blocIds: 200,
  criterionIds: 2_000,
  candidates: 100_000,
  evaluations: 100_000,
  assessments: 2_000_000,
  evidence: 500_000,
  decisions: 500_000,
  history: 5_000_000,
  gapTexts: 100_000,
  rgaaAudits: 100_000,
  customReferentiels: 1_000,
  aiSuggestions: 1_000_000,
  /** Facts, missing items and questions of one AI suggestion. */
  suggestionItems: 200,
  /** A custom référentiel, serialised. */
  certificationChars: 5_000_000,
} as const;
export const MAX_BASE64 = Math.ceil(LIMITS.imageBytes / 3) * 4;

const n = (value: number) => value.toLocaleString('fr-FR');
const Text = (max: number) => z.string({ error: 'attendu un texte' }).max(max, `texte trop long (au plus ${n(max)} caractères)`);
const Id = z.string({ error: 'attendu un identifiant (texte)' }).min(1, 'identifiant vide').max(LIMITS.id, `identifiant trop long (au plus ${LIMITS.id} caractères)`);
const List = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.array(item, { error: `attendu une liste de ${noun}` }).max(max, `liste trop longue (au plus ${n(max)} ${noun})`);
const Time = z.number({ error: 'attendu une date (nombre de millisecondes)' }).int('attendu un nombre entier de millisecondes').min(0, 'date négative').max(8.64e15, 'date hors limites');
const Count = z.number({ error: 'attendu un nombre' }).int('attendu un nombre entier').min(0, 'nombre négatif');
const Bool = z.boolean({ error: 'attendu vrai ou faux (true / false)' });

/** Any JSON value, bounded in depth and string length (history keeps before/after as they were). */
function jsonProblem(value: unknown, depth: number, budget: { nodes: number }): string | null {
  if (--budget.nodes < 0) return 'valeur trop volumineuse';
  if (depth > LIMITS.historyDepth) return 'structure trop profonde';
  if (typeof value === 'string') return value.length > LIMITS.historyString ? `texte trop long (au plus ${n(LIMITS.historyString)} caractères)` : null;
  if (value === null || typeof value !== 'object') return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const problem = jsonProblem(item, depth + 1, budget);
    if (problem) return problem;
  }
  return null;
}
const JsonValue = z.unknown().superRefine((value, ctx) => {
  const problem = jsonProblem(value, 0, { nodes: 100_000 });
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const CandidateSchema = z.strictObject({
  id: Id,
  name: Text(LIMITS.name),
  email: Text(LIMITS.email).nullable(),
  createdAt: Time,
  updatedAt: Time,
});

const JurorSchema = z.strictObject({ id: Id, name: Text(LIMITS.name), external: Bool });
const DeliverableSchema = z.strictObject({ id: Id, url: Text(LIMITS.url), kind: Text(100), label: Text(LIMITS.title), addedAt: Time });
const StatusCounts = z.strictObject(Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, Count.optional()])) as Record<(typeof ASSESSMENT_STATUSES)[number], z.ZodOptional<typeof Count>>);

export const EvaluationSchema = z.strictObject({
  id: Id,
  candidateId: Id,
  certificationId: Id,
  referentielVersion: z.number({ error: 'attendu un numéro de version' }).int('attendu un numéro de version entier').positive('version du référentiel invalide'),
  blocIds: List(Id, LIMITS.blocIds, 'textes'),
  deliverables: List(DeliverableSchema, LIMITS.deliverables, 'livrables'),
  jurors: List(JurorSchema, LIMITS.jurors, 'jurés'),
  mode: z.enum(['jury', 'tuteur']),
  statusCounts: StatusCounts,
  createdAt: Time,
  updatedAt: Time,
});

/** The search words are not exported: they are recomputed from the observation on import. */
export const AssessmentSchema = z.strictObject({
  evaluationId: Id,
  criterionId: Id,
  status: z.enum(ASSESSMENT_STATUSES),
  exemptionReason: Text(LIMITS.longText).nullable(),
  observation: Text(LIMITS.longText),
  observationCommitted: Text(LIMITS.longText),
  updatedAt: Time,
  updatedBy: Text(LIMITS.name).nullable(),
  aiAssisted: z.boolean().optional(),
});

const Localized = z.strictObject({ fr: Text(LIMITS.note), en: Text(LIMITS.note) });
const ElementRefSchema = z.strictObject({ selector: Text(2_000), snippet: Text(2_000) });
export const FindingSchema = z.strictObject({
  ruleId: Id,
  family: z.enum(FAMILIES),
  topics: List(z.enum(TOPICS), 50, 'thèmes'),
  rgaa: List(Text(20), 500, 'critères RGAA'),
  title: Localized,
  outcome: z.enum(OUTCOMES),
  detail: Localized,
  elements: List(ElementRefSchema, 500, 'éléments'),
  data: z
    .record(Text(200), z.union([Text(LIMITS.note), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 500, 'trop de mesures (au plus 500)'),
  source: z.strictObject({ label: Text(LIMITS.title), url: Text(LIMITS.url) }),
  url: Text(LIMITS.url),
  pageTitle: Text(LIMITS.title),
  analyzedAt: Time,
});

/** A screenshot: its MIME type and its bytes in base64. */
export const ImageSchema = z.strictObject({
  type: Text(100).regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, 'type d’image invalide'),
  base64: z
    .string({ error: 'attendu un texte (base64)' })
    .max(MAX_BASE64, `image trop lourde (au plus ${n(LIMITS.imageBytes / (1024 * 1024))} Mo)`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 invalide')
    .refine((s) => s.length % 4 === 0, 'base64 invalide (longueur)'),
});

export const EvidenceSchema = z.strictObject({
  id: Id,
  evaluationId: Id,
  kind: z.enum(['quote', 'screenshot', 'link', 'finding']),
  url: Text(LIMITS.url),
  pageTitle: Text(LIMITS.title),
  capturedAt: Time,
  quote: Text(LIMITS.longText).nullable(),
  image: ImageSchema.nullable(),
  finding: FindingSchema.nullable().optional(),
  note: Text(LIMITS.note),
  criterionIds: List(Id, LIMITS.criterionIds, 'identifiants de critères'),
  createdBy: Text(LIMITS.name).nullable(),
});

export const DecisionSchema = z.strictObject({
  evaluationId: Id,
  targetType: z.enum(['bloc', 'competency']),
  targetId: Id,
  decision: z.enum([...BLOC_DECISIONS, ...COMPETENCY_DECISIONS]).nullable(),
  comment: Text(LIMITS.longText),
  decidedBy: Text(LIMITS.name).nullable(),
  decidedAt: Time,
});

export const HISTORY_ENTITIES = ['candidate', 'evaluation', 'assessment', 'evidence', 'decision', 'rgaa'] as const;

/** History without its local sequence number: the array order is the order of the entries. */
export const HistorySchema = z.strictObject({
  evaluationId: z.string({ error: 'attendu un identifiant (texte)' }).max(LIMITS.id),
  entity: z.enum(HISTORY_ENTITIES),
  entityId: Text(LIMITS.id * 3),
  action: z.enum(['create', 'update', 'delete']),
  field: Text(LIMITS.id).nullable(),
  before: JsonValue,
  after: JsonValue,
  who: Text(LIMITS.name).nullable(),
  at: Time,
});

export const GapTextSchema = z.strictObject({
  certificationId: Id,
  itemId: Id,
  text: Text(LIMITS.longText),
  dataVersion: z.number().int().positive(),
  updatedAt: Time,
  updatedBy: Text(LIMITS.name).nullable(),
});

const RgaaResultSchema = z.strictObject({
  result: z.enum(['C', 'NC', 'NA', 'NT']),
  comment: Text(LIMITS.longText),
  source: z.enum(['juror', 'automated']),
  updatedAt: Time,
});
export const RgaaAuditSchema = z.strictObject({
  id: Id,
  /** '' for an audit made outside any evaluation. */
  evaluationId: z.string({ error: 'attendu un identifiant (texte)' }).max(LIMITS.id),
  pageUrl: Text(LIMITS.url),
  pageTitle: Text(LIMITS.title),
  results: z
    .record(z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'numéro de critère RGAA invalide'), RgaaResultSchema)
    .refine((r) => Object.keys(r).length <= 200, 'trop de critères RGAA'),
  createdAt: Time,
  updatedAt: Time,
});

export const CustomReferentielSchema = z
  .strictObject({
    id: Id,
    dataVersion: z.number().int().positive(),
    certification: Certification,
    importedAt: Time,
    source: Text(LIMITS.title),
  })
  .superRefine((row, ctx) => {
    if (row.certification.id !== row.id || row.certification.dataVersion !== row.dataVersion)
      ctx.addIssue({ code: 'custom', path: ['certification'], message: `ne correspond pas à ${row.id} version ${row.dataVersion}` });
    if (JSON.stringify(row.certification).length > LIMITS.certificationChars) ctx.addIssue({ code: 'custom', path: ['certification'], message: 'référentiel trop volumineux' });
  });

const SuggestedFactSchema = z.strictObject({
  text: Text(LIMITS.note),
  quote: Text(LIMITS.note).nullable(),
  findingRuleId: Text(LIMITS.id).nullable(),
  evidenceId: Text(LIMITS.id).nullable(),
  verified: Bool.nullable(),
  problems: List(z.enum(FACT_PROBLEMS), FACT_PROBLEMS.length, 'problèmes'),
});
const VerifiedSuggestionSchema = z.strictObject({
  criterionId: Id,
  facts: List(SuggestedFactSchema, LIMITS.suggestionItems, 'faits observés'),
  missing: List(Text(LIMITS.note), LIMITS.suggestionItems, 'textes'),
  insufficientEvidence: Bool,
  questions: List(Text(LIMITS.note), LIMITS.suggestionItems, 'questions'),
  flagged: Bool,
});
const UsageSchema = z.strictObject({ promptTokens: Count, completionTokens: Count, cachedTokens: Count.nullable() });

/** An AI suggestion for one criterion, what produced it and what the juror did with it (never a status). */
export const AiSuggestionSchema = z.strictObject({
  id: Id,
  evaluationId: Id,
  criterionId: Id,
  suggestion: VerifiedSuggestionSchema,
  promptId: Id,
  promptVersion: z.number({ error: 'attendu un numéro de version' }).int('attendu un numéro de version entier').positive('version du prompt invalide'),
  provider: Text(100),
  model: Text(LIMITS.name),
  createdAt: Time,
  usage: UsageSchema.nullable(),
  action: z.enum(['pending', 'accepted', 'edited', 'rejected']),
  finalText: Text(LIMITS.longText).nullable(),
  actedAt: Time.nullable(),
  actedBy: Text(LIMITS.name).nullable(),
});

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

// The schemas must name exactly the rows' fields: a field added to lib/workspace/types.ts without
// its schema here would be lost by the backup, so tsc fails until both change together.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : { missing: Exclude<keyof A, keyof B>; extra: Exclude<keyof B, keyof A> };
const sameKeys = <T extends true>(value: T) => value;
sameKeys<SameKeys<CandidateRow, z.infer<typeof CandidateSchema>>>(true);
sameKeys<SameKeys<EvaluationRow, z.infer<typeof EvaluationSchema>>>(true);
sameKeys<SameKeys<Omit<AssessmentRow, 'words'>, EnvelopeAssessment>>(true);
sameKeys<SameKeys<EvidenceRow, EnvelopeEvidence>>(true);
sameKeys<SameKeys<NonNullable<EvidenceRow['finding']>, z.infer<typeof FindingSchema>>>(true);
sameKeys<SameKeys<DecisionRow, z.infer<typeof DecisionSchema>>>(true);
sameKeys<SameKeys<Omit<HistoryRow, 'seq'>, z.infer<typeof HistorySchema>>>(true);
// …and every kind of history entry.
const sameUnion = <A extends B, B extends C, C = A>() => true;
sameUnion<(typeof HISTORY_ENTITIES)[number], HistoryRow['entity']>();
sameKeys<SameKeys<GapTextRow, z.infer<typeof GapTextSchema>>>(true);
sameKeys<SameKeys<RgaaAuditRow, z.infer<typeof RgaaAuditSchema>>>(true);
sameKeys<SameKeys<CustomReferentielRow, z.infer<typeof CustomReferentielSchema>>>(true);
sameKeys<SameKeys<AiSuggestionRow, z.infer<typeof AiSuggestionSchema>>>(true);
sameKeys<SameKeys<VerifiedSuggestion, z.infer<typeof VerifiedSuggestionSchema>>>(true);
sameKeys<SameKeys<VerifiedFact, z.infer<typeof SuggestedFactSchema>>>(true);
sameKeys<SameKeys<NonNullable<AiSuggestionRow['usage']>, z.infer<typeof UsageSchema>>>(true);
sameKeys<SameKeys<EvaluationRow['jurors'][number], z.infer<typeof JurorSchema>>>(true);
sameKeys<SameKeys<EvaluationRow['deliverables'][number], z.infer<typeof DeliverableSchema>>>(true);

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
