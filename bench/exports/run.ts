// The exports benchmark, run by bench/exports.mjs under tsx (Node, fake-indexeddb): seeds a
// session through Grille's workspace functions, then produces every format for it and times it
// against JSON.stringify of the same records, measured in the same run.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { blocsCsv, criteriaCsv } from '@/lib/export/csv';
import { recordToDocx } from '@/lib/export/docx';
import { feedbackToDocx, feedbackToMarkdown, feedbackToPdf } from '@/lib/export/feedback';
import { recordToPdf } from '@/lib/export/pdf';
import { buildEvaluationRecord, buildSessionRecords, type EvaluationRecord } from '@/lib/export/record';
import { Certification } from '@/lib/referentiels/schema';
import { WorkspaceDb } from '@/lib/workspace/db';
import { makePng, seedBenchSession } from '../../tests/fixtures/export-session';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} doit être un entier positif (reçu : ${process.env[name]})`);
  return value;
};
const EVALUATIONS = env('BENCH_EVALUATIONS', 100);
const OBSERVATION = env('BENCH_OBSERVATION', 300);
const SEED = env('BENCH_SEED', 2025);
const CERTIFICATION = process.env.BENCH_CERTIFICATION ?? 'chef-de-projet-marketing-communication';
const BLOC = process.env.BENCH_BLOC ?? '3';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const progress = (step: string) => console.error(`  … ${step} (${elapsed()})`);

// --- formatting -----------------------------------------------------------------------------
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const size = (x: number) => (x >= 1048576 ? `${(x / 1048576).toFixed(1)} Mo` : `${(x / 1024).toFixed(1)} ko`);
const ratio = (a: number, b: number) => `×${(a / b).toFixed(a / b < 10 ? 2 : 1)}`;

// --- the session ------------------------------------------------------------------------------
const certification = Certification.parse(JSON.parse(readFileSync(new URL(`../../lib/referentiels/data/${CERTIFICATION}.json`, import.meta.url), 'utf8')));
const bloc = certification.blocs.find((b) => b.code === BLOC) ?? certification.blocs[0]!;
// A 1280 × 720 screenshot of a mostly flat page with a photo: ≈ 50 kB of PNG.
const screenshot = makePng(1280, 720, 47_000, SEED);
const db = new WorkspaceDb(`bench-exports-${SEED}`);
progress(`saisie de ${EVALUATIONS} évaluations par les fonctions de Grille (bloc ${bloc.code}, ${bloc.criteria.length} critères)`);
const seedStart = performance.now();
const ids = await seedBenchSession(db, { certification, blocId: bloc.id, evaluations: EVALUATIONS, observationLength: OBSERVATION, screenshot, seed: SEED });
const seedMs = performance.now() - seedStart;

// --- measures ------------------------------------------------------------------------------------
interface Measure {
  label: string;
  times: number[];
  sizes: number[];
  gzip: number;
}

/** Times `make` on every record, after one untimed warm-up run on the first three. */
async function measure(label: string, records: EvaluationRecord[], make: (r: EvaluationRecord) => Promise<Uint8Array | string> | Uint8Array | string): Promise<Measure> {
  progress(label);
  for (const r of records.slice(0, 3)) await make(r);
  const times: number[] = [];
  const sizes: number[] = [];
  let gzip = 0;
  for (const r of records) {
    const t = performance.now();
    const out = await make(r);
    times.push(performance.now() - t);
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    sizes.push(bytes.length);
    gzip += gzipSync(bytes).length;
  }
  return { label, times, sizes, gzip };
}

progress('lecture des évaluations (enregistrements avec captures)');
const readTimes: number[] = [];
const records: EvaluationRecord[] = [];
for (const id of ids) {
  const t = performance.now();
  records.push(await buildEvaluationRecord(db, id, [certification]));
  readTimes.push(performance.now() - t);
}

/** The baseline: the same record as JSON, screenshots as base64 (JSON holds no bytes). */
const asJson = (r: EvaluationRecord) =>
  JSON.stringify(r, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value));

const baseline = await measure('référence : JSON.stringify', records, asJson);
const results = [
  await measure('procès-verbal DOCX', records, (r) => recordToDocx(r)),
  await measure('procès-verbal PDF', records, (r) => recordToPdf(r)),
  await measure('retour au candidat Markdown', records, (r) => feedbackToMarkdown(r)),
  await measure('retour au candidat DOCX', records, (r) => feedbackToDocx(r)),
  await measure('retour au candidat PDF', records, (r) => feedbackToPdf(r)),
];

// The session CSV: one run over all evaluations, reading included (without screenshots), against JSON of the same records.
progress('synthèse de session CSV');
const csvRuns = 5;
const csvTimes: number[] = [];
const jsonTimes: number[] = [];
let csv = { criteria: '', blocs: '' };
let sessionJson = '';
for (let n = 0; n < csvRuns; n++) {
  const t0 = performance.now();
  const light = await buildSessionRecords(db, [certification], ids);
  const t1 = performance.now();
  csv = { criteria: criteriaCsv(light), blocs: blocsCsv(light) };
  const t2 = performance.now();
  sessionJson = JSON.stringify(light);
  const t3 = performance.now();
  csvTimes.push(t2 - t1);
  jsonTimes.push(t3 - t2);
  if (n === 0) progress(`  lecture de la session sans captures : ${ms(t1 - t0)}`);
}

// --- sanity: what was produced is what it claims to be ---------------------------------------------
const head = async (make: () => Promise<Uint8Array>) => new TextDecoder('latin1').decode((await make()).slice(0, 5));
const checks = [
  (await head(() => recordToPdf(records[0]!))) === '%PDF-',
  (await head(() => recordToDocx(records[0]!))).startsWith('PK'),
  csv.criteria.startsWith('\uFEFF') && csv.criteria.split('\r\n').length - 2 === EVALUATIONS * bloc.criteria.length,
  csv.blocs.split('\r\n').length - 2 === EVALUATIONS,
];
if (checks.some((ok) => !ok)) {
  console.error(`✗ fichiers produits incorrects : ${checks.join(', ')}`);
  process.exitCode = 1;
}

// --- report ----------------------------------------------------------------------------------------------
const r0 = records[0]!;
const observations = records.flatMap((r) => r.blocs.flatMap((b) => b.groups.flatMap((g) => g.criteria.map((c) => c.observation.length))));
console.log(`\nBanc des exports — Node ${process.version}, fake-indexeddb, graine ${SEED}`);
console.log(
  `session : ${EVALUATIONS} évaluations × bloc ${bloc.code} de « ${certification.title} » (${bloc.criteria.length} critères, ${bloc.competencies.length} compétences), ` +
    `observations de ${Math.min(...observations)} à ${Math.max(...observations)} caractères, ${r0.evidence.length} preuves par évaluation dont une capture PNG ` +
    `${screenshot.length.toLocaleString('fr-FR')} octets (1280 × 720), une décision motivée par bloc`,
);
console.log(`saisie par les fonctions de Grille : ${(seedMs / 1000).toFixed(1)} s ; lecture d'une évaluation (enregistrement + capture) : médiane ${ms(median(readTimes))}, p90 ${ms(p90(readTimes))}`);

