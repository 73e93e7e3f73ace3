import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-meta-description';
import { buildFacts } from './build-facts';

const run = (description: string | null) => rule.check(buildFacts({ snapshot: { meta: { description } } }));

describe('seo-meta-description', () => {
  it('fails when absent or empty', () => {
    expect(run(null)).toMatchObject({ outcome: 'fail', data: { present: false } });
    expect(run('   ').outcome).toBe('fail');
    expect(run('   ').detail.fr).toContain('vide');
  });

  it('asks the juror about a short or a long description, quoting it with its length', () => {
    const short = run('Bougies artisanales.');
    expect(short.outcome).toBe('review');
    expect(short.detail.fr).toContain('« Bougies artisanales. »');
    expect(short.data).toMatchObject({ length: 20 });
    const long = run('x'.repeat(161));
    expect(long).toMatchObject({ outcome: 'review', data: { length: 161 } });
    expect(long.detail.fr).toContain('coupée');
  });

  it('passes between 50 and 160 characters, whitespace collapsed', () => {
    const text = 'Bougies parfumées coulées à la main à Lyon, en cire végétale, mèche en coton.';
    const result = run(`  ${text.replace(/ /g, '\n ')} `);
    expect(result.outcome).toBe('pass');
    expect(result.detail.fr).toContain(`« ${text} »`);
    expect(run('x'.repeat(50)).outcome).toBe('pass');
    expect(run('x'.repeat(160)).outcome).toBe('pass');
  });
});
