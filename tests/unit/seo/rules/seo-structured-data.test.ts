import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-structured-data';
import { buildFacts } from './build-facts';

const run = (jsonLd: { types: string[]; blocks: string[]; invalid: number }) => rule.check(buildFacts({ snapshot: { jsonLd } }));

describe('seo-structured-data', () => {
  it('fails on an unparsable block', () => {
    // blocks holds every block as written, the unparsable one included
    const result = run({ types: ['Product'], blocks: ['{"@type":"Product"}', '{"@type":"Offer",}'], invalid: 1 });
    expect(result).toMatchObject({ outcome: 'fail', data: { valid: 1, invalid: 1 } });
    expect(result.detail.fr).toContain('1 bloc(s) JSON-LD illisible(s) (JSON invalide), ignoré(s) par les moteurs ; 1 bloc(s) lisible(s), types : Product.');
  });

  it('asks the juror when there is none, or no type', () => {
    expect(run({ types: [], blocks: [], invalid: 0 }).detail.fr).toContain('Aucune donnée structurée');
    expect(run({ types: [], blocks: [], invalid: 0 }).outcome).toBe('review');
    expect(run({ types: [], blocks: ['{"name":"x"}'], invalid: 0 }).outcome).toBe('review');
  });

  it('passes listing the types once each', () => {
    const result = run({ types: ['Product', 'Offer', 'Product'], blocks: ['{}', '{}'], invalid: 0 });
    expect(result).toMatchObject({ outcome: 'pass', data: { types: 'Product, Offer' } });
  });
});
