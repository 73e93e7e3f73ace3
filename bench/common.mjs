// What the benchmarks share: the build (once per `npm run bench`), progress lines on stderr (the
// report stays on stdout), medians, and growth slopes.
import { must } from '../scripts/setup.mjs';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

/** « … step (12 s) » on stderr: a bench that works for minutes says what it is doing. */
export const progress = (step) => console.error(`  … ${step} (${elapsed()})`);

/** Builds the extension, unless the caller (bench/run-all.mjs, or you) did: GRILLE_SKIP_BUILD=1. */
export function ensureBuilt() {
  if (process.env.GRILLE_SKIP_BUILD === '1') return;
  progress('construction de l’extension (wxt build)');
  must('npx', ['wxt', 'build']);
}

/** A positive integer from the environment, or the default; a clear message otherwise. */
export function envInt(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} doit être un entier positif (reçu : ${process.env[name]})`);
    process.exit(1);
  }
  return value;
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
export const p90 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

/**
 * Growth between two sizes on a log-log scale: 1 when the time grows as the page, 2 when it grows
 * as its square, below 1 when part of the work is fixed or capped.
 */
export const slope = (size1, time1, size2, time2) => Math.log(time2 / time1) / Math.log(size2 / size1);

export const ratio = (a, b) => `×${(a / b).toFixed(2)}`;
export const fr = (x) => Math.round(x).toLocaleString('fr-FR');
