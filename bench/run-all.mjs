// `npm run bench`: every benchmark, one after another, each in its own process, even when one
// fails; the extension built once for all of them; at the end, which passed, which failed and how
// long each took, and a non-zero exit code when any failed. BENCH_ONLY=analysis,workspace runs
// some of them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root } from '../scripts/setup.mjs';
import { ensureBuilt, progress } from './common.mjs';

const BENCHES = [
  { id: 'side-panel', file: 'side-panel.mjs', script: 'bench:panel', title: 'ouverture du panneau et taille de l’extension' },
  { id: 'typing', file: 'typing.mjs', script: 'bench:typing', title: 'frappe durable contre un textarea simple' },
  { id: 'workspace', file: 'workspace.mjs', script: 'bench:workspace', title: 'espace jury (IndexedDB)' },
  { id: 'analysis', file: 'analysis.mjs', script: 'bench:analysis', title: 'analyse d’une page contre axe-core' },
  { id: 'google-docs', file: 'analysis/google-docs.mjs', script: 'bench:docs', title: 'long Google Doc lu avec son texte caché' },
  { id: 'exports', file: 'exports.mjs', script: 'bench:exports', title: 'exports d’une session' },
  { id: 'ai-tokens', file: 'ai-tokens.mjs', script: 'bench:ai', title: 'jetons envoyés au modèle' },
  { id: 'consent', file: 'consent-compare.mjs', script: 'bench:consent', title: 'bandeaux de consentement contre autoconsent' },
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((id) => !BENCHES.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  console.error(`BENCH_ONLY : bancs inconnus ${unknown.join(', ')} (connus : ${BENCHES.map((b) => b.id).join(', ')})`);
  process.exit(1);
}
const chosen = only ? BENCHES.filter((b) => only.includes(b.id)) : BENCHES;

ensureDependencies();
ensureChromium();
ensureBuilt();

const outcomes = [];
for (const [i, bench] of chosen.entries()) {
  console.error(`\n▶ [${i + 1}/${chosen.length}] ${bench.id} — ${bench.title}`);
  const t0 = performance.now();
  // The build is done: each bench reuses it (GRILLE_SKIP_BUILD), a bench that crashes stops alone.
  const run = spawnSync(process.execPath, [join(root, 'bench', bench.file)], { cwd: root, stdio: 'inherit', env: { ...process.env, GRILLE_SKIP_BUILD: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  const failure = run.error ? run.error.message : run.signal ? `arrêté par ${run.signal}` : run.status !== 0 ? `code de sortie ${run.status}` : null;
  outcomes.push({ bench, seconds, failure });
  progress(`${bench.id} ${failure ? `✗ ${failure}` : '✓'} en ${seconds.toFixed(0)} s`);
}

console.log('\nBancs');
for (const { bench, seconds, failure } of outcomes) {
  console.log(`${failure ? '✗' : '✓'} ${bench.id.padEnd(12)} ${`${seconds.toFixed(0)} s`.padStart(6)}   ${failure ? `échec : ${failure}, message plus haut (npm run ${bench.script} pour le relancer seul)` : bench.title}`);
}
const failed = outcomes.filter((o) => o.failure);
if (failed.length) {
  console.log(`\n${failed.length} banc(s) en échec sur ${outcomes.length} : ${failed.map((o) => o.bench.id).join(', ')}`);
  process.exitCode = 1;
} else console.log(`\nles ${outcomes.length} bancs sont passés`);
