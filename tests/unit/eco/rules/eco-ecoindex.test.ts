import { describe, expect, it } from 'vitest';
import rule from '@/lib/eco/rules/eco-ecoindex';
import { buildFacts, resource } from '../../seo/rules/build-facts';

describe('eco-ecoindex', () => {
  it('reports score, grade, inputs and footprint as a measure', () => {
    // 500 elements, 50 requests, 1000 KB → 62.62 → 63, C (see ecoindex.test.ts)
    const resources = Array.from({ length: 49 }, (_, i) => resource(`https://atelier-brume.fr/r${i}.js`, 20_000));
    const facts = buildFacts({ snapshot: { counts: { ecoIndexElements: 500 } }, navigation: { transferSize: 1000 * 1024 - 49 * 20_000 }, privacy: { resources } });
    const result = rule.check(facts);
    expect(result.outcome).toBe('info');
    expect(result.data).toMatchObject({ score: 63, grade: 'C', dom: 500, requests: 50, sizeKb: 1000, ghg: 1.74, water: 2.61 });
    expect(result.detail.fr).toContain('EcoIndex 63/100, note C : 500 éléments dans le DOM, 50 requêtes, 1 000 ko transférés');
    expect(result.detail.fr).toContain('1,74 gCO2e et 2,61 cl');
    expect(result.detail.fr).toContain('borne basse');
    expect(result.detail.en).toContain('EcoIndex 63/100, grade C: 500 DOM elements, 50 requests, 1,000 KB transferred');
  });

  it('says how many requests had no size', () => {
    const facts = buildFacts({ snapshot: { counts: { ecoIndexElements: 100 } }, navigation: { transferSize: 5_000 }, privacy: { resources: [resource('https://tiers.example/t.js', 0)] } });
    expect(rule.check(facts).detail.fr).toContain('1 requête(s) sur 2 sans taille connue');
  });

  it('asks the juror to measure again when every size is 0 (cache)', () => {
    const facts = buildFacts({ snapshot: { counts: { ecoIndexElements: 100 } }, privacy: { resources: [resource('https://atelier-brume.fr/a.css', 0)] } });
    const result = rule.check(facts);
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('poids est inconnu');
  });

  it('asks the juror when most requests reported no size (other sites withholding it)', () => {
    const third = Array.from({ length: 3 }, (_, i) => resource(`https://tiers.example/p${i}.gif`, 0));
    const facts = buildFacts({ snapshot: { counts: { ecoIndexElements: 100 } }, navigation: { transferSize: 5_000 }, privacy: { resources: third } });
    const result = rule.check(facts);
    expect(result.outcome).toBe('review');
    expect(result.detail.fr).toContain('3 requêtes sur 4 n’ont pas indiqué leur taille');
    expect(result.detail.fr).toContain('score est donc surestimé');
  });
});
