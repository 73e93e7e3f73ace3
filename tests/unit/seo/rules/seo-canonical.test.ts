import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-canonical';
import { buildFacts, PAGE_URL } from './build-facts';

const run = (canonical: string | null) => rule.check(buildFacts({ snapshot: { meta: { canonical } } }));

describe('seo-canonical', () => {
  it('asks the juror when absent', () => {
    expect(run(null).outcome).toBe('review');
  });

  it('fails when malformed or not http(s)', () => {
    expect(run('http://exa mple.com/').outcome).toBe('fail');
    expect(run('https://').outcome).toBe('fail');
    expect(run('javascript:void(0)').outcome).toBe('fail');
    expect(run('').outcome).toBe('fail');
    // What Chromium's URL parser makes of « https://atelier brume.fr/bougie »
    expect(run('https://atelier%20brume.fr/bougie').outcome).toBe('fail');
    expect(run('https://xn--atelier-brum-jeb.fr/').outcome).toBe('review');
    expect(run('http://[::1]:8080/').outcome).toBe('review');
  });

  it('states a canonical on another host', () => {
    const result = run('https://www.atelier-brume.com/bougie/');
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('www.atelier-brume.com');
    expect(result.detail.fr).toContain('atelier-brume.fr');
  });

  it('passes on the same host, saying whether it is the page itself', () => {
    expect(run(PAGE_URL)).toMatchObject({ outcome: 'pass', data: { samePage: true } });
    expect(run('/boutique/')).toMatchObject({ outcome: 'pass', data: { samePage: false, canonical: 'https://atelier-brume.fr/boutique/' } });
  });
});
