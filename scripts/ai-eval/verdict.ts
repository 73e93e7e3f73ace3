// Verdict wording in a suggestion — a status, a mark, a level or a call to decide — counted with
// Grille's own detector (lib/ai/verdict.ts), the one that blocks « Accepter » in the panel, so the
// figure the harness prints is the figure a juror would see. No second detector: one that
// disagreed with the panel would measure something the product does not do.
import { findVerdictWording } from '../../lib/ai/verdict';

/** The verdict wording found in a text (the matched words), or null. */
export type VerdictDetector = (text: string) => string | null;

export const VERDICT_SOURCE = 'lib/ai/verdict.ts';

/** Grille's detector in the harness's shape: the first verdict wording found, or null. */
export const detectVerdictWording: VerdictDetector = (text) => findVerdictWording(text)[0]?.text ?? null;

/** The model's own words in a suggestion: facts' texts, missing items and questions (not its quotes). */
export function suggestionWording(suggestion: { facts: readonly { text: string }[]; missing: readonly string[]; questions: readonly string[] }): string[] {
  return [...suggestion.facts.map((f) => f.text), ...suggestion.missing, ...suggestion.questions];
}
