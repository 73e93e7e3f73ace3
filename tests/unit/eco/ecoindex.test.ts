// EcoIndex computed by hand from the published method (docs/ecoindex.md).
import { describe, expect, it } from 'vitest';
import { ecoIndex, ecoIndexGrade, ecoIndexInputs, ecoIndexScore, greenhouseGases, pageWeight, QUANTILES, quantilePosition, water } from '@/lib/eco/ecoindex';
import { buildFacts, resource } from '../seo/rules/build-facts';

describe('quantile tables', () => {
  it('have 21 increasing values each', () => {
    for (const table of Object.values(QUANTILES)) {
      expect(table).toHaveLength(21);
      for (let i = 1; i < table.length; i++) expect(table[i]!).toBeGreaterThan(table[i - 1]!);
    }
  });
});

describe('quantilePosition', () => {
  it('is 0 at 0, interpolates inside a step, is exact on a quantile, and 20 beyond the last', () => {
    expect(quantilePosition(QUANTILES.dom, 0)).toBe(0);
    expect(quantilePosition(QUANTILES.dom, 47)).toBe(1);
    expect(quantilePosition(QUANTILES.dom, 61)).toBeCloseTo(1.5, 10); // halfway between 47 and 75
    expect(quantilePosition(QUANTILES.dom, 594_601)).toBe(20);
    expect(quantilePosition(QUANTILES.dom, 10_000_000)).toBe(20);
    expect(quantilePosition(QUANTILES.dom, -3)).toBe(0);
  });
});

describe('ecoIndexScore', () => {
  it('is 100 for an empty page and 0 beyond every last quantile', () => {
    expect(ecoIndexScore({ dom: 0, requests: 0, sizeKb: 0 })).toBe(100);
    expect(ecoIndexScore({ dom: 600_000, requests: 5_000, sizeKb: 300_000 })).toBe(0);
  });

  it('matches a middle case computed by hand', () => {
    // dom 500: 8 + 24/61; requests 50: 6 + 1/7; 1000 KB: 7 + 62.09/160.71
    // 100 − 5 × (3 × 8.393443 + 2 × 6.142857 + 7.386473) / 6 = 62.6229
    expect(ecoIndexScore({ dom: 500, requests: 50, sizeKb: 1000 })).toBeCloseTo(62.6229, 3);
    expect(ecoIndex({ dom: 500, requests: 50, sizeKb: 1000 })).toEqual({ dom: 500, requests: 50, sizeKb: 1000, score: 63, grade: 'C', ghg: 1.74, water: 2.61 });
  });

  it('weighs the DOM three times and the requests twice as much as the size', () => {
    // Each input alone at its 10th quantile: 100 − 5 × 3 × 10 / 6 = 75; 100 − 5 × 2 × 10 / 6 ≈ 83.33; 100 − 5 × 10 / 6 ≈ 91.67
    expect(ecoIndexScore({ dom: 603, requests: 0, sizeKb: 0 })).toBeCloseTo(75, 10);
    expect(ecoIndexScore({ dom: 0, requests: 78, sizeKb: 0 })).toBeCloseTo(83.333, 3);
    expect(ecoIndexScore({ dom: 0, requests: 0, sizeKb: 1448.32 })).toBeCloseTo(91.667, 3);
  });
});

describe('grades and footprint', () => {
  it('uses strict lower bounds', () => {
    expect(ecoIndexGrade(100)).toBe('A');
    expect(ecoIndexGrade(80.01)).toBe('A');
    expect(ecoIndexGrade(80)).toBe('B');
    expect(ecoIndexGrade(70)).toBe('C');
    expect(ecoIndexGrade(55)).toBe('D');
    expect(ecoIndexGrade(40)).toBe('E');
    expect(ecoIndexGrade(25)).toBe('F');
    expect(ecoIndexGrade(10.5)).toBe('F');
    expect(ecoIndexGrade(10)).toBe('G');
    expect(ecoIndexGrade(0)).toBe('G');
  });

  it('derives greenhouse gases and water from the score', () => {
    expect(greenhouseGases(50)).toBe(2);
    expect(water(50)).toBe(3);
    expect(greenhouseGases(100)).toBe(1);
    expect(water(100)).toBe(1.5);
    expect(greenhouseGases(0)).toBe(3);
    expect(water(0)).toBe(4.5);
    expect(ecoIndex({ dom: 0, requests: 0, sizeKb: 0 })).toMatchObject({ score: 100, grade: 'A', ghg: 1, water: 1.5 });
    expect(ecoIndex({ dom: 600_000, requests: 5_000, sizeKb: 300_000 })).toMatchObject({ score: 0, grade: 'G', ghg: 3, water: 4.5 });
  });
});

describe('inputs from the facts', () => {
  it('counts the document as a request and sums its bytes with the resources’', () => {
    const facts = buildFacts({
      snapshot: { counts: { ecoIndexElements: 321 } },
      navigation: { transferSize: 10_240 },
      privacy: { resources: [resource('https://atelier-brume.fr/a.css', 5_120), resource('https://cdn.example/b.js', 5_120), resource('https://tiers.example/p.gif', 0)] },
    });
    expect(ecoIndexInputs(facts)).toEqual({ dom: 321, requests: 4, sizeKb: 20 });
    expect(pageWeight(facts)).toEqual({ bytes: 20_480, requests: 4, zeroSized: 1, unknown: false, mostlyUnknown: false });
  });

  it('knows when no size was reported', () => {
    const facts = buildFacts({ privacy: { resources: [resource('https://atelier-brume.fr/a.css', 0)] } });
    expect(pageWeight(facts)).toEqual({ bytes: 0, requests: 2, zeroSized: 2, unknown: true, mostlyUnknown: true });
  });
});
