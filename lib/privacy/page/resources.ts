// The requests the page made, from the Resource Timing buffer: its own and other sites' (the
// rules decide what is third-party). Capped; when there are more, requests to other origins are
// kept first, since they are the evidence the RGPD rules need.
// Limits: the buffer holds 250 entries unless the page enlarged it — a page that made more
// requests before Grille was asked lost the later ones; requests made from inside iframes are
// in the iframe's buffer, not here.
import { LIMITS, type ResourceFact } from '../../page/facts';
import { fitRaw } from './fit-text';

export function readResources(doc: Document): ResourceFact[] {
  const perf = doc.defaultView?.performance;
  if (!perf || typeof perf.getEntriesByType !== 'function') return [];
  const entries = perf.getEntriesByType('resource') as PerformanceResourceTiming[];
  const origin = doc.location?.origin ?? '';
  let kept = entries;
  if (entries.length > LIMITS.resources) {
    const foreign = entries.filter((e) => !e.name.startsWith(`${origin}/`));
    const own = entries.filter((e) => e.name.startsWith(`${origin}/`));
    kept = [...foreign, ...own].slice(0, LIMITS.resources).sort((a, b) => a.startTime - b.startTime);
  }
  return kept.map((e) => ({
    url: fitRaw(e.name, LIMITS.url),
    initiatorType: fitRaw(e.initiatorType || 'other', 40),
    transferSize: Number.isFinite(e.transferSize) && e.transferSize > 0 ? e.transferSize : 0,
    startTime: Number.isFinite(e.startTime) && e.startTime > 0 ? e.startTime : 0,
  }));
}
