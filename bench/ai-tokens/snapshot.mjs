// Regenerates the stored page facts the AI tests and the token benchmark use
// (tests/fixtures/ai/sample-*.facts.json): the real analyzer (.output/chrome-mv3/analyzer.js) run
// in Chromium on the sample site's home page and blog article, as bench/analysis.mjs does.
// The origin is rewritten to http://localhost:8080 so the fixtures do not depend on the port.
// Run with `node bench/ai-tokens/snapshot.mjs` (builds the extension first).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium, must, root } from '../../scripts/setup.mjs';
import { startSampleSite } from '../../scripts/sample-site.mjs';

const PAGES = { 'sample-home': '/', 'sample-blog-article': '/blog/entretenir-sa-bougie/' };
const STABLE_ORIGIN = 'http://localhost:8080';

ensureChromium();
if (!process.env.GRILLE_SKIP_BUILD) must('npx', ['wxt', 'build']);
const analyzer = readFileSync(join(root, '.output/chrome-mv3/analyzer.js'), 'utf8');
const site = await startSampleSite();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const page = await browser.newPage();
    await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
    await page.evaluate(analyzer);
    const facts = await page.evaluate(() => globalThis.__grilleAnalyzer.analyze({ axe: true }));
    await page.close();
    // Measures that vary between runs are fixed, so regenerating only shows real changes.
    facts.analyzedAt = Date.UTC(2026, 0, 15, 9, 0);
    facts.timings = { snapshotMs: 0, privacyMs: 0, axeMs: 0 };
    if (facts.axe) facts.axe.durationMs = 0;
    facts.navigation.loadTime = 0;
    for (const r of facts.privacy.resources) r.startTime = 0;
    const json = JSON.stringify(facts, null, 1)
      .replaceAll(`http://localhost:${site.port}`, STABLE_ORIGIN)
      .replaceAll(`http://127.0.0.1:${site.port}`, 'http://127.0.0.1:8080')
      .replaceAll(`localhost:${site.port}`, 'localhost:8080')
      .replaceAll(`127.0.0.1:${site.port}`, '127.0.0.1:8080')
      .replace(/([?&]z=)\d+/g, '$10');
    writeFileSync(join(root, `tests/fixtures/ai/${name}.facts.json`), json + '\n');
    console.log(`tests/fixtures/ai/${name}.facts.json: ${(json.length / 1024).toFixed(1)} kB`);
  }
} finally {
  await browser.close();
  await site.close();
}
