// Hidden text, one entry per hidden element, capped: when a page hides more than the cap allows
// (menus, closed dialogs, screen-reader hints), the entries most likely to matter are kept —
// text addressed to an AI or a grader first, then text hidden by other means than the
// legitimate sr-only pattern, then the longest — and shown in document order.
import { HIDDEN_REASONS, LIMITS, type HiddenText } from '../facts';
import { cssPath, clip } from '../selector';
import type { HiddenGroup } from './visibility';

/** Words of a text aimed at an automated grader rather than at the reader. */
const ADDRESSED_TO_AI =
  /\b(IA|AI|LLM|GPT|ChatGPT|Claude|Gemini|Copilot|Mistral|prompt|instructions?|consignes?|ignore[rsz]?|ignorez|disregard|évaluat\w*|evaluat\w*|grader|grading|correcteur|jury|juré|notation|note maximale|highest score|full marks)\b/i;
/**
 * The sr-only pattern hides text from sight for screen readers. aria-hidden is never a reason on
 * its own: beside another, it says the text is hidden from screen readers too (from everyone).
 */
const LEGITIMATE_HIDING = new Set(['clipped']);

function priority(group: HiddenGroup, text: string): number {
  let score = Math.min(text.length, 2_000) / 2_000;
  if ([...group.reasons].some((r) => !LEGITIMATE_HIDING.has(r))) score += 10;
  if (ADDRESSED_TO_AI.test(text)) score += 100;
  return score;
}

export function selectHiddenTexts(groups: readonly HiddenGroup[], max: number = LIMITS.hiddenTexts): HiddenText[] {
  const entries = groups
    .map((group, order) => {
      const text = clip(group.parts.join(' '), LIMITS.hiddenText);
      return { group, order, text, score: priority(group, text) };
    })
    .filter((e) => e.text !== '');
  const kept = entries.length > max ? [...entries].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, max) : entries;
  return kept
    .sort((a, b) => a.order - b.order)
    .map(({ group, text }) => ({
      text,
      reasons: HIDDEN_REASONS.filter((r) => group.reasons.has(r)),
      selector: clip(cssPath(group.owner), LIMITS.selector),
    }));
}
