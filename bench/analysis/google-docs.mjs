// The Google Docs case of the analysis benchmark: reading a long Docs HTML export (100 pages by
// default) with its hidden text — the cascade of the export's own styles and the visible text —
// against plain block text of the same parsed document (what reading it ignoring styles costs),
// in the same Chromium, same run, alternating; and the adapter's whole snapshot against parsing.
// Pages 25 to 200 show whether the cost grows with the document's length only.
// Run alone with `node bench/analysis/google-docs.mjs`; bench/analysis.mjs runs it too.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, ensureChromium, ensureDependencies, root } from '../../scripts/setup.mjs';
import { longDocsExport } from './long-docs-export.mjs';

const STEPS = ['parse', 'blockText', 'hiddenPass', 'snapshot'];

async function bundle() {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    build: { write: false, minify: true, reportCompressedSize: false, lib: { entry: join(root, 'bench/analysis/google-docs-entry.ts'), formats: ['iife'], name: 'grilleDocsBench' } },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** Runs the case in `browser`; returns the figures printed. */
export async function benchGoogleDocs(browser, runs = 9, pagesList = [25, 50, 100, 200]) {
  const code = await bundle();
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>bench</title>');
  await page.evaluate(code);
  const figures = [];
  console.log(`\nExport Google Docs long (lecture du texte caché), médiane de ${runs} passages, même Chromium, même exécution`);
  for (const pages of pagesList) {
    const html = longDocsExport(pages);
    const info = await page.evaluate((h) => globalThis.grilleDocsBench.summary(h), html);
    const times = Object.fromEntries(STEPS.map((s) => [s, []]));
    for (let run = 0; run < runs; run++) {
      // Alternating the order, so that neither side always runs on a warmer engine.
      for (const step of run % 2 === 0 ? STEPS : [...STEPS].reverse()) {
        times[step].push(await page.evaluate(([h, s]) => globalThis.grilleDocsBench.measure(h, s), [html, step]));
      }
    }
    const m = Object.fromEntries(STEPS.map((s) => [s, median(times[s])]));
    figures.push({ pages, ...info, ...m });
    console.log(
      `${String(pages).padStart(3)} pages (${info.elements} éléments, ${info.words} mots, ${info.hidden} textes cachés) : ` +
        `texte caché + texte visible ${ms(m.hiddenPass)} / texte brut ${ms(m.blockText)} = ×${(m.hiddenPass / m.blockText).toFixed(2)} ; ` +
        `instantané complet ${ms(m.snapshot)} = ×${(m.snapshot / m.parse).toFixed(2)} l'analyse HTML seule (${ms(m.parse)})`,
    );
  }
  const [first, last] = [figures[0], figures[figures.length - 1]];
  console.log(
    `Croissance de ${first.pages} à ${last.pages} pages (×${(last.pages / first.pages).toFixed(0)}) : texte caché ×${(last.hiddenPass / first.hiddenPass).toFixed(1)}, ` +
      `instantané complet ×${(last.snapshot / first.snapshot).toFixed(1)}, analyse HTML ×${(last.parse / first.parse).toFixed(1)}`,
  );
  await page.close();
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureDependencies();
  ensureChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    await benchGoogleDocs(browser, Number(process.env.BENCH_RUNS ?? 9));
  } finally {
    await browser.close();
  }
}
