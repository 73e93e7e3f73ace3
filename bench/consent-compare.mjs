// Benchmark: Grille's consent-banner heuristics against @duckduckgo/autoconsent on the consent
// corpus (tests/fixtures/consent/*.html, each page stating its truth), in real Chromium.
// - Grille: the built analyzer (.output/chrome-mv3/analyzer.js) injected as the tests do, 1.5 s
//   after load (a juror analyses a loaded page); banner = found and visible; refuse path = a
//   « refuse » button at the first level, then clicked to check it really refuses.
// - autoconsent: its Playwright content script and rules (docs/puppeteer.md), autoAction optOut,
//   no cosmetic rules and no prehiding (hiding a banner is not refusing it), once with its rules
//   only and once with its heuristic detector in 'reject' mode (never clicks « accept »).
// - The adopted integration: Grille's own /autoconsent.js (entrypoints/autoconsent.ts, compact
//   rules, heuristic 'reject') injected after load as « Refuser avec autoconsent » does; and the
//   walkthrough's step 2 as adopted: Grille's named refuse button or autoconsent, whichever works.
// A refusal counts only when the page itself recorded it (its grille_consent cookie = refuse).
// Run with `npm run bench:consent`; BENCH_JSON=1 prints the raw results as JSON too.
import http from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium, ensureDependencies, must, root } from '../scripts/setup.mjs';
import { ensureBuilt, progress } from './common.mjs';
import { autoconsentRun, grilleRun, integratedRun } from './consent/runners.mjs';

const AUTOCONSENT_VERSION = '16.23.0';
const CORPUS = join(root, 'tests/fixtures/consent');

ensureDependencies();
ensureChromium();
ensureBuilt();

/** The autoconsent package: Grille's dependency (node_modules), else fetched once by `npm pack` into a cache. */
function autoconsentDir() {
  try {
    // Its exports hide package.json: climb from the CommonJS entry (dist/autoconsent.cjs.js).
    return join(createRequire(import.meta.url).resolve('@duckduckgo/autoconsent'), '..', '..');
  } catch {
    const cache = join(root, 'node_modules/.cache/grille-bench', `autoconsent-${AUTOCONSENT_VERSION}`);
    if (!existsSync(join(cache, 'package/package.json'))) {
      progress(`téléchargement de @duckduckgo/autoconsent@${AUTOCONSENT_VERSION} (npm pack)`);
      mkdirSync(cache, { recursive: true });
      must('npm', ['pack', `@duckduckgo/autoconsent@${AUTOCONSENT_VERSION}`, '--pack-destination', cache, '--silent']);
      must('tar', ['xzf', join(cache, `duckduckgo-autoconsent-${AUTOCONSENT_VERSION}.tgz`), '-C', cache]);
    }
    return join(cache, 'package');
  }
}

const acDir = autoconsentDir();
const acVersion = JSON.parse(readFileSync(join(acDir, 'package.json'), 'utf8')).version;
const acScript = readFileSync(join(acDir, 'dist/autoconsent.playwright.js'), 'utf8');
const acRules = JSON.parse(readFileSync(join(acDir, 'rules/rules.json'), 'utf8'));
const analyzerSource = readFileSync(join(root, '.output/chrome-mv3/analyzer.js'), 'utf8');
const integratedSource = readFileSync(join(root, '.output/chrome-mv3/autoconsent.js'), 'utf8');