const W = [30, 9, 28, 12, 10, 10, 11, 11];
const row = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(W[i]!)).join(' '));
console.log('');
row(['format', 'total', 'par document', 'taille tot.', 'moyenne', 'gzip', 'temps/JSON', 'taille/JSON']);
const jsonSize = sum(baseline.sizes);
const line = (m: Measure) =>
  row([
    m.label,
    `${(sum(m.times) / 1000).toFixed(2)} s`,
    `méd. ${ms(median(m.times))}, p90 ${ms(p90(m.times))}`,
    size(sum(m.sizes)),
    size(sum(m.sizes) / m.sizes.length),
    size(m.gzip),
    ratio(median(m.times), median(baseline.times)),
    ratio(sum(m.sizes), jsonSize),
  ]);
line(baseline);
for (const m of results) line(m);
const csvSize = new TextEncoder().encode(csv.criteria).length + new TextEncoder().encode(csv.blocs).length;
row([
  'synthèse de session CSV (×2)',
  `${(median(csvTimes) / 1000).toFixed(3)} s`,
  `méd. de ${csvRuns} : ${ms(median(csvTimes))}`,
  size(csvSize),
  '—',
  size(gzipSync(csv.criteria).length + gzipSync(csv.blocs).length),
  ratio(median(csvTimes), median(jsonTimes)),
  ratio(csvSize, new TextEncoder().encode(sessionJson).length),
]);
console.log(
  `\n« temps/JSON » : médiane par document rapportée à celle de JSON.stringify du même enregistrement (${ms(median(baseline.times))}, captures en base64) ; ` +
    `pour le CSV, la session entière contre JSON.stringify des mêmes enregistrements sans captures (${ms(median(jsonTimes))}, ${size(new TextEncoder().encode(sessionJson).length)}). ` +
    `La lecture IndexedDB n'est pas comptée dans les formats (voir « lecture d'une évaluation »).`,
);
console.log(`CSV : ${(csv.criteria.split('\r\n').length - 2).toLocaleString('fr-FR')} lignes critère + ${csv.blocs.split('\r\n').length - 2} lignes bloc ; vérifications ${checks.every(Boolean) ? '✓' : '✗'}`);
console.log(`durée totale : ${elapsed()}`);
