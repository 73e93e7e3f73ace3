import { describe, expect, it } from 'vitest';
import rule, { levelJumps } from '@/lib/seo/rules/seo-heading-order';
import { buildFacts, heading } from './build-facts';

const run = (...headings: ReturnType<typeof heading>[]) => rule.check(buildFacts({ snapshot: { headings } }));

describe('seo-heading-order', () => {
  it('fails without headings', () => {
    expect(run().outcome).toBe('fail');
  });

  it('finds skipped levels and a first heading that is not h1', () => {
    const hs = [heading(2, 'Menu'), heading(1), heading(3, 'Détails'), heading(2), heading(4, 'Note')];
    expect(levelJumps(hs).map((j) => [j.from?.level ?? null, j.to.level])).toEqual([
      [null, 2],
      [1, 3],
      [2, 4],
    ]);
    const result = run(...hs);
    expect(result).toMatchObject({ outcome: 'fail', data: { jumps: 3 } });
    expect(result.detail.fr).toContain('premier titre : h2 « Menu »');
    expect(result.detail.fr).toContain('h1 « Titre 1 » → h3 « Détails »');
    expect(result.elements?.map((e) => e.selector)).toEqual([hs[0]!.selector, hs[2]!.selector, hs[4]!.selector]);
  });

  it('marks hidden headings', () => {
    expect(run(heading(1), heading(3, 'Caché', true)).detail.fr).toContain('h3 « Caché » (masqué)');
  });

  it('passes when levels go down one at a time, and up freely', () => {
    const result = run(heading(1), heading(2), heading(3), heading(4), heading(2), heading(3), heading(1));
    expect(result.outcome).toBe('pass');
    expect(result.detail.fr).toContain('h1 h2 h3 h4 h2 h3 h1');
  });
});
