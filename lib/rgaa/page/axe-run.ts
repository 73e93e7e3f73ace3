// axe-core restricted to its RGAA-tagged rules (axe ≥ 4.11 tags them `RGAAv4` and `RGAA-x.y.z`),
// run in the page when the juror asks. Rule titles come out in French from axe's own French
// locale, looked up by rule id: axe.configure({ locale }) compiles message templates with
// `new Function`, which the extension's content security policy forbids in the isolated world
// (element-level messages stay in axe's English). Uses the bundled module, never `window.axe`: a
// page may define its own. Frames are not entered (the juror checks their content).
import axe from 'axe-core';
import fr from 'axe-core/locales/fr.json';
import type { AxeFacts } from '../../page/facts';
import { reduceAxeResults } from './axe-reduce';

/** How Grille runs axe; the analysis benchmark runs axe alone with these very options. */
export const AXE_RUN_OPTIONS: axe.RunOptions = {
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

const frRules = (fr as { rules?: Record<string, { help?: string }> }).rules ?? {};
const frenchHelp = (ruleId: string): string | undefined => frRules[ruleId]?.help;

/**
 * Runs one after another (axe refuses to start twice: « Axe is already running »), and a second
 * call for the same document while it runs shares that run. Kept on the (isolated world's) global
 * so that it holds across re-injections of the analyzer, each of which loads its own copy of axe.
 */
interface RunState {
  queue: Promise<unknown>;
  latest: { doc: Document; result: Promise<AxeFacts> } | null;
}
const STATE_KEY = Symbol.for('grille.axe.run');
const holder = globalThis as unknown as Record<symbol, RunState | undefined>;
const state: RunState = (holder[STATE_KEY] ??= { queue: Promise.resolve(), latest: null });

/**
 * Where axe is more lenient than the RGAA's own test, Grille follows the RGAA:
 * - `label` (RGAA 11.1.1): axe accepts a placeholder as the field's name; test 11.1.1 lists
 *   aria-labelledby, aria-label, <label>, title or an adjacent button — never a placeholder,
 *   which disappears as soon as the user types.
 */
export const RGAA_ADJUSTMENTS: axe.Rule[] = [
  {
    id: 'label',
    any: ['implicit-label', 'explicit-label', 'aria-label', 'aria-labelledby', { id: 'non-empty-title', options: { attribute: 'title' } }, 'presentational-role'] as unknown as string[],
  },
];

function configure(): void {
  if (configured) return;
  axe.configure({ rules: RGAA_ADJUSTMENTS });
  configured = true;
}

async function runOnce(doc: Document): Promise<AxeFacts> {
  configure();
  const t0 = performance.now();
  const results = await axe.run(doc, AXE_RUN_OPTIONS);
  return reduceAxeResults(results, axe.version, performance.now() - t0, frenchHelp);
}

export function runAxe(doc: Document = document): Promise<AxeFacts> {
  if (state.latest?.doc === doc) return state.latest.result;
  const result = state.queue.then(() => runOnce(doc));
  const current = { doc, result };
  state.latest = current;
  const done = () => {
    if (state.latest === current) state.latest = null;
  };
  state.queue = result.then(done, done);
  return result;
}