// --- the corpus, served on loopback -------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const server = http.createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
  const path = join(CORPUS, name);
  if (name.includes('..') || !existsSync(path) || !statSync(path).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

function truthOf(file) {
  const m = /<!--\s*truth:\s*banner=(yes|no)\s+refuse=(1|2|none)\s+cmp=(.*?)\s*-->/.exec(readFileSync(join(CORPUS, file), 'utf8'));
  if (!m) throw new Error(`${file} : commentaire « truth » absent ou illisible`);
  return { banner: m[1] === 'yes', refuse: m[2] === 'none' ? null : Number(m[2]), cmp: m[3] };
}

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const results = [];
try {
  for (const file of files) {
    progress(file);
    const url = `${origin}/${file}`;
    const truth = truthOf(file);
    const grille = await grilleRun(browser, url, analyzerSource);
    const rules = await autoconsentRun(browser, url, acScript, acRules, 'off');
    const heuristic = await autoconsentRun(browser, url, acScript, acRules, 'reject');
    const integrated = await integratedRun(browser, url, integratedSource);
    // Step 2 of the walkthrough as adopted: the juror clicks the refuse button Grille names, or
    // lets autoconsent refuse. Detection stays Grille's own.
    const adopted = { banner: grille.banner, claimedRefuse: grille.claimedRefuse || integrated.claimedRefuse, refused: grille.refused || integrated.refused };
    results.push({ file, truth, grille, rules, heuristic, integrated, adopted });
  }
} finally {
  await browser.close();
  server.close();
}

// --- the report ---------------------------------------------------------------------------------
const yes = (b) => (b ? 'oui' : 'non');
const truthRefuse = (t) => (t.refuse === null ? 'aucun' : `${t.refuse} étape${t.refuse > 1 ? 's' : ''}`);
const grilleCell = (g) => `${g.banner ? 'bandeau' : '—'} / ${g.refuseLabel ? `refus « ${g.refuseLabel} »${g.refused ? ' ✓' : ' ✗'}` : 'pas de refus 1er niveau'}`;
const acCell = (a) => `${a.popup ? `popup ${a.cmp}` : a.cmp ? `CMP ${a.cmp} (pas de popup)` : '—'} / ${a.optOut === null ? 'pas d’optOut' : a.optOut ? `optOut ok, ${a.clicks} clic(s)${a.refused ? ' ✓' : ' ✗'}` : 'optOut échoue'}`;

console.log(`\nBandeaux de consentement — Grille contre @duckduckgo/autoconsent ${acVersion} (${files.length} pages, tests/fixtures/consent)\n`);
console.log('| page | vérité : bandeau / refus | Grille : bandeau / refus | autoconsent (règles) | autoconsent (règles + heuristique « reject ») | autoconsent intégré à Grille (/autoconsent.js) |');
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.file} | ${yes(r.truth.banner)} / ${truthRefuse(r.truth)} | ${grilleCell(r.grille)} | ${acCell(r.rules)} | ${acCell(r.heuristic)} | ${acCell(r.integrated)} |`);

const withBanner = results.filter((r) => r.truth.banner);
const withoutBanner = results.filter((r) => !r.truth.banner);
const refusable = results.filter((r) => r.truth.refuse !== null);
const oneStep = results.filter((r) => r.truth.refuse === 1);
const twoSteps = results.filter((r) => r.truth.refuse === 2);
const unrefusable = withBanner.filter((r) => r.truth.refuse === null);
const count = (list, pick, test) => list.filter((r) => test(pick(r))).length;
const tools = [
  ['Grille', (r) => r.grille],
  ['autoconsent (règles)', (r) => r.rules],
  ['autoconsent (règles + heuristique)', (r) => r.heuristic],
  ['autoconsent intégré (/autoconsent.js, règles compactes)', (r) => r.integrated],
  ['Grille + autoconsent intégré (adopté)', (r) => r.adopted],
];
console.log('\n| outil | bandeaux détectés | faux bandeaux | refus trouvés et effectifs | dont en 1 étape | dont en 2 étapes | refus annoncés à tort |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, pick] of tools) {
  const detected = count(withBanner, pick, (x) => x.banner);
  const falseBanners = count(withoutBanner, pick, (x) => x.banner);
  const refused = count(refusable, pick, (x) => x.refused);
  const refused1 = count(oneStep, pick, (x) => x.refused);
  const refused2 = count(twoSteps, pick, (x) => x.refused);
  const wrong = results.filter((r) => (pick(r).claimedRefuse && !pick(r).refused) || (r.truth.refuse === null && pick(r).refused)).length;
  console.log(`| ${name} | ${detected}/${withBanner.length} | ${falseBanners}/${withoutBanner.length} | ${refused}/${refusable.length} | ${refused1}/${oneStep.length} | ${refused2}/${twoSteps.length} | ${wrong} |`);
}
console.log(`\nPages sans refus possible : ${unrefusable.map((r) => r.file).join(', ') || '—'}.`);

const size = (path) => {
  const buf = readFileSync(path);
  return `${(buf.length / 1024).toFixed(0)} Kio (${(gzipSync(buf).length / 1024).toFixed(0)} Kio gzip)`;
};
console.log(`\nTaille d’autoconsent ${acVersion} à injecter : script ${size(join(acDir, 'dist/autoconsent.playwright.js'))}, règles complètes rules.json ${size(join(acDir, 'rules/rules.json'))}, règles compactes compact-rules.json ${size(join(acDir, 'rules/compact-rules.json'))}.`);
console.log(`Injecté par Grille au clic « Refuser avec autoconsent » : /autoconsent.js ${size(join(root, '.output/chrome-mv3/autoconsent.js'))} ; analyseur de Grille (axe-core compris) : ${size(join(root, '.output/chrome-mv3/analyzer.js'))}.`);
if (process.env.BENCH_JSON === '1') console.log(JSON.stringify(results, null, 2));
