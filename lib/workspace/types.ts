import type { Finding } from '../checks/types';
// What the jury workspace stores: the rows of each IndexedDB table, and the statuses and
// decisions a juror can record. Nothing here is ever set automatically.

export const ASSESSMENT_STATUSES = ['non-evalue', 'acquis', 'partiellement-acquis', 'non-acquis', 'exempte'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const BLOC_DECISIONS = ['valide', 'non-valide', 'ajourne'] as const;
export type BlocDecision = (typeof BLOC_DECISIONS)[number];

export const COMPETENCY_DECISIONS = ['acquise', 'non-acquise', 'a-completer'] as const;
export type CompetencyDecision = (typeof COMPETENCY_DECISIONS)[number];

/** « jury » certifies; « tuteur » pre-reviews and gives feedback, never a decision. */
export type EvaluationMode = 'jury' | 'tuteur';

export interface CandidateRow {
  id: string;
  name: string;
  email: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Juror {
  id: string;
  name: string;
  /** External to the training organisation (a jury needs a majority of them). */
  external: boolean;
}

export interface Deliverable {
  id: string;
  url: string;
  /** Detected platform (instagram, woocommerce, google-docs…) or 'website'. */
  kind: string;
  label: string;
  addedAt: number;
}

export interface EvaluationRow {
  id: string;
  candidateId: string;
  certificationId: string;
  /** The référentiel's dataVersion this evaluation was made against. */
  referentielVersion: number;
  blocIds: string[];
  deliverables: Deliverable[];
  jurors: Juror[];
  mode: EvaluationMode;
  /** How many criteria are in each status other than « non-evalue », kept in step by setStatus: lists show progress without reading every assessment. */
  statusCounts: Partial<Record<AssessmentStatus, number>>;
  createdAt: number;
  updatedAt: number;
}

export interface AssessmentRow {
  evaluationId: string;
  criterionId: string;
  status: AssessmentStatus;
  /** Required when status is « exempte ». */
  exemptionReason: string | null;
  observation: string;
  /** The observation as of its last history entry; differs while the juror is typing. */
  observationCommitted: string;
  /** Folded words of the observation, for search. */
  words: string[];
  updatedAt: number;
  updatedBy: string | null;
  /** The observation holds text the juror accepted or edited from an AI suggestion. */
  aiAssisted?: boolean;
}

export type EvidenceKind = 'quote' | 'screenshot' | 'link' | 'finding';

export interface EvidenceRow {
  id: string;
  evaluationId: string;
  kind: EvidenceKind;
  /** Where it was seen, and when: live accounts change. */
  url: string;
  pageTitle: string;
  capturedAt: number;
  /** The selected text, verbatim (quote). */
  quote: string | null;
  /** The visible tab as PNG (screenshot). */
  image: Blob | null;
  /** A page analysis result the juror attached (finding): rule, outcome, what was observed, elements. */
  finding?: Finding | null;
  /** The juror's own caption. */
  note: string;
  criterionIds: string[];
  createdBy: string | null;
}

export interface DecisionRow {
  evaluationId: string;
  targetType: 'bloc' | 'competency';
  targetId: string;
  /** Null in « tuteur » mode: a tutor gives feedback, not decisions. */
  decision: BlocDecision | CompetencyDecision | null;
  /** Motivation (jury) or feedback to the candidate (tutor). */
  comment: string;
  decidedBy: string | null;
  decidedAt: number;
}

export type HistoryEntity = 'candidate' | 'evaluation' | 'assessment' | 'evidence' | 'decision' | 'rgaa';

export interface HistoryRow {
  seq?: number;
  evaluationId: string;
  entity: HistoryEntity;
  /** Criterion id, evidence id, bloc id… */
  entityId: string;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  before: unknown;
  after: unknown;
  who: string | null;
  at: number;
}

/** The jury's own text for a passage of a référentiel that the conversion lost (a « gap »). */
export interface GapTextRow {
  certificationId: string;
  /** Id of the competency or criterion flagged as a gap. */
  itemId: string;
  text: string;
  /** The référentiel version the text was written against. */
  dataVersion: number;
  updatedAt: number;
  updatedBy: string | null;
}

/** One criterion of an RGAA grid: the juror's result and comment (or one proposed by an automated test). */
export type RgaaResult = 'C' | 'NC' | 'NA' | 'NT';
export interface RgaaCriterionResult {
  result: RgaaResult;
  comment: string;
  /** Who set it: the juror, or the automated pass (only ever 'NC', kept until the juror changes it). */
  source: 'juror' | 'automated';
  updatedAt: number;
}

/** An RGAA 4.1.2 grid for one audited page of a candidate's deliverable. */
export interface RgaaAuditRow {
  id: string;
  evaluationId: string;
  pageUrl: string;
  pageTitle: string;
  /** RGAA criterion number ("1.1" … "13.12") → result. Absent: Non testé. */
  results: Record<string, RgaaCriterionResult>;
  createdAt: number;
  updatedAt: number;
}

/** A certification a school imported (JSON or CSV), one row per version: never replaced in place. */
export interface CustomReferentielRow {
  /** The certification's id (as in the imported file). */
  id: string;
  dataVersion: number;
  /** The certification, validated against lib/referentiels/schema.ts. */
  certification: import('../referentiels/schema').Certification;
  importedAt: number;
  /** File name it came from. */
  source: string;
}

/** An AI suggestion for one criterion, what produced it, and what the juror did with it. */
export interface AiSuggestionRow {
  id: string;
  evaluationId: string;
  criterionId: string;
  suggestion: import('../ai/contract').VerifiedSuggestion;
  promptId: string;
  promptVersion: number;
  provider: string;
  model: string;
  createdAt: number;
  /** Tokens of the request this suggestion came from (shared by a batch). */
  usage: { promptTokens: number; completionTokens: number; cachedTokens: number | null } | null;
  /** pending until the juror acts; edited = accepted with changes. */
  action: 'pending' | 'accepted' | 'edited' | 'rejected';
  /** The text that went into the observation (accepted or edited). */
  finalText: string | null;
  actedAt: number | null;
  actedBy: string | null;
}
