// Writes lib/rgaa/criteria.json from DINUM's RGAA 4.1.2 criteria (../shared/data/rgaa/criteres.json,
// Licence Ouverte 2.0 — see lib/rgaa/SOURCE.md). The committed JSON is what the extension bundles.
//   npx tsx scripts/rgaa-data.ts          regenerate
//   npx tsx scripts/rgaa-data.ts --check  fail if the committed file differs from the source
import { readFileSync, writeFileSync } from 'node:fs';
import { convertCriteria } from '../lib/rgaa/convert';

const source = new URL('../../shared/data/rgaa/criteres.json', import.meta.url);
const target = new URL('../lib/rgaa/criteria.json', import.meta.url);

const data = convertCriteria(JSON.parse(readFileSync(source, 'utf8')));
const text = JSON.stringify(data, null, 1) + '\n';
const count = data.themes.reduce((n, t) => n + t.criteria.length, 0);

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('lib/rgaa/criteria.json diffère de la source : lancez npx tsx scripts/rgaa-data.ts');
    process.exitCode = 1;
  } else console.log(`lib/rgaa/criteria.json à jour (${data.themes.length} thématiques, ${count} critères)`);
} else {
  writeFileSync(target, text);
  console.log(`lib/rgaa/criteria.json écrit : ${data.themes.length} thématiques, ${count} critères`);
}
