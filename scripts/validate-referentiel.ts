// Validates référentiel JSON files as the extension imports them (Grille's JSON scan, then the
// strict schema) and prints a per-bloc summary.
// Usage: npx tsx scripts/validate-referentiel.ts lib/referentiels/data/*.json
import { readFileSync } from 'node:fs';
import { ReferentielImportError } from '../lib/referentiels/custom/errors';
import { certificationFromJson } from '../lib/referentiels/custom/from-json';
import type { Certification } from '../lib/referentiels/schema';

let failed = false;
for (const file of process.argv.slice(2)) {
  let cert: Certification;
  try {
    cert = certificationFromJson(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof ReferentielImportError)) throw error;
    failed = true;
    console.error(`✗ ${file}`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    continue;
  }
  console.log(`✓ ${file} — ${cert.title} (v${cert.dataVersion})`);
  for (const bloc of cert.blocs) {
    const codes = bloc.competencies.map((c) => c.code + (c.gap ? '(gap)' : ''));
    console.log(
      `  bloc ${bloc.code}${bloc.optional ? ' [option]' : ''}: ${bloc.activities.length} activités, ` +
        `${bloc.competencies.length} compétences [${codes.join(' ')}], ${bloc.criteria.length} critères ` +
        `${bloc.evaluations.length} évaluation(s) ` +
        `(déclaré : ${bloc.declared.competencyRange ?? '—'} / ${bloc.declared.competencyCount ?? '—'}${bloc.declared.note ? ' — écart noté' : ''})`,
    );
  }
}
process.exit(failed ? 1 : 0);
