// Writes lib/referentiels/referentiel.schema.json and lib/ai/output-schemas.json from their zod
// schemas (npm run schema).
import { readdirSync, writeFileSync } from 'node:fs';
import type { OutputSchema } from '../lib/ai/prompts';
import { generatedOutputSchemas } from '../lib/ai/response-format';
import { referentielJsonSchema } from '../lib/referentiels/json-schema';

const target = new URL('../lib/referentiels/referentiel.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(referentielJsonSchema(), null, 2) + '\n');
console.log(`écrit : ${target.pathname}`);

// Each prompt's output schema (prompts/<id>.schema.ts) as the openai SDK sends it, by prompt id,
// for the request preview (lib/ai/schemas.ts). Read from the files: import.meta.glob is Vite's.
const prompts = new URL('../prompts/', import.meta.url);
const schemas: [string, OutputSchema][] = [];
for (const file of readdirSync(prompts).filter((f) => f.endsWith('.schema.ts'))) {
  const module = (await import(new URL(file, prompts).href)) as { outputSchema?: OutputSchema };
  if (!module.outputSchema) throw new Error(`prompts/${file} : pas d'export outputSchema`);
  schemas.push([file.slice(0, -'.schema.ts'.length), module.outputSchema]);
}
const outputs = new URL('../lib/ai/output-schemas.json', import.meta.url);
writeFileSync(outputs, JSON.stringify(generatedOutputSchemas(schemas), null, 2) + '\n');
console.log(`écrit : ${outputs.pathname}`);
