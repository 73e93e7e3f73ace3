// Version 2 adds two stores (gap texts, RGAA grids): a database written by version 1 opens with
// every row intact, and the new stores are usable at once.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, WorkspaceDb } from '@/lib/workspace/db';

describe('workspace database, version 1 → 2', () => {
  it('keeps version 1 data and opens the new stores', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.table('candidates').put({ id: 'cand', name: 'Léa Martin', updatedAt: 1 });
    await v1.table('evaluations').put({ id: 'ev', candidateId: 'cand', updatedAt: 1 });
    await v1.table('assessments').put({ evaluationId: 'ev', criterionId: 'k', status: 'acquired', observation: 'Vu.', words: ['vu'] });
    await v1.table('evidence').put({ id: 'e1', evaluationId: 'ev', criterionIds: ['k'], kind: 'link', url: 'https://exemple.fr/' });
    await v1.table('history').add({ evaluationId: 'ev', entityId: 'k', what: 'status', at: 1 });
    v1.close();

    const v2 = new WorkspaceDb(name);
    expect(await v2.candidates.get('cand')).toMatchObject({ name: 'Léa Martin' });
    expect(await v2.assessments.get(['ev', 'k'])).toMatchObject({ observation: 'Vu.' });
    expect(await v2.evidence.where('criterionIds').equals('k').count()).toBe(1);
    expect(await v2.history.count()).toBe(1);
    await v2.gapTexts.put({ certificationId: 'c', itemId: 'i', text: 'Texte officiel', dataVersion: 1, updatedAt: 2, updatedBy: null });
    expect(await v2.gapTexts.where('certificationId').equals('c').count()).toBe(1);
    await v2.rgaaAudits.put({ id: 'a', evaluationId: 'ev', pageUrl: 'https://exemple.fr/', pageTitle: '', results: {}, createdAt: 2, updatedAt: 2 });
    expect(await v2.rgaaAudits.where('[evaluationId+pageUrl]').equals(['ev', 'https://exemple.fr/']).count()).toBe(1);
    v2.close();
  });
});
