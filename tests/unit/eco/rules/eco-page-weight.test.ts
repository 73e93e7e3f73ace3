import { describe, expect, it } from 'vitest';
import rule from '@/lib/eco/rules/eco-page-weight';
import { buildFacts, resource } from '../../seo/rules/build-facts';

const MB = 1024 * 1024;
const run = (bytes: number, extra: ReturnType<typeof resource>[] = []) => rule.check(buildFacts({ navigation: { transferSize: bytes }, privacy: { resources: extra } }));

describe('eco-page-weight', () => {
  it('passes under 1 MB', () => {
    const result = run(300 * 1024);
    expect(result.outcome).toBe('pass');
    expect(result.detail.fr).toContain('300 ko transférés en 1 requête,');
  });

  it('states the figure alone between 1 and 2 MB', () => {
    expect(run(1.5 * MB).outcome).toBe('info');
    expect(run(2 * MB).outcome).toBe('info');
  });

  it('asks the juror above the median, comparing with it', () => {
    const result = run(MB, [resource('https://atelier-brume.fr/hero.jpg', 4 * MB)]);
    expect(result).toMatchObject({ outcome: 'review', data: { bytes: 5 * MB, medianRatio: 2.5 } });
    expect(result.detail.fr).toContain('5 Mo transférés en 2 requêtes, soit 2,5 fois le poids médian');
    expect(result.detail.en).toContain('5 MB transferred in 2 requests, 2.5 times the median');
  });

  it('says the weight is unknown when nothing reported a size', () => {
    const result = run(0, [resource('https://atelier-brume.fr/a.css', 0)]);
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('Poids inconnu');
  });

  it('does not call light a page whose requests mostly reported no size', () => {
    const third = Array.from({ length: 3 }, (_, i) => resource(`https://tiers.example/p${i}.gif`, 0));
    const result = run(50 * 1024, third);
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('50 ko mesurés en 4 requêtes, poids sous-estimé. 3 requêtes sur 4');
  });
});
