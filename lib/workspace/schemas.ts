// The rows of the jury workspace as zod schemas: the one definition of each row, from which its
// TypeScript type is inferred (re-exported by types.ts) and with which a backup validates it
// (lib/export/envelope.ts). Every row is a strict object: an unknown key is REJECTED, not
// stripped — a field this version does not know would otherwise be silently lost. Every string
// and list is bounded (LIMITS). Strings may contain markup or script: they are data, kept and
// shown as text. Messages are in French: they reach the juror when a backup is refused.
//
// A row differs from its backup form in three places only: assessments keep their search words
// (recomputed on import), history entries their local sequence number (a fresh database numbers
// them), and a screenshot is a Blob here, base64 in a file.
// Components that only need the types import them from types.ts with `import type`: this file
// loads zod.
import { z } from 'zod';
import { FAMILIES, OUTCOMES, type Finding } from '../checks/types';
import { TOPICS, Certification } from '../referentiels/schema';
import { FACT_PROBLEMS, type VerifiedFact, type VerifiedSuggestion } from '../ai/contract';
import { ASSESSMENT_STATUSES, BLOC_DECISIONS, COMPETENCY_DECISIONS, EVALUATION_MODES, EVIDENCE_KINDS, HISTORY_ENTITIES, RGAA_RESULTS } from './types';

/** Bounds of the rows (characters, items), and so of the backup format. */
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
export const Text = (max: number) => z.string({ error: 'attendu un texte' }).max(max, `texte trop long (au plus ${n(max)} caractères)`);
export const Id = z.string({ error: 'attendu un identifiant (texte)' }).min(1, 'identifiant vide').max(LIMITS.id, `identifiant trop long (au plus ${LIMITS.id} caractères)`);
export const List = <T extends z.ZodType>(item: T, max: number, noun: string) =>
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

const JurorSchema = z.strictObject({
  id: Id,
  name: Text(LIMITS.name),
  /** External to the training organisation (a jury needs a majority of them). */
  external: Bool,
});
const DeliverableSchema = z.strictObject({
  id: Id,
  url: Text(LIMITS.url),
  /** Detected platform (instagram, woocommerce, google-docs…) or 'website'. */
  kind: Text(100),
  label: Text(LIMITS.title),
  addedAt: Time,
});
const StatusCounts = z.strictObject(Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, Count.optional()])) as Record<(typeof ASSESSMENT_STATUSES)[number], z.ZodOptional<typeof Count>>);

export const EvaluationSchema = z.strictObject({
  id: Id,
  candidateId: Id,
  certificationId: Id,
  /** The référentiel's dataVersion this evaluation was made against. */
  referentielVersion: z.number({ error: 'attendu un numéro de version' }).int('attendu un numéro de version entier').positive('version du référentiel invalide'),
  blocIds: List(Id, LIMITS.blocIds, 'textes'),
  deliverables: List(DeliverableSchema, LIMITS.deliverables, 'livrables'),
  jurors: List(JurorSchema, LIMITS.jurors, 'jurés'),
  mode: z.enum(EVALUATION_MODES),
  /** How many criteria are in each status other than « non-evalue », kept in step by setStatus: lists show progress without reading every assessment. */
  statusCounts: StatusCounts,
  createdAt: Time,
  updatedAt: Time,
});

/** An assessment without its search words: they are not exported, but recomputed from the observation on import. */
export const AssessmentSchema = z.strictObject({
  evaluationId: Id,
  criterionId: Id,
  status: z.enum(ASSESSMENT_STATUSES),
  /** Required when status is « exempte ». */
  exemptionReason: Text(LIMITS.longText).nullable(),
  observation: Text(LIMITS.longText),
  /** The observation as of its last history entry; differs while the juror is typing. */
  observationCommitted: Text(LIMITS.longText),
  updatedAt: Time,
  updatedBy: Text(LIMITS.name).nullable(),
  /** The observation holds text the juror accepted or edited from an AI suggestion. */
  aiAssisted: z.boolean().optional(),
});

