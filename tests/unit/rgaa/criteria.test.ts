// The bundled RGAA 4.1.2 data: 13 themes, 106 criteria, the official wording, the quick-audit preset.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCriteria, stripLinks } from '@/lib/rgaa/convert';
import { RGAA, RGAA_CRITERIA, RGAA_THEMES, compareCriteria, criterionOfTest, rgaaCriterion } from '@/lib/rgaa/criteria';
import committed from '@/lib/rgaa/criteria.json';
import { QUICK_AUDIT, inPreset } from '@/lib/rgaa/quick-audit';
import { criteriaOf } from '@/lib/rgaa/grid';

// From the repository root (vitest's cwd): Vite rewrites import.meta.url outside the root.
const SOURCE = resolve(process.cwd(), '../shared/data/rgaa/criteres.json');

describe('RGAA criteria', () => {
  it('has 13 themes and 106 criteria, numbered as the RGAA numbers them', () => {
    expect(RGAA.version).toBe('4.1.2');
    expect(RGAA_THEMES.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(RGAA_CRITERIA).toHaveLength(106);
    expect(new Set(RGAA_CRITERIA.map((c) => c.number)).size).toBe(106);
    for (const theme of RGAA_THEMES) for (const c of theme.criteria) expect(c.number.startsWith(`${theme.number}.`)).toBe(true);
    expect(RGAA_THEMES.map((t) => t.criteria.length)).toEqual([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
    expect(RGAA_THEMES[0]!.name).toBe('Images');
    expect(RGAA_THEMES[10]!.name).toBe('Formulaires');
  });

  it('keeps the official wording, glossary links reduced to their text', () => {
    expect(rgaaCriterion('1.1')?.title).toBe('Chaque image porteuse d’information a-t-elle une alternative textuelle\u00a0?');
    expect(rgaaCriterion('11.1')?.tests.map((t) => t.number)).toEqual(['11.1.1', '11.1.2', '11.1.3']);
    expect(rgaaCriterion('11.1')?.tests[0]?.lines[0]).toBe('Chaque champ de formulaire vérifie-t-il une de ces conditions\u00a0?');
    const all = JSON.stringify(committed);
    expect(all).not.toMatch(/\]\(#/);
    for (const c of RGAA_CRITERIA) {
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.tests.length).toBeGreaterThan(0);
    }
    expect(stripLinks('Chaque [image](#image) et [lien](#lien-a) ?')).toBe('Chaque image et lien ?');
  });

  it.runIf(existsSync(SOURCE))('is what scripts/rgaa-data.ts writes from the DINUM source', () => {
    const generated = convertCriteria(JSON.parse(readFileSync(SOURCE, 'utf8')));
    expect(generated).toEqual(committed);
  });

  it('orders criteria and finds the criterion of a test', () => {
    expect(['1.10', '2.1', '1.2', '10.1', '1.1'].sort(compareCriteria)).toEqual(['1.1', '1.2', '1.10', '2.1', '10.1']);
    expect(criterionOfTest('11.13.1')).toBe('11.13');
  });
});

describe('quick audit preset', () => {
  it('has the 25 criteria of DINUM’s audit rapide, each an RGAA criterion', () => {
    expect(QUICK_AUDIT).toHaveLength(25);
    expect(new Set(QUICK_AUDIT).size).toBe(25);
    for (const c of QUICK_AUDIT) expect(rgaaCriterion(c), c).toBeDefined();
  });

  it('filters the grid: 106 criteria in full, 25 in quick, in the official order', () => {
    expect(criteriaOf('full')).toHaveLength(106);
    expect(criteriaOf('quick')).toEqual([...QUICK_AUDIT]);
    expect(inPreset('1.2', 'quick')).toBe(false);
    expect(inPreset('1.2', 'full')).toBe(true);
  });
});
