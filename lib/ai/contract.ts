// The AI-suggested observations: the shapes shared by the AI core (lib/ai/*) and the panel.
// The juror decides: no schema here has a field for a status, a mark or a decision, and nothing
// derives one from a suggestion.
import type { CriterionSuggestion, SuggestedFact } from '../../prompts/observations-jury.schema';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import type { CriterionInContext } from '../referentiels/catalog';
import type { Bloc, Certification } from '../referentiels/schema';

/** Known OpenAI-compatible providers (presets for the options page). */
export const PROVIDERS = ['openai', 'azure-openai', 'mistral', 'ollama', 'lm-studio', 'other'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The juror's endpoint, stored in extension local storage; the key is never exported nor logged. */
export interface AiConfig {
  provider: Provider;
  /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1, http://localhost:11434/v1. */
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Azure OpenAI: api-version query parameter. */
  apiVersion?: string;
  /** Candidate's name, e-mails and phone numbers replaced before sending (default true). */
  pseudonymise: boolean;
  timeoutMs: number;
}

// The model's answer is the observation prompts' output schema, defined beside them
// (prompts/observations-jury.schema.ts; the tutor's prompt answers alike).
export { CriterionSuggestion, SuggestedFact, SuggestionBatch } from '../../prompts/observations-jury.schema';

/** Why a fact cannot be trusted as it stands (lib/ai/verify.ts). */
export const FACT_PROBLEMS = [
  /** The quote is fewer than five words and not a whole sentence, heading, caption or list item. */
  'quote-too-short',
  /** Not a passage of the text the model was given. */
  'quote-not-found',
  /** Found only in text hidden from visitors: never evidence. */
  'quote-in-hidden-text',
  /** Found only with pseudonymisation placeholders still in it ([CANDIDAT]…). */
  'quote-with-placeholders',
  /** A finding reference that is not in this analysis (« référence inventée »). */
  'unknown-finding',
  /** An evidence reference that is not an evidence item of this evaluation (« référence inventée »). */
  'unknown-evidence',
  /** No quote, no finding, no evidence. */
  'no-support',
] as const;
export type FactProblem = (typeof FACT_PROBLEMS)[number];

export interface VerifiedFact extends SuggestedFact {
  /** The quote is a real passage of what the model was given (then `quote` is in the page's words); null when there is no quote. */
  verified: boolean | null;
  /** What is wrong with this fact, most serious first; empty when nothing is. Stored with the suggestion. */
  problems: FactProblem[];
}

export interface VerifiedSuggestion extends Omit<CriterionSuggestion, 'facts'> {
  facts: VerifiedFact[];
  /** A fact has a problem, or the text is worded as a verdict: shown as such. */
  flagged: boolean;
}

/** Text in the page that looks like instructions to an AI or a grader (hidden or not). */
export interface InjectionWarning {
  text: string;
  /** Hidden from sighted visitors (and why), or visible. */
  hidden: boolean;
  reason: string;
  selector: string | null;
  /** Whether this passage is part of what is sent (as page data, between the markers). */
  sent: boolean;
}

export interface SuggestionRequest {
  mode: 'jury' | 'tuteur';
  certification: Certification;
  bloc: Bloc;
  /** One criterion (per-criterion request) or the bloc's criteria (one batched request). */
  criteria: readonly CriterionInContext[];
  snapshot: PageSnapshot;
  findings: readonly Finding[];
  candidateName: string;
}

/** What will be sent, shown to the juror before any request. */
export interface PreparedRequest {
  promptId: string;
  promptVersion: number;
  /** Messages exactly as sent (after pseudonymisation). */
  messages: { role: 'system' | 'user'; content: string }[];
  estimatedTokens: number;
  /** Placeholder → original, to restore names in what comes back; never sent. */
  redactions: ReadonlyMap<string, string>;
  injectionWarnings: InjectionWarning[];
  criterionIds: string[];
}

export interface SuggestionRun {
  promptId: string;
  promptVersion: number;
  provider: Provider;
  model: string;
  startedAt: number;
  finishedAt: number;
  usage: { promptTokens: number; completionTokens: number; cachedTokens: number | null } | null;
  suggestions: VerifiedSuggestion[];
  injectionWarnings: InjectionWarning[];
  /** Criteria asked for that the model did not answer, in the order asked. */
  missingCriterionIds: string[];
  /** Criteria the model answered for without being asked (set aside: an invented reference). */
  unaskedCriterionIds: string[];
}

export const AI_ERROR_CODES = ['not-configured', 'wrong-key', 'unknown-model', 'rate-limited', 'provider-down', 'timeout', 'refusal', 'bad-output', 'empty-answer', 'cancelled', 'network', 'failed'] as const;
export type AiErrorCode = (typeof AI_ERROR_CODES)[number];
