// Benchmark: the jury workspace's IndexedDB storage (lib/workspace, through Dexie) under a heavy
// season, against the same work done with raw IndexedDB in the same page, same Chromium, same run
// (each bulk load on an origin of its own, see freshOrigin; the reads both on Grille's database).
// The page (bench/workspace/) is bundled from Grille's real modules with Vite and served from
// 127.0.0.1, IndexedDB needing a real origin. Run with `npm run bench:workspace`; a quick check:
// BENCH_CANDIDATES=50 BENCH_CRITERIA=40 npm run bench:workspace.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, chromiumVersion, ensureChromium, ensureDependencies, root } from '../scripts/setup.mjs';
import { envInt, median, p90, progress, ratio } from './common.mjs';

const env = envInt;
const config = {
  candidates: env('BENCH_CANDIDATES', 500),
  criteria: env('BENCH_CRITERIA', 120),
  seed: env('BENCH_SEED', 2025),
  batch: env('BENCH_BATCH', 50), // evaluations per bulk-load transaction
};
const RUNS = env('BENCH_RUNS', 41);
const SEARCH_RUNS = env('BENCH_SEARCH_RUNS', 9);
const LOAD_ROUNDS = env('BENCH_LOAD_ROUNDS', 2);
const REPLAY = Math.min(env('BENCH_REPLAY', 8), config.candidates);
const QUERIES = (process.env.BENCH_QUERIES ?? 'engagement|tunnel conversion').split('|');

ensureDependencies();
ensureChromium();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

