import { describe, expect, it } from 'vitest';
import { detectDeliverable } from '@/lib/page/detect-deliverable';
import { criteriaInBloc } from '@/lib/referentiels/catalog';
import { groupByScope } from '@/lib/referentiels/grouping';
import { rankByRelevance } from '@/lib/page/relevance';
import { fixtureCertification } from '../../fixtures/certification';

const bloc1 = fixtureCertification.blocs[0]!;
const items = criteriaInBloc(fixtureCertification, bloc1);

describe('rankByRelevance', () => {
  it('puts criteria observable on a website first, with the reason', () => {
    const ranked = rankByRelevance(items, detectDeliverable('https://atelier-brume.fr/'));
    expect(ranked.map((r) => r.item.criterion.id)).toEqual(['tc-k002', 'tc-k003', 'tc-k001', 'tc-k004']);
    expect(ranked[0]!.reasons).toEqual([
      { type: 'kind', kind: 'website' },
      { type: 'topic', topic: 'accessibility' },
    ]);
    // Not observable on a website, but about a topic checked on websites.
    expect(ranked[1]!.reasons).toEqual([{ type: 'topic', topic: 'data-protection' }]);
    expect(ranked[2]!.score).toBe(0);
  });

  it('prefers the specific kind of a shop over the generic one', () => {
    const shop = detectDeliverable('https://brume.myshopify.com/');
    const ranked = rankByRelevance(items, shop);
    expect(ranked[0]!.reasons[0]).toEqual({ type: 'kind', kind: 'ecommerce-site' });
  });

  it('keeps document order without a deliverable', () => {
    expect(rankByRelevance(items, null).map((r) => r.item.criterion.id)).toEqual(['tc-k001', 'tc-k002', 'tc-k003', 'tc-k004']);
  });

  it('on a Google Doc, written-document criteria come first in document order', () => {
    const ranked = rankByRelevance(items, detectDeliverable('https://docs.google.com/document/d/x/edit'));
    expect(ranked.map((r) => r.item.criterion.id)).toEqual(['tc-k001', 'tc-k003', 'tc-k004', 'tc-k002']);
  });
});

describe('groupByScope', () => {
  it('groups by attachment in order of first appearance', () => {
    expect(groupByScope(items).map((g) => [g.key, g.items.map((i) => i.criterion.id)])).toEqual([
      ['tc-c01', ['tc-k001']],
      ['tc-c01+tc-c02', ['tc-k002']],
      ['bloc', ['tc-k003', 'tc-k004']],
    ]);
  });
});

describe('criterionCodes', () => {
  it('numbers criteria within their competency, group or bloc', async () => {
    const { criterionCodes } = await import('@/lib/referentiels/criterion-code');
    expect([...criterionCodes(bloc1).values()]).toEqual(['C1 · critère 1', 'C1+C2 · critère 1', 'Bloc 1 · critère 1', 'Bloc 1 · critère 2']);
  });
});
