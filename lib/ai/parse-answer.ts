// A model's answer, read as a SuggestionBatch: JSON validated with zod, with the leniency local
// models need (code fences, a sentence around the object, a bare suggestion or list). The error
// says what is wrong, in French, for the repair request.
import { SuggestionBatch } from './contract';

/** Parses a model's answer; tolerant of code fences, of text around the JSON, and of a bare suggestion or list. */
export function parseBatch(content: string): { ok: true; batch: SuggestionBatch } | { ok: false; error: string } {
  const text = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Local models sometimes wrap the object in a sentence: try the outermost braces.
    const start = text.search(/[[{]/);
    const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    try {
      if (start < 0 || end <= start) throw e;
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      return { ok: false, error: `JSON invalide (${e instanceof Error ? e.message.slice(0, 120) : 'erreur de syntaxe'})` };
    }
  }
  if (Array.isArray(value)) value = { suggestions: value };
  else if (value && typeof value === 'object' && 'criterionId' in value) value = { suggestions: [value] };
  const parsed = SuggestionBatch.safeParse(value);
  if (parsed.success) return { ok: true, batch: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`)
    .join(' ; ');
  return { ok: false, error: `format non conforme (${issues})` };
}
