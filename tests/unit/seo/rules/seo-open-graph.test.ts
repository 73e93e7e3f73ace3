import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-open-graph';
import { buildFacts } from './build-facts';

const run = (openGraph: Record<string, string>) => rule.check(buildFacts({ snapshot: { meta: { openGraph } } }));
const FULL = { 'og:title': 'Bougie Figue & Cèdre', 'og:description': 'Cire végétale, coulée à Lyon.', 'og:image': 'https://atelier-brume.fr/og.jpg' };

describe('seo-open-graph', () => {
  it('passes with title, description and image', () => {
    const result = run(FULL);
    expect(result.outcome).toBe('pass');
    expect(result.detail.fr).toContain('og:title « Bougie Figue & Cèdre »');
  });

  it('accepts keys without the og: prefix', () => {
    expect(run({ title: 'a', description: 'b', image: 'https://x/i.jpg' }).outcome).toBe('pass');
  });

  it('lists the missing ones', () => {
    const result = run({ 'og:title': 'Bougie', 'og:image': ' ' });
    expect(result).toMatchObject({ outcome: 'review', data: { missing: 'og:description, og:image' } });
    expect(run({}).outcome).toBe('review');
  });
});
