// Output schemas a prompt can name in its front matter (`schema: SuggestionBatch`), each usable
// as a structured-output response format. Every property is required (absent = null), as
// structured outputs demand.
import { zodResponseFormat } from 'openai/helpers/zod';
import { SuggestionBatch } from './contract';

export const OUTPUT_SCHEMAS = { SuggestionBatch } as const;
export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;

export function isOutputSchemaName(name: string): name is OutputSchemaName {
  return Object.hasOwn(OUTPUT_SCHEMAS, name);
}

/** The `response_format` sent for a schema (json_schema, strict). */
export function responseFormatFor(name: OutputSchemaName) {
  return zodResponseFormat(OUTPUT_SCHEMAS[name], 'suggestions');
}
