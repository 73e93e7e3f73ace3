// The output schema of observations-jury.md: what the model returns, as a structured output
// (json_schema, strict). Per criterion: the facts observed — each resting on a verbatim quote of
// the page, a finding's rule id or an evidence id —, what is missing or cannot be observed, whether
// the evidence is insufficient, and questions for the oral defence. No field for a status, a mark
// or a decision: the juror decides. Every property is required (absent = null), as structured
// outputs demand.
//
// The panel reads every answer as this shape (lib/ai/contract.ts re-exports it). After a change:
// `npm run schema` (lib/ai/output-schemas.json, what the request preview counts) and bump the
// prompt's version — the schema is sent with every request.
import { z } from 'zod';

/** One observed fact: a verbatim quote from the snapshot, or a reference to a finding or a screenshot. */
export const SuggestedFact = z.object({
  text: z.string(),
  quote: z.string().nullable(),
  findingRuleId: z.string().nullable(),
  evidenceId: z.string().nullable(),
});
export type SuggestedFact = z.infer<typeof SuggestedFact>;

/** What the model returns per criterion. No status, no mark, no decision. */
export const CriterionSuggestion = z.object({
  criterionId: z.string(),
  facts: z.array(SuggestedFact),
  /** What is missing or cannot be observed on this deliverable. */
  missing: z.array(z.string()),
  /** « preuves insuffisantes »: the page cannot support an observation. */
  insufficientEvidence: z.boolean(),
  /** One to three questions the jury could ask at the oral defence. */
  questions: z.array(z.string()),
});
export type CriterionSuggestion = z.infer<typeof CriterionSuggestion>;

export const SuggestionBatch = z.object({ suggestions: z.array(CriterionSuggestion) });
export type SuggestionBatch = z.infer<typeof SuggestionBatch>;

/** The prompt's output schema (lib/ai/prompts.ts reads `outputSchema` from every prompts/<id>.schema.ts). */
export const outputSchema = SuggestionBatch;
