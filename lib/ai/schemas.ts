// The JSON schema each prompt's output schema (prompts/<id>.schema.ts) becomes as a structured-
// output response format, by prompt id. Kept generated in output-schemas.json (`npm run schema`,
// checked by a test): the request preview counts it in the tokens sent without loading the openai
// SDK, which loads with the first request only (response-format.ts).
import generated from './output-schemas.json';
import { PromptError } from './render-prompt';

const schemas: Readonly<Record<string, Record<string, unknown>>> = generated;

/** The JSON schema sent as `response_format.json_schema.schema` with the prompt `promptId`. */
export function outputJsonSchema(promptId: string): Record<string, unknown> {
  const schema = Object.hasOwn(schemas, promptId) ? schemas[promptId] : undefined;
  if (!schema) throw new PromptError(`prompts/${promptId}.schema.ts : absent de lib/ai/output-schemas.json (lancez npm run schema)`);
  return schema;
}
