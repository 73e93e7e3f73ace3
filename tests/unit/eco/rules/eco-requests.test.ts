import { describe, expect, it } from 'vitest';
import rule, { hostCounts } from '@/lib/eco/rules/eco-requests';
import { buildFacts, PAGE_URL, resource } from '../../seo/rules/build-facts';

const resources = (n: number, host: string) => Array.from({ length: n }, (_, i) => resource(`https://${host}/r${i}`, 100));

describe('eco-requests', () => {
  it('counts hosts, most asked first, the document included', () => {
    expect(hostCounts(PAGE_URL, ['https://cdn.example/a', 'https://cdn.example/b', 'https://atelier-brume.fr/c', 'https://t.example/p', 'https://cdn.example/c'])).toEqual([
      ['cdn.example', 3],
      ['atelier-brume.fr', 2],
      ['t.example', 1],
    ]);
  });

  it('passes up to 100 requests, listing the hosts', () => {
    const result = rule.check(buildFacts({ privacy: { resources: [...resources(60, 'atelier-brume.fr'), ...resources(39, 'cdn.example')] } }));
    expect(result).toMatchObject({ outcome: 'pass', data: { requests: 100, hosts: 2, otherHosts: 39, topHosts: 'atelier-brume.fr (61), cdn.example (39)' } });
  });

  it('asks the juror above 100', () => {
    const result = rule.check(buildFacts({ privacy: { resources: [...resources(80, 'atelier-brume.fr'), ...resources(40, 'tracker.example')] } }));
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('121 requêtes, document compris, vers 2 hôtes, dont 40 vers d’autres hôtes que celui de la page. Les plus sollicités : atelier-brume.fr (81), tracker.example (40).');
  });

  it('says the count is a minimum when the browser’s buffer is full', () => {
    const result = rule.check(buildFacts({ privacy: { resources: resources(250, 'atelier-brume.fr') } }));
    expect(result.detail.fr).toContain('250 ressources relevées');
    expect(rule.check(buildFacts({ privacy: { resources: resources(251, 'atelier-brume.fr') } })).detail.fr).not.toContain('ressources relevées');
  });
});
