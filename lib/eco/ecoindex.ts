// EcoIndex (www.ecoindex.fr, GreenIT / CNUMR methodology), written from the published method:
// each input (DOM elements, requests, transferred KB) is placed in a table of 21 quantiles of the
// HTTP Archive's pages, the positions are weighted 3 : 2 : 1, and the score runs from 100 (lighter
// than every page measured) down to 0. docs/ecoindex.md explains it and how Grille measures it.
import type { PageFacts } from '../page/facts';

export const QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  sizeKb: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54,
    223212.26,
  ],
} as const;

/** Lowest score (exclusive) of each grade, best first; below the last one: G. */
export const GRADES = [
  ['A', 80],
  ['B', 70],
  ['C', 55],
  ['D', 40],
  ['E', 25],
  ['F', 10],
] as const;
export type Grade = (typeof GRADES)[number][0] | 'G';

/** Position of `value` in `table` (0…20), interpolated linearly between two quantiles. */
export function quantilePosition(table: readonly number[], value: number): number {
  const v = Math.max(0, value);
  for (let i = 1; i < table.length; i++) {
    const lo = table[i - 1]!;
    const hi = table[i]!;
    if (v < hi) return i - 1 + (v - lo) / (hi - lo);
  }
  return table.length - 1;
}

export interface EcoIndexInputs {
  dom: number;
  requests: number;
  sizeKb: number;
}

/** The unrounded score, 0…100. */
export function ecoIndexScore({ dom, requests, sizeKb }: EcoIndexInputs): number {
  const weighted = 3 * quantilePosition(QUANTILES.dom, dom) + 2 * quantilePosition(QUANTILES.requests, requests) + quantilePosition(QUANTILES.sizeKb, sizeKb);
  return 100 - (5 * weighted) / 6;
}

export function ecoIndexGrade(score: number): Grade {
  for (const [grade, floor] of GRADES) if (score > floor) return grade;
  return 'G';
}

/** Greenhouse gases per page view, gCO2e. */
export const greenhouseGases = (score: number): number => 2 + (2 * (50 - score)) / 100;
/** Water per page view, centilitres. */
export const water = (score: number): number => 3 + (3 * (50 - score)) / 100;

export interface EcoIndexResult extends EcoIndexInputs {
  /** Rounded to an integer, as ecoindex.fr shows it; grade, gases and water derive from it. */
  score: number;
  grade: Grade;
  ghg: number;
  water: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function ecoIndex(inputs: EcoIndexInputs): EcoIndexResult {
  const score = Math.round(ecoIndexScore(inputs));
  return { ...inputs, score, grade: ecoIndexGrade(score), ghg: round2(greenhouseGases(score)), water: round2(water(score)) };
}

export interface PageWeight {
  /** Bytes: the document plus every resource in the Resource Timing buffer. */
  bytes: number;
  requests: number;
  /** Resources (document included) that reported 0 bytes: cached, or another origin withholding its timing. */
  zeroSized: number;
  /** Nothing reported a size: the weight is unknown (page served from cache). */
  unknown: boolean;
  /** More than half of the requests reported no size: the weight is well under the real one. */
  mostlyUnknown: boolean;
}

/** Requests and transferred bytes as the page's own timing buffers report them (a lower bound). */
export function pageWeight({ navigation, privacy }: Pick<PageFacts, 'navigation' | 'privacy'>): PageWeight {
  const sizes = [navigation.transferSize, ...privacy.resources.map((r) => r.transferSize)];
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const zeroSized = sizes.filter((s) => s === 0).length;
  return { bytes, requests: sizes.length, zeroSized, unknown: bytes === 0, mostlyUnknown: zeroSized * 2 > sizes.length };
}

/** EcoIndex inputs from the facts: DOM = elements outside <svg>, requests = document + resources, size in KB. */
export function ecoIndexInputs(facts: Pick<PageFacts, 'snapshot' | 'navigation' | 'privacy'>): EcoIndexInputs {
  const weight = pageWeight(facts);
  return { dom: facts.snapshot.counts.ecoIndexElements, requests: weight.requests, sizeKb: weight.bytes / 1024 };
}
