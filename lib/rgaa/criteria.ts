// Typed access to the bundled RGAA 4.1.2 criteria (lib/rgaa/criteria.json, generated from DINUM's
// publication by scripts/rgaa-data.ts — see SOURCE.md).
import data from './criteria.json';
import type { RgaaCriterionData, RgaaData, RgaaThemeData } from './convert';

export type { RgaaCriterionData, RgaaTestData, RgaaThemeData } from './convert';

export const RGAA: RgaaData = data as RgaaData;
export const RGAA_THEMES: readonly RgaaThemeData[] = RGAA.themes;
export const RGAA_CRITERIA: readonly RgaaCriterionData[] = RGAA_THEMES.flatMap((t) => t.criteria);

const byNumber = new Map(RGAA_CRITERIA.map((c) => [c.number, c]));

export function rgaaCriterion(number: string): RgaaCriterionData | undefined {
  return byNumber.get(number);
}

/** "1.1.2" → "1.1" */
export function criterionOfTest(test: string): string {
  return test.split('.').slice(0, 2).join('.');
}

/** The theme a criterion belongs to: "11.2" → 11. */
export function themeOf(criterion: string): number {
  return Number(criterion.split('.')[0]);
}

/** Criterion numbers in the official order ("1.1" < "1.2" < "1.10" < "2.1"). */
export function compareCriteria(a: string, b: string): number {
  const [ta = 0, ca = 0] = a.split('.').map(Number);
  const [tb = 0, cb = 0] = b.split('.').map(Number);
  return ta - tb || ca - cb;
}

/** The official page of a criterion. */
export function criterionUrl(number: string): string {
  return `https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#${number}`;
}