const Localized = z.strictObject({ fr: Text(LIMITS.note), en: Text(LIMITS.note) });
const ElementRefSchema = z.strictObject({ selector: Text(2_000), snippet: Text(2_000) });
/** A page analysis result (lib/checks/types.ts Finding) as a piece of evidence holds it. */
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

/** A screenshot in a backup: its MIME type and its bytes in base64. */
export const ImageSchema = z.strictObject({
  type: Text(100).regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, 'type d’image invalide'),
  base64: z
    .string({ error: 'attendu un texte (base64)' })
    .max(MAX_BASE64, `image trop lourde (au plus ${n(LIMITS.imageBytes / (1024 * 1024))} Mo)`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 invalide')
    .refine((s) => s.length % 4 === 0, 'base64 invalide (longueur)'),
});

/** A piece of evidence as a backup holds it: the screenshot in base64 (ImageSchema). */
export const EvidenceSchema = z.strictObject({
  id: Id,
  evaluationId: Id,
  kind: z.enum(EVIDENCE_KINDS),
  /** Where it was seen, and when: live accounts change. */
  url: Text(LIMITS.url),
  pageTitle: Text(LIMITS.title),
  capturedAt: Time,
  /** The selected text, verbatim (quote). */
  quote: Text(LIMITS.longText).nullable(),
  /** The visible tab (screenshot). */
  image: ImageSchema.nullable(),
  /** A page analysis result the juror attached (finding): rule, outcome, what was observed, elements. */
  finding: FindingSchema.nullable().optional(),
  /** The juror's own caption. */
  note: Text(LIMITS.note),
  criterionIds: List(Id, LIMITS.criterionIds, 'identifiants de critères'),
  createdBy: Text(LIMITS.name).nullable(),
});

export const DecisionSchema = z.strictObject({
  evaluationId: Id,
  targetType: z.enum(['bloc', 'competency']),
  targetId: Id,
  /** Null in « tuteur » mode: a tutor gives feedback, not decisions. */
  decision: z.enum([...BLOC_DECISIONS, ...COMPETENCY_DECISIONS]).nullable(),
  /** Motivation (jury) or feedback to the candidate (tutor). */
  comment: Text(LIMITS.longText),
  decidedBy: Text(LIMITS.name).nullable(),
  decidedAt: Time,
});

/** A history entry without its local sequence number: in a backup, the array order is the order of the entries. */
export const HistorySchema = z.strictObject({
  evaluationId: z.string({ error: 'attendu un identifiant (texte)' }).max(LIMITS.id),
  entity: z.enum(HISTORY_ENTITIES),
  /** Criterion id, evidence id, bloc id… */
  entityId: Text(LIMITS.id * 3),
  action: z.enum(['create', 'update', 'delete']),
  field: Text(LIMITS.id).nullable(),
  before: JsonValue,
  after: JsonValue,
  who: Text(LIMITS.name).nullable(),
  at: Time,
});

/** The jury's own text for a passage of a référentiel that the conversion lost (a « gap »). */
export const GapTextSchema = z.strictObject({
  certificationId: Id,
  /** Id of the competency or criterion flagged as a gap. */
  itemId: Id,
  text: Text(LIMITS.longText),
  /** The référentiel version the text was written against. */
  dataVersion: z.number().int().positive(),
  updatedAt: Time,
  updatedBy: Text(LIMITS.name).nullable(),
});

