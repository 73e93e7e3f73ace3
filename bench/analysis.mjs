// Benchmark: what a juror waits for after « Analyser la page », against axe-core doing the same
// RGAA work, at 1,000 to 50,000 elements, in the same Chromium, in the same run, alternating.
// - Grille: the real extension's analyzeTab from an extension page (bench/analysis/panel.ts):
//   injecting the analyzer, the snapshot, the RGPD facts and axe's RGAA rules in the page, the
//   transfer of the result to the panel and its validation, then the SEO, eco and RGPD rules and
//   the RGAA grouping (allFindings).
// - Baseline: axe-core alone with Grille's options (lib/rgaa/page/axe-run.ts), injected and answered
//   through the same extension API, its full results transferred to the same page.
// - Each snapshot collector timed on its own (bench/analysis/collectors.ts): its growth slope
//   between sizes says whether it grows faster than the page.
// Run with `npm run bench:analysis`; BENCH_SIZES=1000,10000 BENCH_RUNS=3 for a quick check.
import http from 'node:http';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, ensureChromium, ensureDependencies, root } from '../scripts/setup.mjs';
import { envInt, ensureBuilt, fr, median, progress, ratio, slope } from './common.mjs';
import { largePage } from './analysis/large-page.mjs';

const RUNS = envInt('BENCH_RUNS', 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,20000,50000').split(',').map(Number);
if (SIZES.some((n) => !Number.isInteger(n) || n < 100)) {
  console.error(`BENCH_SIZES : des nombres d'éléments séparés par des virgules, chacun ≥ 100 (reçu : ${process.env.BENCH_SIZES})`);
  process.exit(1);
}
const GOAL = 1.3;
ensureDependencies();
ensureChromium();
ensureBuilt();

// --- a copy of the build with access to the bench's host, the bench page and axe ---------------
progress('copie de l’extension avec la page du banc');
const dir = mkdtempSync(join(tmpdir(), 'grille-bench-analysis-'));
cpSync(join(root, '.output/chrome-mv3'), dir, { recursive: true });
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
// Standing for the juror's « Autoriser ce site »: headless Chromium cannot answer the prompt.
manifest.host_permissions = ['http://127.0.0.1/*'];
writeFileSync(manifestPath, JSON.stringify(manifest));
const shared = { configFile: false, logLevel: 'warn', resolve: { alias: { '@': root } }, define: { 'import.meta.env.FIREFOX': 'false', 'process.env.NODE_ENV': '"production"' } };
await build({ ...shared, root: join(root, 'bench/analysis'), base: './', build: { outDir: join(dir, 'bench'), emptyOutDir: true, reportCompressedSize: false, rollupOptions: { input: join(root, 'bench/analysis/panel.html') } } });
copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(dir, 'bench/axe.min.js'));
const [bundle] = await build({ ...shared, build: { write: false, reportCompressedSize: false, lib: { entry: join(root, 'bench/analysis/collectors.ts'), formats: ['iife'], name: 'grilleCollectorsBundle', fileName: () => 'collectors.js' } } });
const collectorsSource = bundle.output[0].code;

