// The evaluation's statistics, pure and seeded: agreement and Cohen's kappa on the label
// « observable » / « preuves insuffisantes », a percentile bootstrap over criteria for their 95 %
// intervals (paired for a comparison), the three baselines (always insufficient, always
// observable, seeded coin) and the token overlap used for expected-passage recall.

export type Label = 'observable' | 'insufficient';
/** What the model said for a criterion; 'absent' when it gave nothing (no entry, failed request). */
export type Prediction = Label | 'absent';

export const BOOTSTRAP_RESAMPLES = 1000;
export const DEFAULT_SEED = 20_251_111;
/** A quote matches a labelled passage when their token overlap (token F1) reaches this. */
export const PASSAGE_OVERLAP = 0.5;

/** Small seeded generator (mulberry32): the same seed gives the same intervals and baselines. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Share of criteria where the prediction equals the label (an absent answer never agrees). */
export function agreement(labels: readonly Label[], predictions: readonly Prediction[], indices?: readonly number[]): number {
  const at = indices ?? labels.map((_, i) => i);
  if (!at.length) return 0;
  return at.filter((i) => labels[i] === predictions[i]).length / at.length;
}

/**
 * Cohen's kappa: (observed − chance agreement) / (1 − chance agreement), chance agreement being
 * Σ over categories of P(label = c) · P(prediction = c). 'absent' is a category of its own that
 * no label has, so it lowers observed agreement without ever counting as chance agreement.
 * A constant prediction gets exactly 0. When chance agreement is 1 (one category on both sides),
 * kappa is undefined; 0 is returned (no evidence of skill).
 */
export function cohenKappa(labels: readonly Label[], predictions: readonly Prediction[], indices?: readonly number[]): number {
  const at = indices ?? labels.map((_, i) => i);
  const n = at.length;
  if (!n) return 0;
  const observed = agreement(labels, predictions, at);
  let chance = 0;
  for (const c of ['observable', 'insufficient'] as const) {
    const pl = at.filter((i) => labels[i] === c).length / n;
    const pp = at.filter((i) => predictions[i] === c).length / n;
    chance += pl * pp;
  }
  if (chance >= 1 - 1e-12) return 0;
  return (observed - chance) / (1 - chance);
}

export type Interval = [number, number];

/** Percentile bootstrap: `statistic` on `resamples` resamples (with replacement) of 0…n−1. */
export function bootstrapInterval(
  n: number,
  statistic: (indices: readonly number[]) => number,
  options: { resamples?: number; seed?: number } = {},
): Interval {
  if (n === 0) return [0, 0];
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const values: number[] = [];
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  for (let r = 0; r < resamples; r++) {
    const indices = Array.from({ length: n }, () => Math.floor(random() * n));
    values.push(statistic(indices));
  }
  values.sort((a, b) => a - b);
  const pick = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return [pick(0.025), pick(0.975)];
}

export interface Scored {
  value: number;
  interval: Interval;
}

/** Agreement and kappa with their bootstrap intervals. */
export function scoreLabels(labels: readonly Label[], predictions: readonly Prediction[], seed = DEFAULT_SEED): { agreement: Scored; kappa: Scored } {
  return {
    agreement: { value: agreement(labels, predictions), interval: bootstrapInterval(labels.length, (ix) => agreement(labels, predictions, ix), { seed }) },
    kappa: { value: cohenKappa(labels, predictions), interval: bootstrapInterval(labels.length, (ix) => cohenKappa(labels, predictions, ix), { seed }) },
  };
}

/** The baselines' predictions on the same labels; the coin is seeded. */
export function baselinePredictions(labels: readonly Label[], seed = DEFAULT_SEED): Record<'alwaysInsufficient' | 'alwaysObservable' | 'random', Prediction[]> {
  const coin = seededRandom(seed ^ 0x5eed);
  return {
    alwaysInsufficient: labels.map(() => 'insufficient'),
    alwaysObservable: labels.map(() => 'observable'),
    random: labels.map(() => (coin() < 0.5 ? 'observable' : 'insufficient')),
  };
}

/** Words as the overlap counts them: NFKC, lower case, runs of letters or digits (apostrophes split). */
export function tokens(text: string): string[] {
  return text.normalize('NFKC').toLocaleLowerCase('fr').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Token F1 between two texts (2 × common tokens / (tokens of a + tokens of b), counted as
 * multisets): 1 for the same words, 0 for none in common. Symmetric, so a one-word quote and a
 * quote of the whole page both score low against a sentence-long passage.
 */
export function tokenOverlap(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/** Whether one of the quotes covers a labelled passage (token overlap ≥ PASSAGE_OVERLAP). */
export function passageFound(passage: string, quotes: readonly string[], threshold = PASSAGE_OVERLAP): boolean {
  return quotes.some((q) => tokenOverlap(q, passage) >= threshold);
}

/** Paired bootstrap of B − A, both statistics computed on the same resampled criteria. */
export function differenceInterval(n: number, a: (ix: readonly number[]) => number, b: (ix: readonly number[]) => number, seed = DEFAULT_SEED): Interval {
  return bootstrapInterval(n, (ix) => b(ix) - a(ix), { seed });
}