/** One criterion of an RGAA grid: the juror's result and comment (or one proposed by an automated test). */
const RgaaResultSchema = z.strictObject({
  result: z.enum(RGAA_RESULTS),
  comment: Text(LIMITS.longText),
  /** Who set it: the juror, or the automated pass (only ever 'NC', kept until the juror changes it). */
  source: z.enum(['juror', 'automated']),
  updatedAt: Time,
});
/** An RGAA 4.1.2 grid for one audited page of a candidate's deliverable. */
export const RgaaAuditSchema = z.strictObject({
  id: Id,
  /** '' for an audit made outside any evaluation. */
  evaluationId: z.string({ error: 'attendu un identifiant (texte)' }).max(LIMITS.id),
  pageUrl: Text(LIMITS.url),
  pageTitle: Text(LIMITS.title),
  /** RGAA criterion number ("1.1" … "13.12") → result. Absent: Non testé. */
  results: z
    .record(z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'numéro de critère RGAA invalide'), RgaaResultSchema)
    .refine((r) => Object.keys(r).length <= 200, 'trop de critères RGAA'),
  createdAt: Time,
  updatedAt: Time,
});

/** A certification a school imported (JSON or CSV), one row per version: never replaced in place. */
export const CustomReferentielSchema = z
  .strictObject({
    /** The certification's id (as in the imported file). */
    id: Id,
    dataVersion: z.number().int().positive(),
    /** The certification, validated against lib/referentiels/schema.ts. */
    certification: Certification,
    importedAt: Time,
    /** File name it came from. */
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
/** A checked AI suggestion (lib/ai/contract.ts VerifiedSuggestion). */
const VerifiedSuggestionSchema = z.strictObject({
  criterionId: Id,
  facts: List(SuggestedFactSchema, LIMITS.suggestionItems, 'faits observés'),
  missing: List(Text(LIMITS.note), LIMITS.suggestionItems, 'textes'),
  insufficientEvidence: Bool,
  questions: List(Text(LIMITS.note), LIMITS.suggestionItems, 'questions'),
  flagged: Bool,
});
const UsageSchema = z.strictObject({ promptTokens: Count, completionTokens: Count, cachedTokens: Count.nullable() });

/** An AI suggestion for one criterion, what produced it, and what the juror did with it (never a status). */
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
  /** Tokens of the request this suggestion came from (shared by a batch). */
  usage: UsageSchema.nullable(),
  /** pending until the juror acts; edited = accepted with changes. */
  action: z.enum(['pending', 'accepted', 'edited', 'rejected']),
  /** The text that went into the observation (accepted or edited). */
  finalText: Text(LIMITS.longText).nullable(),
  actedAt: Time.nullable(),
  actedBy: Text(LIMITS.name).nullable(),
});

export type CandidateRow = z.infer<typeof CandidateSchema>;
export type Juror = z.infer<typeof JurorSchema>;
export type Deliverable = z.infer<typeof DeliverableSchema>;
export type EvaluationRow = z.infer<typeof EvaluationSchema>;
export type AssessmentRow = z.infer<typeof AssessmentSchema> & {
  /** Folded words of the observation, for search. */
  words: string[];
};
export type EvidenceRow = Omit<z.infer<typeof EvidenceSchema>, 'image'> & {
  /** The visible tab as PNG (screenshot). */
  image: Blob | null;
};
export type DecisionRow = z.infer<typeof DecisionSchema>;
export type HistoryRow = z.infer<typeof HistorySchema> & { seq?: number };
export type GapTextRow = z.infer<typeof GapTextSchema>;
export type RgaaCriterionResult = z.infer<typeof RgaaResultSchema>;
export type RgaaAuditRow = z.infer<typeof RgaaAuditSchema>;
export type CustomReferentielRow = z.infer<typeof CustomReferentielSchema>;
export type AiSuggestionRow = z.infer<typeof AiSuggestionSchema>;

// Types of other folders that a row holds: their schema here must name exactly their fields, or a
// field added there would be refused by the next import of a backup. tsc fails until both change.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : { missing: Exclude<keyof A, keyof B>; extra: Exclude<keyof B, keyof A> };
type Holds<T extends true> = T;
export type ForeignShapes = [
  Holds<SameKeys<Finding, z.infer<typeof FindingSchema>>>,
  Holds<SameKeys<VerifiedSuggestion, z.infer<typeof VerifiedSuggestionSchema>>>,
  Holds<SameKeys<VerifiedFact, z.infer<typeof SuggestedFactSchema>>>,
];
