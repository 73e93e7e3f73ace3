// axe-core's raw results reduced to bounded AxeFacts.
import type { Result } from 'axe-core';
import { describe, expect, it } from 'vitest';
import { cut, reduceAxeResults, rgaaTestsOf, selectorOf } from '@/lib/rgaa/page/axe-reduce';
import { AxeFacts, LIMITS } from '@/lib/page/facts';

function result(id: string, nodes: number, tags = ['RGAAv4', 'RGAA-1.1.1', 'wcag2a']): Result {
  return {
    id,
    description: '',
    help: `Aide ${id}`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
    impact: 'critical',
    tags,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      html: `<img src="${'x'.repeat(500)}${i}">`,
      target: [`li:nth-child(${i + 1}) > img`],
      any: [],
      all: [],
      none: [],
      failureSummary: 'Corriger l’un des éléments suivants :\n  L’élément n’a pas d’attribut alt',
    })),
  };
}

describe('reduceAxeResults', () => {
  it('keeps RGAA tests, bounds nodes and strings, and counts every node', () => {
    const facts = reduceAxeResults({ violations: [result('image-alt', 45)], incomplete: [], passes: [result('svg-img-alt', 1, ['RGAAv4', 'RGAA-1.1.5'])], inapplicable: [] }, '4.14.1', 12.5);
    expect(AxeFacts.parse(facts)).toEqual(facts);
    const [violation, pass] = facts.rules;
    expect(violation).toMatchObject({ id: 'image-alt', outcome: 'violation', impact: 'critical', rgaaTests: ['1.1.1'], nodeCount: 45 });
    expect(violation!.nodes).toHaveLength(LIMITS.axeNodes);
    expect([...violation!.nodes[0]!.snippet].length).toBeLessThanOrEqual(LIMITS.snippet);
    expect(violation!.nodes[0]!.message).toBe('Corriger l’un des éléments suivants :\nL’élément n’a pas d’attribut alt');
    expect(pass).toMatchObject({ outcome: 'pass', impact: null, nodes: [], rgaaTests: ['1.1.5'] });
  });

  it('caps the rules, dropping passes and inapplicable ones before faults', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => result(`${prefix}-${i}`, 1));
    const facts = reduceAxeResults({ violations: many(10, 'v'), incomplete: many(10, 'i'), passes: many(100, 'p'), inapplicable: many(100, 'n') }, '4.14.1', 1);
    expect(facts.rules).toHaveLength(LIMITS.axeRules);
    expect(facts.rules.filter((r) => r.outcome === 'violation')).toHaveLength(10);
    expect(facts.rules.filter((r) => r.outcome === 'incomplete')).toHaveLength(10);
  });

  it('reads RGAA tags, joins nested targets so that they never match a wrong element', () => {
    expect(rgaaTestsOf(['RGAAv4', 'RGAA-11.13.1', 'wcag2a', 'RGAA-x'])).toEqual(['11.13.1']);
    expect(selectorOf(['#main img'])).toBe('#main img');
    expect(selectorOf(['iframe#f', 'img'])).toBe('iframe#f >>> img');
    expect(selectorOf([['my-widget', 'button']])).toBe('my-widget >>> button');
    expect(cut('a'.repeat(20), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