// --- the pages ----------------------------------------------------------------------------------
const pages = new Map();
const server = http.createServer((req, res) => {
  const n = Number(/^\/page\/(\d+)\//.exec(req.url ?? '')?.[1]);
  if (!pages.has(n)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(pages.get(n));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
for (const n of SIZES) pages.set(n, largePage(n));

const profile = mkdtempSync(join(tmpdir(), 'grille-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: false,
  env: { ...process.env, LANGUAGE: 'fr' },
  args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const cleanup = async () => {
  await context.close().catch(() => {});
  server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
};

let visit = 0;
/** The page of `n` elements, freshly loaded (a new document: nothing injected yet). */
async function fresh(tab, n) {
  const url = `${origin}/page/${n}/${++visit}`;
  await tab.goto(url, { waitUntil: 'load' });
  return url;
}

const results = [];
try {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/bench/panel.html`);
  await panel.waitForSelector('body[data-ready]', { state: 'attached' });
  const tab = await context.newPage();
  const measure = (side, url) => panel.evaluate(([s, u]) => window.analysisBench[s](u), [side, url]);

  progress(`mise en route (${SIZES[0]} éléments, non comptée)`);
  await measure('grille', await fresh(tab, SIZES[0]));
  await measure('axe', await fresh(tab, SIZES[0]));

  for (const n of SIZES) {
    const row = { n, elements: 0, grille: [], axe: [], parts: [], bytes: 0, axeBytes: 0, kept: null, findings: 0, collectors: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const side of run % 2 === 0 ? ['grille', 'axe'] : ['axe', 'grille']) {
        progress(`${fr(n)} éléments — ${side === 'grille' ? 'Grille, analyse complète' : 'axe-core seul, mêmes options'}, passage ${run + 1}/${RUNS}`);
        const out = await measure(side, await fresh(tab, n));
        row[side].push(out.ms);
        if (side === 'grille') {
          row.parts.push(out.parts);
          row.bytes = out.bytes;
          row.kept = out.kept;
          row.findings = out.findings;
        } else row.axeBytes = out.bytes;
      }
    }
    for (let run = 0; run < RUNS; run++) {
      progress(`${fr(n)} éléments — chaque collecteur seul, passage ${run + 1}/${RUNS}`);
      await fresh(tab, n);
      await tab.evaluate(collectorsSource);
      row.collectors.push(await tab.evaluate(() => window.grilleCollectors.time()));
    }
    row.elements = await tab.evaluate(() => document.getElementsByTagName('*').length);
    results.push(row);
  }
} finally {
  await cleanup();
}

// --- report ---------------------------------------------------------------------------------------
const ms = (x) => `${x < 100 ? x.toFixed(1) : fr(x)} ms`;
const pad = (s, n) => String(s).padEnd(n);
const padStart = (s, n) => String(s).padStart(n);
const partOf = (row, key) => median(row.parts.map((p) => p[key]));
console.log(`\nAnalyse d'une page (catalogue de boutique, ${RUNS} passages alternés par taille, médianes), même Chromium, même exécution`);
console.log('Grille : injection, instantané, RGPD et axe RGAA dans la page, transfert au panneau, validation, règles SEO, éco, RGPD (ce qu\'attend le juré)');
console.log('axe-core : ses règles RGAA avec les options de Grille, injecté et interrogé de la même façon, résultats transférés\n');
console.log(`${pad('éléments', 10)}${padStart('Grille', 11)}${padStart('axe seul', 11)}${padStart('ratio', 8)}   dont dans la page · transfert et validation · règles   reçu par le panneau`);
for (const r of results) {
  const g = median(r.grille);
  const a = median(r.axe);
  console.log(
    `${pad(fr(r.elements), 10)}${padStart(ms(g), 11)}${padStart(ms(a), 11)}${padStart(ratio(g, a), 8)}   ` +
      `${ms(partOf(r, 'inPage'))} · ${ms(partOf(r, 'transfer'))} · ${ms(partOf(r, 'findings'))}   ` +
      `${(r.bytes / 1024).toFixed(0)} kB (axe : ${(r.axeBytes / 1024).toFixed(0)} kB ; gardés : ${r.kept.links} liens, ${r.kept.images} images, ${r.kept.forms} formulaires ; ${r.findings} constats)`,
  );
}
const first = results[0];
const last = results.at(-1);
const headline = results.filter((r) => [1000, 10000, 50000].includes(r.n));
console.log(
  `\nGrille / axe mêmes options : ${(headline.length ? headline : results).map((r) => `${ratio(median(r.grille), median(r.axe))} à ${fr(r.elements)}`).join(', ')} éléments` +
    ` — objectif ≤ ×${GOAL} : ${(headline.length ? headline : results).every((r) => median(r.grille) / median(r.axe) <= GOAL) ? 'atteint' : 'non atteint'}`,
);
if (results.length > 1) {
  const growth = (a, b, key) => slope(a.elements, median(a[key]), b.elements, median(b[key])).toFixed(2);
  const steps = results.slice(1).map((r, i) => `${fr(results[i].elements)} → ${fr(r.elements)} : Grille ${growth(results[i], r, 'grille')}, axe ${growth(results[i], r, 'axe')}`);
  console.log(`pente de croissance (log-log, 1 = proportionnelle à la page) : ${fr(first.elements)} → ${fr(last.elements)} : Grille ${growth(first, last, 'grille')}, axe ${growth(first, last, 'axe')}`);
  if (steps.length > 1) console.log(`  par intervalle : ${steps.join(' ; ')}`);
}

// Collectors: slopes between the two largest sizes, where fixed costs no longer hide the growth.
const names = Object.keys(first.collectors[0]);
const col = (r, name) => median(r.collectors.map((c) => c[name]));
console.log(`\nCollecteurs de l'instantané, chacun seul (médianes, ms) et pente entre les tailles (≤ 1,1 : pas plus vite que la page)`);
const pairs = results.slice(1).map((r, i) => [results[i], r]).slice(-2);
console.log(`${pad('collecteur', 18)}${results.map((r) => padStart(fr(r.elements), 10)).join('')}${pairs.map(([a, b]) => padStart(`${fr(a.elements)}→${fr(b.elements)}`, 16)).join('')}`);
let faster = [];
for (const name of names) {
  const slopes = pairs.map(([a, b]) => {
    // Below a millisecond, a timer's grain and the collector's fixed cost are the growth: not a slope.
    if (col(a, name) < 1 || col(b, name) < 1) return null;
    return slope(a.elements, col(a, name), b.elements, col(b, name));
  });
  if (slopes.length && slopes.at(-1) !== null && slopes.at(-1) > 1.1) faster.push(name);
  console.log(`${pad(name, 18)}${results.map((r) => padStart(col(r, name).toFixed(1), 10)).join('')}${slopes.map((s) => padStart(s === null ? '—' : s.toFixed(2), 16)).join('')}`);
}
if (pairs.length) console.log(faster.length ? `plus vite que la page entre les deux plus grandes tailles : ${faster.join(', ')} ✗` : 'aucun collecteur ne croît plus vite que la page ✓');