// --- the page, bundled from lib/workspace --------------------------------------------------
const out = mkdtempSync(join(tmpdir(), 'grille-bench-workspace-'));
await build({
  configFile: false,
  root: join(root, 'bench/workspace'),
  base: './',
  logLevel: 'warn',
  build: { outDir: out, emptyOutDir: true, reportCompressedSize: false },
});

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
function serve(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(out) || !types[extname(file)]) return res.writeHead(404).end();
  // Cross-origin isolated: performance.now() is precise to 5 µs instead of 100 µs.
  res.writeHead(200, {
    'content-type': types[extname(file)],
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  createReadStream(file).on('error', () => res.end()).pipe(res);
}
// Chromium keeps all the IndexedDB databases of an origin in one LevelDB: each bulk load gets an
// origin of its own (a new port), so it starts from an empty store, without the previous load's
// deleted rows being compacted under it, and storage.estimate() measures that database alone.
const servers = [];
async function freshOrigin() {
  const server = createServer(serve);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

// A persistent profile on disk: a default Playwright context keeps IndexedDB in memory.
const profile = mkdtempSync(join(tmpdir(), 'grille-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: false,
  env: { ...process.env, LANGUAGE: 'fr' },
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => console.error('erreur de la page :', e));
const call = (method, ...args) => page.evaluate(([m, a]) => window.grilleBench[m](...a), [method, args]);
/** The benchmark page on an origin (a new one by default), with the season generated. */
let fingerprint = null;
async function openPage(origin) {
  origin ??= await freshOrigin();
  await page.goto(origin);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  if (!(await page.evaluate(() => crossOriginIsolated))) console.error('  (page non isolée : performance.now() arrondi à 100 µs)');
  const season = await call('prepare', config);
  fingerprint ??= season.fingerprint;
  if (season.fingerprint !== fingerprint) throw new Error(`saison différente d'une page à l'autre (${season.fingerprint} ≠ ${fingerprint})`);
  return { origin, season };
}
const cleanup = async () => {
  await context.close().catch(() => {});
  for (const server of servers) server.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
};

// --- formatting ----------------------------------------------------------------------------------
const n = (x) => Math.round(x).toLocaleString('fr-FR');
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const s = (x) => `${(x / 1000).toFixed(2)} s`;
const mb = (x) => `${(x / 1048576).toFixed(1)} Mo`;

try {
  // --- the season ------------------------------------------------------------------------------
  progress('génération de la saison');
  const { season } = await openPage();

  progress('vérification de la référence : mêmes magasins et index que la base de Grille');
  const baseline = await call('checkBaseline');
  if (baseline.differences.length) {
    console.error('✗ La base de référence (IndexedDB brut) diffère de celle que Dexie construit à partir de SCHEMA_VERSIONS :');
    for (const line of baseline.differences) console.error(`  ${line}`);
    throw new Error('référence non conforme : les mesures ne compareraient pas le même travail');
  }
  progress(`référence conforme : ${baseline.stores} magasins, mêmes clés et index`);

  progress(`saisie réelle de ${REPLAY} évaluation(s) par les fonctions de Grille`);
  const replay = await call('replay', REPLAY);
  if (replay.mismatches.length) {
    console.error('✗ Les lignes simulées diffèrent de celles écrites par les fonctions de Grille :');
    for (const m of replay.mismatches.slice(0, 3)) console.error(`  ${m}`);
    process.exitCode = 1;
  }

  // Alternating which side loads first; the reads below run on the last database Grille loaded.
  const loads = { grille: [], raw: [] };
  let grilleOrigin = null;
  let last = null;
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const side of round % 2 === 0 ? ['raw', 'grille'] : ['grille', 'raw']) {
      progress(`chargement ${side === 'grille' ? 'Grille (Dexie)' : 'référence (IndexedDB brut)'}${LOAD_ROUNDS > 1 ? `, tour ${round + 1}/${LOAD_ROUNDS}` : ''}`);
      const { origin } = await openPage();
      loads[side].push(await call('load', side));
      if (side === 'grille') grilleOrigin = origin;
      last = side;
    }
  }
  if (last !== 'grille') {
    await openPage(grilleOrigin);
    await call('attach');
  }
  const stored = await call('openForReads');
  progress(`ouverture d'une évaluation ×${RUNS}`);
  const open = await call('open', RUNS);
  progress(`liste des évaluations ×${RUNS}`);
  const list = await call('list', RUNS);
  const searches = [];
  for (const q of QUERIES) {
    progress(`recherche « ${q} » ×${SEARCH_RUNS}`);
    searches.push({ q, ...(await call('search', q, SEARCH_RUNS)) });
  }
  progress(`recherche « ${QUERIES[0]} » dans une évaluation ×${SEARCH_RUNS}`);
  const searchIn = await call('searchIn', QUERIES[0], SEARCH_RUNS);
  await call('finish');

  // --- report --------------------------------------------------------------------------------------
  const c = season.counts;
  console.log(`\nBanc de l'espace jury (IndexedDB) — ${chromiumVersion()}, page servie par http://127.0.0.1, graine ${config.seed}`);
  console.log(
    `saison : ${n(c.candidates)} candidats × 1 évaluation × ${config.criteria} critères → ${n(c.assessments)} appréciations ` +
      `(${n(season.observations.count)} observations de ${season.observations.min} à ${season.observations.max} caractères, moyenne ${n(season.observations.mean)}), ` +
      `${n(c.evidence)} preuves, ${n(c.decisions)} décisions, ${n(c.history)} lignes d'historique : ${n(season.rows)} lignes`,
  );
  console.log(
    `index *words : ${n(season.wordEntries)} entrées (${(season.wordEntries / c.assessments).toFixed(1)} mots par observation, ${n(season.distinctWords)} mots distincts, ` +
      `${Math.round((season.shortWords / season.wordEntries) * 100)} % de 2 ou 3 lettres)`,
  );
  console.log(`exemple : « ${season.sample} »`);

  const d = replay.durations;
  const perAction = replay.totalMs / replay.actions;
  console.log(`\nSaisie réelle par les fonctions de Grille (une transaction par action, comme un juré) : ${replay.evaluations} évaluation(s), ${n(replay.actions)} actions en ${s(replay.totalMs)}`);
  console.log(`par action : médiane ${ms(median(d))}, p90 ${ms(p90(d))} — ${Object.entries(replay.byKind).map(([k, xs]) => `${k} ${ms(median(xs))}`).join(', ')}`);
  console.log(
    `lignes écrites ${replay.mismatches.length ? `DIFFÉRENTES de celles du chargement en bloc (${replay.mismatches.length} évaluations) ✗` : 'identiques à celles du chargement en bloc ✓'} ; ` +
      `toute la saison (${n(season.actions)} actions) à ce rythme : ≈ ${((season.actions * perAction) / 60000).toFixed(1)} min`,
  );

  const W = 38;
  const line = (label, grille, baseline, r) => console.log(`${label.padEnd(W)} ${grille.padEnd(W)} ${baseline.padEnd(W)} ${r}`);
  const timed = (xs) => `médiane ${ms(median(xs))}, p90 ${ms(p90(xs))}`;
  const lg = loads.grille.map((l) => l.ms);
  const lr = loads.raw.map((l) => l.ms);
  const rows = loads.grille[0].rows;
  console.log('');
  line('', 'Grille (Dexie)', 'référence (IndexedDB brut)', 'ratio');
  line('1. chargement de la saison', `${s(median(lg))} — ${n(rows / (median(lg) / 1000))} lignes/s`, `${s(median(lr))} — ${n(rows / (median(lr) / 1000))} lignes/s`, ratio(median(lg), median(lr)));
  console.log(
    `   ${n(rows)} lignes, ${season.transactions} transaction${season.transactions > 1 ? 's' : ''} de ${config.batch} évaluations, chaque chargement dans une origine vierge` +
      (LOAD_ROUNDS > 1 ? ` ; médiane de ${LOAD_ROUNDS} tours : Grille ${lg.map(s).join(', ')} ; référence ${lr.map(s).join(', ')}` : ''),
  );
  line("2. ouverture d'une évaluation", timed(open.grille), timed(open.baseline), ratio(median(open.grille), median(open.baseline)));
  console.log(`   ${RUNS} mesures alternées sur des évaluations tirées au hasard, ${n(open.rows)} lignes chacune (ligne, candidat, appréciations, preuves, décisions, historique)`);
  line('3. liste des évaluations', timed(list.grille), timed(list.baseline), ratio(median(list.grille), median(list.baseline)));
  console.log(`   ${RUNS} mesures alternées ; ${n(list.count)} évaluations avec nom et avancement (${list.first.join(' ; ')}…)`);
  for (const [i, r] of searches.entries()) {
    line(`${i === 0 ? '4.' : '  '} recherche « ${r.q} »`, timed(r.grille), timed(r.baseline), ratio(median(r.grille), median(r.baseline)));
    console.log(
      `   ${r.hits.grille === r.hits.baseline && r.hits.same ? `${n(r.hits.grille)} résultats des deux côtés ✓` : `résultats DIFFÉRENTS ✗ : Grille ${n(r.hits.grille)}, référence ${n(r.hits.baseline)}`} ; ` +
        `Grille parcourt l'index *words sur « ${r.pivot}* » (${Object.entries(r.termEntries).map(([t, k]) => `${t}* : ${n(k)} entrées`).join(', ')}) ; la référence replie les ${n(c.assessments)} observations`,
    );
    if (!r.hits.same) process.exitCode = 1;
  }
  line(`   « ${QUERIES[0]} » dans une évaluation`, timed(searchIn.grille), timed(searchIn.baseline), ratio(median(searchIn.grille), median(searchIn.baseline)));
  console.log(
    `   searchObservations(…, evaluationId) ; la référence lit les ${config.criteria} appréciations de l'évaluation (index evaluationId) ; ` +
      `résultats ${searchIn.same ? 'identiques ✓' : 'DIFFÉRENTS ✗'} (${searchIn.hits} dans la dernière)`,
  );
  if (!searchIn.same) process.exitCode = 1;
  console.log(`   ${SEARCH_RUNS} mesures alternées par recherche`);

  const ug = median(loads.grille.map((l) => l.usage));
  const ur = median(loads.raw.map((l) => l.usage));
  console.log(
    `\nTaille de la base (navigator.storage.estimate, origine vierge, après chargement) : Grille ${mb(ug)}, référence ${mb(ur)} (${ratio(ug, ur)}), ` +
      `soit ${(ug / c.evaluations / 1024).toFixed(0)} Ko par évaluation ; après les mesures de lecture : ${mb(stored.usage.usage)}`,
  );
  console.log(`durée totale : ${elapsed()}`);
} finally {
  await cleanup();
}
