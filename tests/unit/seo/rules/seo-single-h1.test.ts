import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-single-h1';
import { buildFacts, heading } from './build-facts';

const run = (...headings: ReturnType<typeof heading>[]) => rule.check(buildFacts({ snapshot: { headings } }));

describe('seo-single-h1', () => {
  it('fails without h1', () => {
    expect(run().outcome).toBe('fail');
    expect(run(heading(2)).outcome).toBe('fail');
  });

  it('fails with several visible h1, listing them', () => {
    const result = run(heading(1, 'Atelier Brume'), heading(1, 'Nos bougies'), heading(2));
    expect(result.outcome).toBe('fail');
    expect(result.detail.fr).toContain('« Atelier Brume », « Nos bougies »');
    expect(result.elements).toHaveLength(2);
  });

  it('passes with one visible h1 and mentions hidden ones', () => {
    const result = run(heading(1, 'Nos bougies'), heading(1, 'Menu', true));
    expect(result).toMatchObject({ outcome: 'pass', data: { visible: 1, hidden: 1 } });
    expect(result.detail.fr).toContain('« Menu »');
    expect(run(heading(1, 'Nos bougies')).detail.fr).not.toContain('masqué');
  });

  it('asks the juror when the only h1 is hidden', () => {
    expect(run(heading(1, 'Atelier Brume', true), heading(2)).outcome).toBe('review');
  });
});
