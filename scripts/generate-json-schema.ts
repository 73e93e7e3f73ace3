// Writes lib/referentiels/referentiel.schema.json and lib/ai/output-schemas.json from their zod
// schemas (npm run schema).
import { writeFileSync } from 'node:fs';
import { generatedOutputSchemas } from '../lib/ai/response-format';
import { referentielJsonSchema } from '../lib/referentiels/json-schema';

const target = new URL('../lib/referentiels/referentiel.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(referentielJsonSchema(), null, 2) + '\n');
console.log(`écrit : ${target.pathname}`);

// The AI output schemas as the openai SDK sends them, for the request preview (lib/ai/schemas.ts).
const outputs = new URL('../lib/ai/output-schemas.json', import.meta.url);
writeFileSync(outputs, JSON.stringify(generatedOutputSchemas(), null, 2) + '\n');
console.log(`écrit : ${outputs.pathname}`);
