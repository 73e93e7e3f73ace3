// The `response_format` sent with a request (json_schema, strict), from the prompt's zod output
// schema through the openai SDK's helper. Imported by the request machinery only, which loads on
// the first request.
import { zodResponseFormat } from 'openai/helpers/zod';
import type { OutputSchema } from './prompts';

export function responseFormatFor(schema: OutputSchema) {
  return zodResponseFormat(schema, 'suggestions');
}

/** Each prompt's output schema as the JSON schema the SDK sends: what output-schemas.json must hold. */
export function generatedOutputSchemas(prompts: Iterable<readonly [id: string, schema: OutputSchema]>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, schema] of [...prompts].sort(([a], [b]) => a.localeCompare(b))) out[id] = responseFormatFor(schema).json_schema.schema as Record<string, unknown>;
  return out;
}
