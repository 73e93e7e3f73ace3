// Benchmark: time from opening Grille's side panel to the first bloc's criteria being visible,
// with all five référentiels bundled, against a static HTML page listing the same criteria,
// both opened as pages of the same extension in the same Chromium, in the same run, alternated.
// Also: the JavaScript the panel loads to open, gzipped — what its HTML loads plus every chunk the
// browser fetched while the panel started (the page's requests, as Playwright sees them), and the
// built extension's size per entrypoint. Goals (issue 13): ≤ ×1.3 the static page, ≤ 200 kB.
// Run with `npm run bench:panel` (BENCH_RUNS=25 openings of each by default).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium, ensureDependencies, root } from '../scripts/setup.mjs';
import { ensureBuilt, envInt, median, progress } from './common.mjs';

const RUNS = envInt('BENCH_RUNS', 25);
const RATIO_GOAL = 1.3;
const JS_GOAL_KB = 200;
ensureDependencies();
ensureChromium();
ensureBuilt();
const build = join(root, '.output/chrome-mv3');

// --- sizes on disk ---------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const html = readFileSync(join(build, 'sidepanel.html'), 'utf8');
const htmlAssets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const entrypoints = {
  background: ['background.js'],
  sidepanel: ['sidepanel.html', ...htmlAssets],
};
console.log('\nTaille de l\'extension construite (Chrome MV3), par point d\'entrée (ce que charge le HTML)');
console.log('point d\'entrée   brut        gzip');
for (const [name, files] of Object.entries(entrypoints)) {
  const raw = files.reduce((sum, f) => sum + statSync(join(build, f)).size, 0);
  const zipped = files.reduce((sum, f) => sum + gz(join(build, f)), 0);
  console.log(`${name.padEnd(16)} ${kb(raw).padStart(10)}  ${kb(zipped).padStart(10)}   (${files.join(', ')})`);
}
const dataDir = join(root, 'lib/referentiels/data');
const data = readdirSync(dataDir).filter((f) => f.endsWith('.json'));
const dataRaw = data.reduce((s, f) => s + statSync(join(dataDir, f)).size, 0);
const dataGz = data.reduce((s, f) => s + gz(join(dataDir, f)), 0);
console.log(`référentiels      ${kb(dataRaw).padStart(9)}  ${kb(dataGz).padStart(10)}   (${data.length} fichiers JSON)`);

