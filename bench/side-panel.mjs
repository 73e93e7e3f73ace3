// Benchmark: time from opening Grille's side panel to the first bloc's criteria being visible,
// with all five référentiels bundled, against a static HTML page listing the same criteria,
// both opened as pages of the same extension in the same Chromium, in the same run.
// Also: the built extension's size per entrypoint, gzipped. Run with `npm run bench`.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium, ensureDependencies, root } from '../scripts/setup.mjs';
import { ensureBuilt, envInt, median, p90, progress } from './common.mjs';

const RUNS = envInt('BENCH_RUNS', 25);
ensureDependencies();
ensureChromium();
ensureBuilt();
const build = join(root, '.output/chrome-mv3');

// --- sizes ---------------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const html = readFileSync(join(build, 'sidepanel.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const entrypoints = {
  background: ['background.js'],
  sidepanel: ['sidepanel.html', ...assets],
};
console.log('\nTaille de l\'extension construite (Chrome MV3), par point d\'entrée');
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
console.log(`dont référentiels ${kb(dataRaw).padStart(9)}  ${kb(dataGz).padStart(10)}   (${data.length} fichiers JSON, inclus dans sidepanel)`);

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
  panel.push(await timeToCriteria(page, panelUrl));
  baseline.push(await timeToCriteria(page, staticUrl));
}
const criteriaShown = await (async () => {
  await timeToCriteria(page, panelUrl);
  return page.locator('[data-criterion-id]').count();
})();
await context.close();
rmSync(dir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

console.log(`\nOuverture du panneau → critères du premier bloc visibles (${RUNS} mesures alternées, ms depuis le début de la navigation)`);
console.log(`certification : ${cert.title} — bloc ${bloc.code}, ${bloc.criteria.length} critères (${criteriaShown} affichés) ; ${certs.length} référentiels chargés`);
console.log(`panneau Grille      médiane ${median(panel).toFixed(1)} ms   p90 ${p90(panel).toFixed(1)} ms`);
console.log(`page HTML statique  médiane ${median(baseline).toFixed(1)} ms   p90 ${p90(baseline).toFixed(1)} ms`);
console.log(`ratio (médianes)    ×${(median(panel) / median(baseline)).toFixed(2)}`);
