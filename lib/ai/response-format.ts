// The `response_format` sent with a request (json_schema, strict), from the zod schema through the
// openai SDK's helper. Imported by the request machinery only, which loads on the first request.
import { zodResponseFormat } from 'openai/helpers/zod';
import { OUTPUT_SCHEMAS, type OutputSchemaName } from './schemas';

export function responseFormatFor(name: OutputSchemaName) {
  return zodResponseFormat(OUTPUT_SCHEMAS[name], 'suggestions');
}

/** Every output schema as the JSON schema the SDK sends: what output-schemas.json must hold. */
export function generatedOutputSchemas(): Record<OutputSchemaName, Record<string, unknown>> {
  const names = Object.keys(OUTPUT_SCHEMAS) as OutputSchemaName[];
  return Object.fromEntries(names.map((name) => [name, responseFormatFor(name).json_schema.schema])) as Record<OutputSchemaName, Record<string, unknown>>;
}
