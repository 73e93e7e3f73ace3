// What the jury workspace stores: the rows of each IndexedDB table, and the statuses and
// decisions a juror can record. Nothing here is ever set automatically.
//
// The rows are defined once, as zod schemas, in schemas.ts; their types are inferred there and
// re-exported here as types only, so that importing this file never loads zod.

export const ASSESSMENT_STATUSES = ['non-evalue', 'acquis', 'partiellement-acquis', 'non-acquis', 'exempte'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const BLOC_DECISIONS = ['valide', 'non-valide', 'ajourne'] as const;
export type BlocDecision = (typeof BLOC_DECISIONS)[number];

export const COMPETENCY_DECISIONS = ['acquise', 'non-acquise', 'a-completer'] as const;
export type CompetencyDecision = (typeof COMPETENCY_DECISIONS)[number];

/** « jury » certifies; « tuteur » pre-reviews and gives feedback, never a decision. */
export const EVALUATION_MODES = ['jury', 'tuteur'] as const;
export type EvaluationMode = (typeof EVALUATION_MODES)[number];

export const EVIDENCE_KINDS = ['quote', 'screenshot', 'link', 'finding'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const HISTORY_ENTITIES = ['candidate', 'evaluation', 'assessment', 'evidence', 'decision', 'rgaa'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** The result of one criterion of an RGAA grid: Conforme, Non conforme, Non applicable, Non testé. */
export const RGAA_RESULTS = ['C', 'NC', 'NA', 'NT'] as const;
export type RgaaResult = (typeof RGAA_RESULTS)[number];

export type {
  AiSuggestionRow,
  AssessmentRow,
  CandidateRow,
  CustomReferentielRow,
  DecisionRow,
  Deliverable,
  EvaluationRow,
  EvidenceRow,
  GapTextRow,
  HistoryRow,
  Juror,
  RgaaAuditRow,
  RgaaCriterionResult,
} from './schemas';
