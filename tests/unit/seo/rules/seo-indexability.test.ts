import { describe, expect, it } from 'vitest';
import rule, { robotsDirectives } from '@/lib/seo/rules/seo-indexability';
import { buildFacts } from './build-facts';

const run = (robots: string | null) => rule.check(buildFacts({ snapshot: { meta: { robots } } }));

describe('seo-indexability', () => {
  it('reads directives case-insensitively', () => {
    expect(robotsDirectives(' NoIndex,nofollow  max-snippet:-1')).toEqual(['noindex', 'nofollow', 'max-snippet:-1']);
    expect(robotsDirectives(null)).toEqual([]);
  });

  it('fails on noindex and none', () => {
    expect(run('noindex, follow').outcome).toBe('fail');
    expect(run('none').outcome).toBe('fail');
    expect(run('NOINDEX').detail.fr).toContain('La page demande à ne pas être indexée');
  });

  it('asks the juror about nofollow', () => {
    expect(run('index, nofollow').outcome).toBe('review');
  });

  it('passes when absent or index, saying the HTTP header was not checked', () => {
    const result = run(null);
    expect(result.outcome).toBe('pass');
    expect(result.detail.fr).toContain('X-Robots-Tag');
    expect(run('index, follow').outcome).toBe('pass');
  });
});
