import { describe, expect, it } from 'vitest';
import rule from '@/lib/eco/rules/eco-dom-size';
import { buildFacts } from '../../seo/rules/build-facts';

const run = (ecoIndexElements: number) => rule.check(buildFacts({ snapshot: { counts: { ecoIndexElements, elements: ecoIndexElements } } }));

describe('eco-dom-size', () => {
  it('passes up to 1,500 elements', () => {
    expect(run(1_500).outcome).toBe('pass');
    expect(run(420).detail.fr).toContain('420 éléments dans le DOM');
  });

  it('asks the juror above 1,500', () => {
    const result = run(2_345);
    expect(result).toMatchObject({ outcome: 'review', data: { dom: 2_345 } });
    expect(result.detail.fr).toContain('2 345 éléments');
    expect(result.detail.en).toContain('2,345 DOM elements');
  });

  it('does not pass a count it could not read', () => {
    expect(run(0).outcome).toBe('review');
  });
});
