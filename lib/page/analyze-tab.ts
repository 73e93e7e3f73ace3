// Panel side of the page analysis: injects the analyzer into the juror's tab when asked (never
// before), runs it, validates what comes back, and highlights elements on request.
// Access: activeTab (the juror opened Grille from the toolbar on this tab) or this site's
// optional host permission, asked at the click with the reason shown by the panel.
import { browser } from 'wxt/browser';
import { PageFacts } from './facts';
import { classifyBrowserError, CaptureError, isCapturableUrl } from './tab-errors';

/** What the panel asks of the analyzer (lib/analysis/page/analyze.ts). */
export interface AnalyzeOptions {
  /** Run axe-core (the slowest part); the RGPD flow re-reads a page without it. */
  axe: boolean;
}

export const ANALYZER_FILE = '/analyzer.js';

type AnalyzerGlobal = {
  __grilleAnalyzer?: {
    analyze(options: AnalyzeOptions): Promise<unknown>;
    highlight(selectors: string[], label: string): number;
    clearHighlight(): void;
  };
};

/** The analysis failed: a code and a French (or English) message for the juror. */
export class AnalysisError extends CaptureError {}

/** Injects the analyzer unless this page already has it (it bundles axe-core: ~800 kB to parse). */
async function inject(tabId: number): Promise<void> {
  const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: () => !!(globalThis as unknown as AnalyzerGlobal).__grilleAnalyzer });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [ANALYZER_FILE] });
}

/** How long the panel waits for the page: a 10 000-element page takes about 4 s (bench/analysis.mjs). */
export const ANALYSIS_TIMEOUT_MS = 120_000;

/** Runs the analyzer in the tab; throws an AnalysisError the panel can show. */
export async function analyzeTab(tabId: number, url: string, options: AnalyzeOptions, timeoutMs = ANALYSIS_TIMEOUT_MS): Promise<PageFacts> {
  if (!isCapturableUrl(url)) throw new AnalysisError('protected');
  let raw: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const run = (async () => {
      await inject(tabId);
      return browser.scripting.executeScript({
        target: { tabId },
        // Self-contained: runs in the page's isolated world, where analyzer.js left its entry point.
        func: (opts: AnalyzeOptions) => (globalThis as unknown as AnalyzerGlobal).__grilleAnalyzer?.analyze(opts) ?? null,
        args: [options],
      });
    })();
    // A page whose main thread is stuck never answers: stop waiting (a late answer is dropped).
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AnalysisError('timeout')), timeoutMs);
    });
    const [result] = await Promise.race([run, late]);
    raw = result?.result;
  } catch (error) {
    throw new AnalysisError(classifyBrowserError(error, url), { cause: error });
  } finally {
    clearTimeout(timer);
  }
  const parsed = PageFacts.safeParse(raw);
  if (!parsed.success) {
    // Paths and reasons only (never the page's text), for whoever debugs a page Grille cannot read.
    console.warn('Grille: analysis result rejected', raw === null || raw === undefined ? 'no result' : parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`));
    throw new AnalysisError('unreadable', { cause: parsed.error });
  }
  return parsed.data;
}

/** Outlines the elements in the page; returns how many were found (0 when the page changed since). */
export async function highlightInTab(tabId: number, selectors: string[], label: string): Promise<number> {
  await inject(tabId);
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (list: string[], text: string) => (globalThis as unknown as AnalyzerGlobal).__grilleAnalyzer?.highlight(list, text) ?? 0,
    args: [selectors, label],
  });
  return typeof result?.result === 'number' ? result.result : 0;
}

export async function clearHighlightInTab(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => (globalThis as unknown as AnalyzerGlobal).__grilleAnalyzer?.clearHighlight() });
  } catch {
    // The tab is gone or navigated: nothing left to clear.
  }
}
