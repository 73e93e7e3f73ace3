// The analysis the juror asks for, run inside the page (bundled into the analyzer script, injected
// on demand): snapshot, privacy facts, axe-core's RGAA rules. It only reads; it stores nothing
// (a content script's storage is the visited site's) and returns plain data to the panel.
import { collectPrivacy } from '../../privacy/page/collect';
import { collectSnapshot } from '../../page/snapshot/collect';
import { runAxe } from '../../rgaa/page/axe-run';
import type { PageFacts } from '../../page/facts';
import type { AnalyzeOptions } from '../../page/analyze-tab';

export async function analyzePage(options: AnalyzeOptions, doc: Document = document): Promise<PageFacts> {
  const t0 = performance.now();
  const snapshot = collectSnapshot(doc);
  const t1 = performance.now();
  const privacy = await collectPrivacy(doc);
  const t2 = performance.now();
  const axe = options.axe ? await runAxe(doc) : null;
  const t3 = performance.now();
  const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    snapshot,
    privacy,
    axe,
    navigation: { transferSize: nav?.transferSize ?? 0, loadTime: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : 0 },
    timings: { snapshotMs: t1 - t0, privacyMs: t2 - t1, axeMs: t3 - t2 },
    analyzedAt: Date.now(),
  };
}
