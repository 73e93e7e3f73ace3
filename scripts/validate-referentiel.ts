// Validates référentiel JSON files against the schema and prints a per-bloc summary.
// Usage: npx tsx scripts/validate-referentiel.ts lib/referentiels/data/*.json
import { readFileSync } from 'node:fs';
import { Certification } from '../lib/referentiels/schema';

let failed = false;
for (const file of process.argv.slice(2)) {
  const result = Certification.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    failed = true;
    console.error(`✗ ${file}`);
    for (const issue of result.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
    continue;
  }
  const cert = result.data;
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
