// Output schemas a prompt can name in its front matter (`schema: SuggestionBatch`), each usable
// as a structured-output response format. Every property is required (absent = null), as
// structured outputs demand.
//
// The JSON schema each one becomes is kept generated in output-schemas.json (`npm run schema`,
// checked by a test): the request preview counts it in the tokens sent without loading the openai
// SDK, which loads with the first request only (response-format.ts).
import { SuggestionBatch } from './contract';
import generated from './output-schemas.json';

export const OUTPUT_SCHEMAS = { SuggestionBatch } as const;
export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;

export function isOutputSchemaName(name: string): name is OutputSchemaName {
  return Object.hasOwn(OUTPUT_SCHEMAS, name);
}

/** The JSON schema sent as `response_format.json_schema.schema` for this output schema. */
export function outputJsonSchema(name: OutputSchemaName): Record<string, unknown> {
  return generated[name];
}
