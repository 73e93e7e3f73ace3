import { describe, expect, it } from 'vitest';
import { allCriteria } from '@/lib/referentiels/catalog';
import { buildSearchIndex, searchCriteria } from '@/lib/referentiels/search';
import { foldForSearch } from '@/lib/text/normalize';
import { fixtureCertification } from '../../fixtures/certification';

const index = buildSearchIndex(allCriteria([fixtureCertification]));
const ids = (q: string) => searchCriteria(index, q).map((r) => r.criterion.id);

describe('foldForSearch', () => {
  it('folds case, accents, ligatures and apostrophes', () => {
    expect(foldForSearch('  ÉTUDE  d’Œuvre ')).toBe("etude d'oeuvre");
  });
});

describe('searchCriteria', () => {
  it('is insensitive to case and accents', () => {
    expect(ids('ACCESSIBILITE')).toEqual(['tc-k002']);
    expect(ids('diversifiées')).toEqual(['tc-k001']);
    expect(ids('diversifiees')).toEqual(['tc-k001']);
  });
  it('matches apostrophes of either kind', () => {
    expect(ids("d'accepter")).toEqual(['tc-k003']);
    expect(ids('d’accessibilité')).toEqual(['tc-k002']);
  });
  it('requires every term', () => {
    expect(ids('sources fiables')).toEqual(['tc-k001']);
    expect(ids('sources instagram')).toEqual([]);
  });
  it('finds criteria through their competency and ranks wording hits first', () => {
    // "veille" is in tc-k001's wording and in competency C1, which tc-k002 is also attached to.
    expect(ids('veille')).toEqual(['tc-k001', 'tc-k002']);
  });
  it('returns nothing for an empty query', () => {
    expect(ids('   ')).toEqual([]);
  });
});
