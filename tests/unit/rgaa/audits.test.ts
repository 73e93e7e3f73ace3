// RGAA grids in the workspace: one per evaluation and page, the juror's entries, the automated
// proposals only where the juror entered nothing, history within an evaluation.
import { beforeEach, describe, expect, it } from 'vitest';
import type { RgaaProposal } from '@/lib/rgaa/grid';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { historyOf } from '@/lib/workspace/history';
import { applyProposals, findAudit, historyEntityId, openAudit, setCriterion } from '@/lib/rgaa/audits';

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`rgaa-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 1, blocIds: ['b1'], mode: 'jury', jurors: [], deliverables: [] },
    'Nadia',
    1,
  );
});

const page = (evalId: string) => ({ evaluationId: evalId, pageUrl: 'http://localhost:4000/contact/#form', pageTitle: 'Contact' });
const nc = (criterion: string, comment = `NC ${criterion}`): RgaaProposal => ({ criterion, result: 'NC', comment, source: 'automated' });
const rgaaHistory = async () => (await historyOf(db, evaluationId)).filter((h) => h.entityId.startsWith('rgaa:'));

describe('rgaa audits', () => {
  it('opens the same audit for the same evaluation and page (fragment ignored), another one elsewhere', async () => {
    const a = await openAudit(db, page(evaluationId), 10);
    const b = await openAudit(db, { ...page(evaluationId), pageUrl: 'http://localhost:4000/contact/' }, 20);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ pageUrl: 'http://localhost:4000/contact/', pageTitle: 'Contact', results: {}, createdAt: 10 });
    const outside = await openAudit(db, page(''), 30);
    expect(outside.id).not.toBe(a.id);
    expect(await db.rgaaAudits.count()).toBe(2);
  });

  it('records the juror’s result and comment, with history in the evaluation', async () => {
    await setCriterion(db, page(evaluationId), { criterion: '11.1', result: 'NC' }, 'Nadia', 100);
    await setCriterion(db, page(evaluationId), { criterion: '11.1', comment: 'Téléphone sans étiquette' }, 'Nadia', 200);
    const audit = (await findAudit(db, evaluationId, 'http://localhost:4000/contact/'))!;
    expect(audit.results['11.1']).toEqual({ result: 'NC', comment: 'Téléphone sans étiquette', source: 'juror', updatedAt: 200 });
    const history = await rgaaHistory();
    expect(history.map((h) => [h.entityId, h.field, h.before, h.after, h.who])).toEqual([
      [historyEntityId(audit.id, '11.1'), 'status', 'NT', 'NC', 'Nadia'],
      [historyEntityId(audit.id, '11.1'), 'observation', '', 'Téléphone sans étiquette', 'Nadia'],
    ]);
    expect(historyEntityId(audit.id, '11.1')).toBe(`rgaa:${audit.id}:11.1`);
    expect((await db.evaluations.get(evaluationId))!.updatedAt).toBe(200);
    // The same value again writes nothing.
    await setCriterion(db, page(evaluationId), { criterion: '11.1', result: 'NC' }, 'Nadia', 300);
    expect(await rgaaHistory()).toHaveLength(2);
  });

  it('applies NC proposals only where the juror entered nothing', async () => {
    await setCriterion(db, page(evaluationId), { criterion: '1.1', result: 'C', comment: 'Vérifié' }, 'Nadia', 100);
    await setCriterion(db, page(evaluationId), { criterion: '6.2', result: 'NT' }, 'Nadia', 100);
    const applied = await applyProposals(db, page(evaluationId), [nc('1.1'), nc('6.2'), nc('8.3'), nc('3.2')], 'Nadia', 200);
    expect(applied).toBe(2);
    const { results } = (await findAudit(db, evaluationId, page(evaluationId).pageUrl))!;
    expect(results['1.1']).toMatchObject({ result: 'C', comment: 'Vérifié', source: 'juror' });
    expect(results['6.2']).toMatchObject({ result: 'NT', source: 'juror' });
    expect(results['8.3']).toEqual({ result: 'NC', comment: 'NC 8.3', source: 'automated', updatedAt: 200 });
    expect(results['3.2']).toMatchObject({ result: 'NC', source: 'automated' });
    // Applying again changes nothing.
    expect(await applyProposals(db, page(evaluationId), [nc('8.3'), nc('3.2')], 'Nadia', 300)).toBe(0);
    // A proposal that is not NC is refused, whatever the caller says.
    const forged = { criterion: '9.1', result: 'C', comment: '', source: 'automated' } as unknown as RgaaProposal;
    expect(await applyProposals(db, page(evaluationId), [forged], 'Nadia', 300)).toBe(0);
  });

  it('the juror’s change to an automated entry makes it the juror’s, and proposals no longer touch it', async () => {
    await applyProposals(db, page(evaluationId), [nc('8.3')], 'Nadia', 100);
    await setCriterion(db, page(evaluationId), { criterion: '8.3', comment: 'Confirmé : pas de lang' }, 'Nadia', 200);
    let { results } = (await findAudit(db, evaluationId, page(evaluationId).pageUrl))!;
    expect(results['8.3']).toMatchObject({ result: 'NC', comment: 'Confirmé : pas de lang', source: 'juror' });
    expect(await applyProposals(db, page(evaluationId), [nc('8.3', 'autre')], 'Nadia', 300)).toBe(0);
    ({ results } = (await findAudit(db, evaluationId, page(evaluationId).pageUrl))!);
    expect(results['8.3']!.comment).toBe('Confirmé : pas de lang');
  });

  it('outside an evaluation: the grid is kept, no history is written', async () => {
    await setCriterion(db, page(''), { criterion: '1.1', result: 'C' }, null, 100);
    await applyProposals(db, page(''), [nc('6.2')], null, 100);
    expect(await db.history.where('evaluationId').equals('').count()).toBe(0);
    expect(Object.keys((await findAudit(db, '', page('').pageUrl))!.results).sort()).toEqual(['1.1', '6.2']);
  });

  it('refuses to write into an evaluation that no longer exists', async () => {
    await expect(setCriterion(db, page('gone'), { criterion: '1.1', result: 'C' }, null, 100)).rejects.toThrow('n’existe plus');
    expect(await db.rgaaAudits.count()).toBe(0);
  });
});