// --- time to first criteria ------------------------------------------------------------------
// The same certification and bloc as the panel will open, as a plain HTML list.
const certs = data.map((f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8'))).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
const cert = certs[0];
const bloc = cert.blocs[0];
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const dir = mkdtempSync(join(tmpdir(), 'grille-bench-'));
cpSync(build, dir, { recursive: true });
writeFileSync(
  join(dir, 'bench-static.html'),
  `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${escape(cert.title)}</title><h1>${escape(bloc.title)}</h1><ul>` +
    bloc.criteria.map((k) => `<li data-criterion-id="${k.id}">${escape(k.text)}</li>`).join('') +
    '</ul></html>',
);

const profile = mkdtempSync(join(tmpdir(), 'grille-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: false,
  env: { ...process.env, LANGUAGE: 'fr' },
  args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const id = new URL(worker.url()).host;
// The juror's last choice is remembered: the panel opens straight on this bloc.
await worker.evaluate(([c, b]) => chrome.storage.local.set({ 'grille:selection': { certificationId: c, blocId: b } }), [cert.id, bloc.id]);

async function timeToCriteria(page, url) {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelectorAll('[data-criterion-id]').length > 0, null, { polling: 'raf' });
  return page.evaluate(() => performance.now());
}


progress('mise en route : 3 ouvertures de chaque, non comptées');
const page = await context.newPage();
const panelUrl = `chrome-extension://${id}/sidepanel.html`;
const staticUrl = `chrome-extension://${id}/bench-static.html`;
for (let i = 0; i < 3; i++) {
  await timeToCriteria(page, panelUrl);
  await timeToCriteria(page, staticUrl);
}
const panel = [];
const baseline = [];
for (let i = 0; i < RUNS; i++) {
  if (i % 5 === 0) progress(`ouvertures alternées ${i + 1} à ${Math.min(i + 5, RUNS)} sur ${RUNS}`);
  // Which page opens first alternates too: neither always follows the other.
  if (i % 2 === 0) {
    panel.push(await timeToCriteria(page, panelUrl));
    baseline.push(await timeToCriteria(page, staticUrl));
  } else {
    baseline.push(await timeToCriteria(page, staticUrl));
    panel.push(await timeToCriteria(page, panelUrl));
  }
}

// What one opening fetches (the browser's requests): until the criteria show, then until two
// seconds pass with no new file. The panel opens in a fresh page, with nothing cached in it.
progress('fichiers chargés à l’ouverture');
const fresh = await context.newPage();
const fetched = [];
fresh.on('request', (request) => {
  const path = new URL(request.url()).pathname.replace(/^\//, '');
  if (/\.(js|css)$/.test(path)) fetched.push(path);
});
await timeToCriteria(fresh, panelUrl);
const criteriaShown = await fresh.locator('[data-criterion-id]').count();
for (let quiet = 0, seen = -1; quiet < 4; seen = fetched.length) {
  await fresh.waitForTimeout(500);
  quiet = fetched.length === seen ? quiet + 1 : 0;
}
await context.close();
rmSync(dir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

// --- report ------------------------------------------------------------------------------------
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const spread = (xs, unit = ' ms', digits = 1) => `min ${Math.min(...xs).toFixed(digits)}${unit}  p10 ${quantile(xs, 0.1).toFixed(digits)}${unit}  p90 ${quantile(xs, 0.9).toFixed(digits)}${unit}  max ${Math.max(...xs).toFixed(digits)}${unit}`;
const pairs = panel.map((p, i) => p / baseline[i]);
const ratio = median(panel) / median(baseline);

console.log(`\nOuverture du panneau → critères du premier bloc visibles (${RUNS} ouvertures alternées de chaque, ms depuis le début de la navigation)`);
console.log(`certification : ${cert.title} — bloc ${bloc.code}, ${bloc.criteria.length} critères (${criteriaShown} affichés) ; ${certs.length} référentiels fournis`);
console.log(`panneau Grille      médiane ${median(panel).toFixed(1)} ms   ${spread(panel)}`);
console.log(`page HTML statique  médiane ${median(baseline).toFixed(1)} ms   ${spread(baseline)}`);
console.log(`ratio par paire     médiane ×${median(pairs).toFixed(2)}   ${spread(pairs, '', 2).replace(/(\d+\.\d+)/g, '×$1')}`);
console.log(`ratio (médianes)    ×${ratio.toFixed(2)}   objectif ≤ ×${RATIO_GOAL.toFixed(2)} : ${verdict(ratio <= RATIO_GOAL)}`);

const inHtml = new Set(htmlAssets);
const startup = [...new Set(fetched)].filter((f) => !inHtml.has(f));
const sizeOf = (files) => files.reduce((sum, f) => sum + gz(join(build, f)), 0);
const htmlGz = gz(join(build, 'sidepanel.html')) + sizeOf(htmlAssets);
const startupGz = sizeOf(startup);
const missed = htmlAssets.filter((f) => !fetched.includes(f));
console.log(`\nJavaScript et CSS chargés à l'ouverture du panneau (gzip -9, fichiers de la construction)`);
console.log(`chargés par le HTML        ${kb(htmlGz).padStart(9)}   (sidepanel.html, ${htmlAssets.join(', ')})`);
console.log(`chargés au démarrage       ${kb(startupGz).padStart(9)}   (${startup.length ? startup.map((f) => `${f} ${kb(gz(join(build, f)))}`).join(', ') : 'aucun'})`);
if (missed.length) console.log(`  (annoncés par le HTML mais non demandés par le navigateur : ${missed.join(', ')})`);
console.log(`total initial              ${kb(htmlGz + startupGz).padStart(9)}   objectif ≤ ${JS_GOAL_KB} kB : ${verdict(htmlGz + startupGz <= JS_GOAL_KB * 1024)}`);
