// Regenerates the stored pages of the AI evaluation set (tests/fixtures/ai/eval-*.facts.json) with
// Grille's real readers: the analyzer (.output/chrome-mv3/analyzer.js) in Chromium for web pages
// and social profiles — served at their own address through request interception, so nothing
// leaves the machine — and the Google Docs adapter (snapshotFromDocsHtml) on a Docs HTML export.
// The pages are tests/fixtures/ai-eval/pages/*.html and two pages of the sample site. A page with
// instructions hidden for the evaluator is read twice: as it is, and without those elements
// (`-clean`), for the harness's injection-resistance figure.
// Run with `node scripts/ai-eval/snapshot-pages.mjs` (builds the extension first unless
// GRILLE_SKIP_BUILD=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { withProjectModules } from '../../bench/ai-tokens/load-modules.mjs';
import { startSampleSite } from '../sample-site.mjs';
import { CHROMIUM, ensureChromium, must, root } from '../setup.mjs';

const PAGES_DIR = join(root, 'tests/fixtures/ai-eval/pages');
const OUT_DIR = join(root, 'tests/fixtures/ai');
const SAMPLE_ORIGIN = 'http://localhost:8080';
const INJECTED = '[data-eval-injected]';

/** name → where it is read from; `clean`: also read without these elements. */
const WEB_PAGES = [
  { name: 'eval-seve-et-sillon-accueil', url: 'https://www.seve-et-sillon.fr/', file: 'seve-et-sillon-accueil.html' },
  { name: 'eval-seve-et-sillon-article', url: 'https://www.seve-et-sillon.fr/conseils/jardin-sans-arrosage/', file: 'seve-et-sillon-article.html' },
  { name: 'eval-fournee-de-jeanne-instagram', url: 'https://www.instagram.com/lafourneedejeanne/', file: 'fournee-de-jeanne-instagram.html' },
  { name: 'eval-ondee-linkedin', url: 'https://www.linkedin.com/company/ondee/', file: 'ondee-linkedin.html' },
  { name: 'eval-maison-lune-ete', url: 'https://www.maison-lune.fr/ete/', file: 'maison-lune-ete.html', clean: INJECTED },
  { name: 'eval-studio-talma-bientot', url: 'https://www.studio-talma.fr/', file: 'studio-talma-bientot.html' },
];
const SAMPLE_PAGES = [
  { name: 'eval-sample-product', path: '/boutique/bougie-figue-cedre/' },
  { name: 'eval-sample-blog-article', path: '/blog/entretenir-sa-bougie/', clean: '.note-ia' },
];
const DOCS = [
  { name: 'eval-maison-lune-dossier', url: 'https://docs.google.com/document/d/1MaisonLuneDossierVeille2025xYz/edit?tab=t.0', file: 'maison-lune-dossier-docs-export.html' },
];

const PIXEL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#ccc"/></svg>';

/** Fixes what varies between runs, so that regenerating only shows real changes. */
function stable(facts) {
  facts.analyzedAt = Date.UTC(2026, 0, 15, 9, 0);
  facts.timings = { snapshotMs: 0, privacyMs: 0, axeMs: 0 };
  if (facts.axe) facts.axe.durationMs = 0;
  facts.navigation.loadTime = 0;
  for (const r of facts.privacy.resources) r.startTime = 0;
  return facts;
}

function write(name, facts, parse, rewrite = (json) => json) {
  const json = rewrite(JSON.stringify(parse(stable(facts)), null, 1));
  writeFileSync(join(OUT_DIR, `${name}.facts.json`), json + '\n');
  console.log(`tests/fixtures/ai/${name}.facts.json : ${(json.length / 1024).toFixed(1)} ko`);
}

async function analyzeIn(page, analyzer, remove) {
  if (remove) await page.evaluate((selector) => document.querySelectorAll(selector).forEach((el) => el.remove()), remove);
  await page.evaluate(analyzer);
  return page.evaluate(() => globalThis.__grilleAnalyzer.analyze({ axe: true }));
}

/** A page served at its own address: the HTML for that address, a grey image for images, 404 otherwise. */
async function readWebPage(browser, analyzer, spec, remove) {
  const html = readFileSync(join(PAGES_DIR, spec.file), 'utf8');
  const page = await browser.newPage();
  try {
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.href === spec.url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (/\.(svg|webp|png|jpe?g|gif)$/i.test(url.pathname)) return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PIXEL_SVG });
      if (url.protocol === 'data:') return route.continue();
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'absent' });
    });
    await page.goto(spec.url, { waitUntil: 'load' });
    return await analyzeIn(page, analyzer, remove);
  } finally {
    await page.close();
  }
}

async function readSamplePage(browser, analyzer, site, spec, remove) {
  const page = await browser.newPage();
  try {
    await page.goto(new URL(spec.path, site.url).href, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return await analyzeIn(page, analyzer, remove);
  } finally {
    await page.close();
  }
}

const sampleRewrite = (port) => (json) =>
  json
    .replaceAll(`http://localhost:${port}`, SAMPLE_ORIGIN)
    .replaceAll(`http://127.0.0.1:${port}`, 'http://127.0.0.1:8080')
    .replaceAll(`localhost:${port}`, 'localhost:8080')
    .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:8080')
    .replace(/([?&]z=)\d+/g, '$10');

ensureChromium();
if (!process.env.GRILLE_SKIP_BUILD) must('npx', ['wxt', 'build']);
const analyzer = readFileSync(join(root, '.output/chrome-mv3/analyzer.js'), 'utf8');

await withProjectModules(async (load) => {
  const [factsModule, docs] = await Promise.all([load('/lib/page/facts.ts'), load('/lib/page/adapters/google-docs.ts')]);
  const parse = (facts) => factsModule.PageFacts.parse(facts);

  // The panel reads a Google Doc through its export, parsed with DOMParser (no layout): jsdom's here.
  globalThis.DOMParser = new JSDOM('').window.DOMParser;
  for (const spec of DOCS) {
    const snapshot = docs.snapshotFromDocsHtml(readFileSync(join(PAGES_DIR, spec.file), 'utf8'), spec.url);
    const facts = { snapshot, privacy: factsModule.EMPTY_PRIVACY, axe: null, navigation: { transferSize: 0, loadTime: 0 }, timings: {}, analyzedAt: 0 };
    write(spec.name, facts, parse);
  }

  const site = await startSampleSite();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    for (const spec of WEB_PAGES) {
      write(spec.name, await readWebPage(browser, analyzer, spec), parse);
      if (spec.clean) write(`${spec.name}-clean`, await readWebPage(browser, analyzer, spec, spec.clean), parse);
    }
    for (const spec of SAMPLE_PAGES) {
      write(spec.name, await readSamplePage(browser, analyzer, site, spec), parse, sampleRewrite(site.port));
      if (spec.clean) write(`${spec.name}-clean`, await readSamplePage(browser, analyzer, site, spec, spec.clean), parse, sampleRewrite(site.port));
    }
  } finally {
    await browser.close();
    await site.close();
  }
});
