// The grid model: the automated pass only ever proposes « NC », never over the juror; the RGAA rate.
import { describe, expect, it } from 'vitest';
import { axeFindings } from '@/lib/rgaa/axe-findings';
import { conformityRate, countResults, criteriaOf, formatRate, pendingProposals, proposeFromAxe, resultOf } from '@/lib/rgaa/grid';
import type { RgaaCriterionResult } from '@/lib/workspace/types';
import { axeRule, pageFacts } from './facts';

const findings = axeFindings(
  pageFacts([
    axeRule('image-alt', 'violation', ['1.1.1'], [{ selector: 'li.a img', snippet: '<img src="a.svg">' }]),
    axeRule('link-name', 'violation', ['6.2.1'], [{ selector: 'a.cart' }]),
    axeRule('color-contrast', 'incomplete', ['3.2.1'], [{ selector: 'p.note' }]),
    axeRule('html-has-lang', 'pass', ['8.3.1']),
    axeRule('td-has-header', 'inapplicable', ['5.7.4']),
  ]),
);

const juror = (result: RgaaCriterionResult['result'], comment = ''): RgaaCriterionResult => ({ result, comment, source: 'juror', updatedAt: 1 });

describe('proposeFromAxe', () => {
  it('proposes NC for failing criteria only, with the elements in the comment — never C', () => {
    const proposals = proposeFromAxe(findings);
    expect(proposals.map((p) => [p.criterion, p.result, p.source])).toEqual([
      ['1.1', 'NC', 'automated'],
      ['6.2', 'NC', 'automated'],
    ]);
    expect(proposals[0]!.comment).toContain('li.a img');
    expect(proposals[0]!.comment).toContain('<img src="a.svg">');
    expect(proposals.every((p) => p.result === 'NC')).toBe(true);
  });

  it('never proposes over the juror’s entry, even one that says C or NT', () => {
    const results = { '1.1': juror('C', 'Vérifié à la main'), '6.2': juror('NT') };
    expect(proposeFromAxe(findings, results)).toEqual([]);
    expect(pendingProposals(proposeFromAxe(findings), results)).toEqual([]);
  });

  it('a proposal already applied is not pending again; an automated entry can be refreshed', () => {
    const proposals = proposeFromAxe(findings);
    const applied = Object.fromEntries(proposals.map((p) => [p.criterion, { result: p.result, comment: p.comment, source: 'automated' as const, updatedAt: 1 }]));
    expect(pendingProposals(proposals, applied)).toEqual([]);
    expect(pendingProposals(proposals, { '1.1': { ...applied['1.1']!, comment: 'ancien' } }).map((p) => p.criterion)).toEqual(['1.1', '6.2']);
  });
});

describe('counts and conformity rate', () => {
  const results = { '1.1': juror('C'), '1.2': juror('NC'), '1.3': juror('C'), '1.4': juror('NA'), '3.1': juror('NT'), '4.1': juror('C') };

  it('counts per result; a criterion without an entry is Non testé', () => {
    expect(resultOf(results, '2.1')).toBe('NT');
    expect(countResults(results, criteriaOf('full'))).toEqual({ C: 3, NC: 1, NA: 1, NT: 101 });
    expect(countResults(results, criteriaOf('quick'))).toEqual({ C: 2, NC: 0, NA: 0, NT: 23 });
  });

  it('is C ÷ (C + NC), NA and NT excluded, null when nothing was decided', () => {
    expect(conformityRate({ C: 3, NC: 1 })).toBe(0.75);
    expect(conformityRate({ C: 0, NC: 2 })).toBe(0);
    expect(conformityRate({ C: 0, NC: 0 })).toBeNull();
    expect(conformityRate(countResults(results, criteriaOf('full')))).toBe(0.75);
    expect(formatRate(2 / 3, 'fr')).toBe('66,7');
    expect(formatRate(2 / 3, 'en')).toBe('66.7');
  });
});
