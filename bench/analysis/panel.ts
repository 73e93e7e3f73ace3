// In an extension page of the benchmark's copy of Grille: what the juror waits for after clicking
// « Analyser la page », through Grille's own code — injection of the analyzer, the analysis in the
// page, the transfer of its result to the panel, its validation (analyzeTab), then the SEO, eco and
// RGPD rules and the RGAA grouping (allFindings) — against axe-core alone doing the same RGAA work
// with the same options, injected and answered through the same extension API.
// bench/analysis.mjs drives it through `window.analysisBench`.
import { browser } from 'wxt/browser';
import { allFindings } from '../../lib/analysis/all-findings';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { AXE_RUN_OPTIONS, RGAA_ADJUSTMENTS } from '../../lib/rgaa/page/axe-run';
import { analyzeTab } from '../../lib/page/analyze-tab';

async function tabOf(url: string): Promise<number> {
  const [tab] = await browser.tabs.query({ url });
  if (tab?.id === undefined) throw new Error(`onglet introuvable : ${url}`);
  return tab.id;
}

const api = {
  async grille(url: string) {
    const tabId = await tabOf(url);
    const t0 = performance.now();
    const facts = await analyzeTab(tabId, url, { axe: true });
    const t1 = performance.now();
    const findings = facts.snapshot.source === 'dom' ? allFindings(facts) : [];
    const t2 = performance.now();
    const inPage = facts.timings.snapshotMs + facts.timings.privacyMs + facts.timings.axeMs;
    return {
      ms: t2 - t0,
      parts: { inPage, snapshot: facts.timings.snapshotMs, privacy: facts.timings.privacyMs, axe: facts.timings.axeMs, transfer: t1 - t0 - inPage, findings: t2 - t1 },
      bytes: JSON.stringify(facts).length,
      findings: findings.length,
      kept: { links: facts.snapshot.links.length, images: facts.snapshot.images.length, forms: facts.snapshot.forms.length },
    };
  },

  async axe(url: string) {
    const tabId = await tabOf(url);
    const t0 = performance.now();
    // Copied into the bench's copy of the build by bench/analysis.mjs: not one of the extension's own files.
    await browser.scripting.executeScript({ target: { tabId }, files: ['/bench/axe.min.js' as ScriptPublicPath] });
    const [answer] = await browser.scripting.executeScript({
      target: { tabId },
      // Grille's rule adjustment and run options: the same RGAA work, without the rest of the analysis.
      func: (rules: unknown, options: unknown) => {
        const axe = (globalThis as unknown as { axe: { configure(c: unknown): void; run(d: Document, o: unknown): Promise<unknown> } }).axe;
        axe.configure({ rules });
        return axe.run(document, options);
      },
      args: [RGAA_ADJUSTMENTS as unknown as Record<string, unknown>[], AXE_RUN_OPTIONS as unknown as Record<string, unknown>],
    });
    const ms = performance.now() - t0;
    const results = answer?.result as { violations: unknown[]; incomplete: unknown[] } | undefined;
    if (!results) throw new Error('axe-core n’a rien répondu');
    return { ms, bytes: JSON.stringify(results).length, violations: results.violations.length, incomplete: results.incomplete.length };
  },
};

(globalThis as unknown as { analysisBench: typeof api }).analysisBench = api;
document.body.dataset.ready = 'true';
