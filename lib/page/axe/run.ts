// axe-core restricted to its RGAA-tagged rules (axe ≥ 4.11 tags them `RGAAv4` and `RGAA-x.y.z`),
// in French, run in the page when the juror asks. Uses the bundled module, never `window.axe`: a
// page may define its own. Frames are not entered (the juror checks their content).
import axe from 'axe-core';
import fr from 'axe-core/locales/fr.json';
import type { AxeFacts } from '../facts';
import { reduceAxeResults } from './reduce';

const OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['RGAAv4'] },
  // Only faults and doubts are reported in full; passes and inapplicable rules are listed.
  resultTypes: ['violations', 'incomplete'],
  iframes: false,
  selectors: true,
  ancestry: false,
  xpath: false,
  elementRef: false,
  performanceTimer: false,
};

let configured = false;
/** Runs one after another: axe refuses to start twice (« Axe is already running »). */
let queue: Promise<unknown> = Promise.resolve();
/** The latest run asked for, shared by a second call for the same document. */
let latest: { doc: Document; result: Promise<AxeFacts> } | null = null;

function configure(): void {
  if (configured) return;
  axe.configure({ locale: fr as unknown as axe.Locale });
  configured = true;
}

async function runOnce(doc: Document): Promise<AxeFacts> {
  configure();
  const t0 = performance.now();
  const results = await axe.run(doc, OPTIONS);
  return reduceAxeResults(results, axe.version, performance.now() - t0);
}

export function runAxe(doc: Document = document): Promise<AxeFacts> {
  if (latest?.doc === doc) return latest.result;
  const result = queue.then(() => runOnce(doc));
  const current = { doc, result };
  latest = current;
  queue = result.then(
    () => (latest === current ? (latest = null) : null),
    () => (latest === current ? (latest = null) : null),
  );
  return result;
}
