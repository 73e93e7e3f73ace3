// Writes lib/referentiels/referentiel.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { referentielJsonSchema } from '../lib/referentiels/json-schema';

const target = new URL('../lib/referentiels/referentiel.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(referentielJsonSchema(), null, 2) + '\n');
console.log(`écrit : ${target.pathname}`);
