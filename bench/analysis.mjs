// Benchmark: Grille's full page analysis (snapshot + privacy facts + axe-core's RGAA rules) on a
// large page (~10,000 elements), against axe-core alone on the same page — all its rules, as an
// accessibility auditor runs it, and its RGAA-tagged rules only — in the same Chromium, in the
// same run, alternating. Also: snapshot extraction alone, the size of what the panel receives, and
// a long Google Docs export read with its hidden text (bench/analysis/google-docs.mjs).
// Run with `npm run bench:analysis`.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium, ensureDependencies, must, root } from '../scripts/setup.mjs';
import { benchGoogleDocs } from './analysis/google-docs.mjs';
import { largePage } from './analysis/large-page.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
ensureDependencies();
ensureChromium();
must('npx', ['wxt', 'build']);
const analyzer = readFileSync(join(root, '.output/chrome-mv3/analyzer.js'), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const html = largePage(10_000);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://localhost:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function fresh() {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const measures = { grille: [], snapshot: [], axeAll: [], axeRgaa: [], axeSame: [] };
let elements = 0;
let bytes = 0;
let snapshotBytes = 0;
let facts = null;
for (let run = 0; run < RUNS; run++) {
  // Grille: inject the analyzer as the extension does, then analyse (timed in the page).
  {
    const page = await fresh();
    await page.evaluate(analyzer);
    const result = await page.evaluate(async () => {
      const t0 = performance.now();
      const out = await globalThis.__grilleAnalyzer.analyze({ axe: true });
      return { ms: performance.now() - t0, json: JSON.stringify(out), elements: document.getElementsByTagName('*').length };
    });
    measures.grille.push(result.ms);
    elements = result.elements;
    bytes = result.json.length;
    facts = JSON.parse(result.json);
    snapshotBytes = JSON.stringify(facts.snapshot).length;
    await page.close();
  }
  {
    const page = await fresh();
    await page.evaluate(analyzer);
    measures.snapshot.push(
      await page.evaluate(async () => {
        const t0 = performance.now();
        await globalThis.__grilleAnalyzer.analyze({ axe: false });
        return performance.now() - t0;
      }),
    );
    await page.close();
  }
  for (const [key, options] of [
    ['axeAll', {}],
    ['axeRgaa', { runOnly: { type: 'tag', values: ['RGAAv4'] } }],
    // The options Grille runs axe with (lib/page/axe/run.ts): faults and doubts in full only.
    ['axeSame', { runOnly: { type: 'tag', values: ['RGAAv4'] }, resultTypes: ['violations', 'incomplete'], iframes: false }],
  ]) {
    const page = await fresh();
    await page.evaluate(axeSource);
    measures[key].push(
      await page.evaluate(async (opts) => {
        const t0 = performance.now();
        await window.axe.run(document, opts);
        return performance.now() - t0;
      }, options),
    );
    await page.close();
  }
}
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const g = median(measures.grille);
const aAll = median(measures.axeAll);
const aRgaa = median(measures.axeRgaa);
const s = median(measures.snapshot);
const aSame = median(measures.axeSame);
console.log(`\nAnalyse d'une grande page (${elements} éléments), médiane de ${RUNS} passages, même Chromium, même exécution`);
console.log(`Grille, analyse complète (instantané + RGPD + axe RGAA) : ${ms(g)}`);
console.log(`axe-core seul, toutes ses règles                         : ${ms(aAll)}   → Grille / axe = ×${(g / aAll).toFixed(2)}`);
console.log(`axe-core seul, règles RGAA                               : ${ms(aRgaa)}   → Grille / axe RGAA = ×${(g / aRgaa).toFixed(2)}`);
console.log(`axe-core seul, règles RGAA, options de Grille            : ${ms(aSame)}   → Grille / axe mêmes options = ×${(g / aSame).toFixed(2)}`);
console.log(`Grille sans axe (instantané + RGPD)                      : ${ms(s)}   (${((s / g) * 100).toFixed(0)} % de l'analyse complète)`);
console.log(`Taille reçue par le panneau : ${(bytes / 1024).toFixed(1)} kB en JSON, dont instantané ${(snapshotBytes / 1024).toFixed(1)} kB ` +
  `(texte principal ${facts.snapshot.mainText.length} caractères${facts.snapshot.mainTextTruncated ? ', tronqué' : ''}, ${facts.snapshot.links.length} liens, ${facts.snapshot.images.length} images gardés)`);
console.log(`Durées mesurées dans la page par l'analyse : instantané ${ms(facts.timings.snapshotMs)}, RGPD ${ms(facts.timings.privacyMs)}, axe ${ms(facts.timings.axeMs)}`);

// A long Google Docs export, read with its hidden text, in the same Chromium (bench/analysis/google-docs.mjs).
await benchGoogleDocs(browser, RUNS);
await browser.close();
