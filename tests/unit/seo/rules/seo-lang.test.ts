import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-lang';
import { buildFacts } from './build-facts';

describe('seo-lang', () => {
  it('fails without lang', () => {
    expect(rule.check(buildFacts({ snapshot: { lang: '' } })).outcome).toBe('fail');
    expect(rule.check(buildFacts({ snapshot: { lang: '  ' } })).outcome).toBe('fail');
  });

  it('asks the juror about a value that is not a language code', () => {
    expect(rule.check(buildFacts({ snapshot: { lang: 'français' } })).outcome).toBe('review');
  });

  it('passes showing it, with hreflang alternates', () => {
    const result = rule.check(
      buildFacts({ snapshot: { lang: 'fr-FR', meta: { hreflang: [{ lang: 'en', href: 'https://atelier-brume.fr/en/' }, { lang: 'x-default', href: 'https://atelier-brume.fr/' }] } } }),
    );
    expect(result).toMatchObject({ outcome: 'pass', data: { lang: 'fr-FR', hreflang: 2 } });
    expect(result.detail.fr).toContain('lang="fr-FR"');
    expect(result.detail.fr).toContain('en, x-default');
  });
});
