// Drafts: each keystroke's text kept in IndexedDB (one transaction in flight, the newest text
// next), recovered when a panel that closed or died left some, merged with what was stored since.
import { beforeEach, describe, expect, it } from 'vitest';
import { commitObservations, saveObservation } from '@/lib/workspace/assessments';
import { WorkspaceDb } from '@/lib/workspace/db';
import { recoverDrafts } from '@/lib/drafts/recovery';
import { allDrafts, draftsOf, DraftWriter, PANEL_ID, takeDraft, type DraftField } from '@/lib/drafts/store';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { historyOf } from '@/lib/workspace/history';
import { mergeTexts } from '@/lib/workspace/merge-text';
import { findAudit, setCriterion } from '@/lib/rgaa/audits';

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`drafts-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: 'Nadia', external: true }], deliverables: [] },
    null,
  );
});

const observation = (): DraftField => ({ kind: 'observation', evaluationId, criterionId: 'tc-k001' });
/** A panel that died: its drafts are written under its own id, and it holds no lock. */
const deadPanel = 'panel-that-died';

describe('mergeTexts', () => {
  it('keeps the words each side added to the same starting text', () => {
    expect(mergeTexts('Le site', 'Le site est clair', 'Le site web')).toBe('Le site web est clair');
    expect(mergeTexts('Un deux trois', 'Un deux trois quatre', 'Zéro un deux trois')).toBe('Zéro un deux trois quatre');
  });

  it('keeps both passages where both sides changed the same one, the stored one first', () => {
    const merged = mergeTexts('Le site', 'Le site est lent.', 'Le site est clair.');
    expect(merged).toContain('lent.');
    expect(merged).toContain('clair.');
    expect(merged.indexOf('clair.')).toBeLessThan(merged.indexOf('lent.'));
  });

  it('takes the stored text when this side changed nothing, and this side when nothing changed there', () => {
    expect(mergeTexts('a b', 'a b', 'a b c')).toBe('a b c');
    expect(mergeTexts('a b', 'a b c', 'a b')).toBe('a b c');
    expect(mergeTexts('a b', '', 'a b')).toBe('');
  });
});

describe('DraftWriter', () => {
  it('writes the newest text after the one in flight, not every keystroke', async () => {
    const drafts = draftsOf(db);
    let puts = 0;
    drafts.drafts.hook('creating', () => void (puts += 1));
    drafts.drafts.hook('updating', () => void (puts += 1));
    const writer = new DraftWriter(drafts, observation());
    const text = 'Observation tapée lettre par lettre';
    for (let i = 1; i <= text.length; i++) writer.write(text.slice(0, i), '', null, 'Nadia');
    await writer.idle();
    expect((await allDrafts(drafts)).map((d) => [d.text, d.panel, d.who])).toEqual([[text, PANEL_ID, 'Nadia']]);
    // The first keystroke's transaction, then the newest text once it completed.
    expect(puts).toBe(2);
  });

  it('goes once the field’s own store holds its text, not if newer text was typed since', async () => {
    const drafts = draftsOf(db);
    const writer = new DraftWriter(drafts, observation());
    writer.write('abc', '', null, null);
    writer.write('abcd', '', null, null);
    writer.settle('abc');
    await writer.idle();
    expect((await allDrafts(drafts)).map((d) => d.text)).toEqual(['abcd']);
    writer.settle('abcd');
    await writer.idle();
    expect(await allDrafts(drafts)).toEqual([]);
  });

  it('reports a failed write and writes it again on retry', async () => {
    const drafts = draftsOf(db);
    const errors: unknown[] = [];
    const writer = new DraftWriter(drafts, observation(), (e) => errors.push(e));
    const realPut = drafts.drafts.put.bind(drafts.drafts);
    drafts.drafts.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof realPut;
    writer.write('gardé', '', null, null);
    await writer.idle();
    expect(errors).toHaveLength(1);
    drafts.drafts.put = realPut;
    writer.retry();
    await writer.idle();
    expect((await allDrafts(drafts)).map((d) => d.text)).toEqual(['gardé']);
  });
});

describe('recoverDrafts', () => {
  it('saves an observation a dead panel was typing, with its history, merged with what another panel stored since', async () => {
    await saveObservation(db, evaluationId, 'tc-k001', 'Le site', 'Nadia');
    await commitObservations(db, evaluationId, 'Nadia');
    // The dead panel had typed « est clair » from « Le site »; a living one then stored « web ».
    const writer = new DraftWriter(draftsOf(db), observation(), undefined, deadPanel);
    writer.write('Le site est clair', 'Le site', null, 'Nadia', Date.now());
    await writer.idle();
    await saveObservation(db, evaluationId, 'tc-k001', 'Le site web', 'Paul');

    expect(await recoverDrafts(db, { live: new Set([PANEL_ID]) })).toBe(1);
    expect((await db.assessments.get([evaluationId, 'tc-k001']))?.observation).toBe('Le site web est clair');
    expect((await historyOf(db, evaluationId)).filter((h) => h.field === 'observation').map((h) => h.after)).toEqual(['Le site', 'Le site web est clair']);
    expect(await allDrafts(draftsOf(db))).toEqual([]);
  });

  it('leaves the drafts of panels still open, and of forms saved by a button, for them', async () => {
    const alive = new DraftWriter(draftsOf(db), observation(), undefined, 'open-panel');
    alive.write('En cours ailleurs', '', null, null);
    const decision = new DraftWriter(draftsOf(db), { kind: 'decision', evaluationId, targetId: 'tc-b1' }, undefined, deadPanel);
    decision.write('Motivation non enregistrée', '', 'ajourne', 'Nadia');
    await Promise.all([alive.idle(), decision.idle()]);

    expect(await recoverDrafts(db, { live: new Set([PANEL_ID, 'open-panel']) })).toBe(0);
    expect((await db.assessments.get([evaluationId, 'tc-k001']))?.observation).toBeUndefined();
    expect(await db.decisions.count()).toBe(0);
    expect((await allDrafts(draftsOf(db))).map((d) => d.text).sort()).toEqual(['En cours ailleurs', 'Motivation non enregistrée']);

    // The form takes it back (once), moved to the panel that shows it.
    const taken = await takeDraft(draftsOf(db), { kind: 'decision', evaluationId, targetId: 'tc-b1' }, new Set([PANEL_ID]));
    expect(taken).toMatchObject({ text: 'Motivation non enregistrée', choice: 'ajourne', panel: PANEL_ID });
    expect((await allDrafts(draftsOf(db))).filter((d) => d.panel === deadPanel)).toEqual([]);
  });

  it('drops the drafts of an evaluation deleted since', async () => {
    const writer = new DraftWriter(draftsOf(db), { kind: 'observation', evaluationId: 'deleted', criterionId: 'tc-k001' }, undefined, deadPanel);
    writer.write('orphelin', '', null, null);
    await writer.idle();
    expect(await recoverDrafts(db, { live: new Set() })).toBe(0);
    expect(await allDrafts(draftsOf(db))).toEqual([]);
  });

  it('saves an RGAA comment and a gap text a dead panel was typing', async () => {
    const page = { evaluationId, pageUrl: 'https://atelier-brume.fr/', pageTitle: 'Accueil' };
    await setCriterion(db, page, { criterion: '1.1', comment: 'Logo' }, 'Nadia');
    const rgaa = new DraftWriter(draftsOf(db), { kind: 'rgaa-comment', ...page, criterion: '1.1' }, undefined, deadPanel);
    rgaa.write('Logo sans alternative', 'Logo', null, 'Nadia');
    const gap = new DraftWriter(draftsOf(db), { kind: 'gap', certificationId: 'test-certification', itemId: 'tc-k004', dataVersion: 3 }, undefined, deadPanel);
    gap.write('Texte du document officiel', '', null, 'Nadia');
    await Promise.all([rgaa.idle(), gap.idle()]);

    expect(await recoverDrafts(db, { live: new Set() })).toBe(2);
    expect((await findAudit(db, evaluationId, page.pageUrl))?.results['1.1']?.comment).toBe('Logo sans alternative');
    expect((await db.gapTexts.get(['test-certification', 'tc-k004']))?.text).toBe('Texte du document officiel');
  });
});

describe('saving with the text the edit started from', () => {
  it('merges an observation stored meanwhile by another panel instead of writing over it', async () => {
    await saveObservation(db, evaluationId, 'tc-k001', 'Sources', 'Nadia');
    await saveObservation(db, evaluationId, 'tc-k001', 'Sources variées', 'Paul', Date.now(), 'Sources');
    const stored = await saveObservation(db, evaluationId, 'tc-k001', 'Sources : presse', 'Nadia', Date.now(), 'Sources');
    expect(stored).toBe('Sources variées : presse');
    expect((await db.assessments.get([evaluationId, 'tc-k001']))?.observation).toBe(stored);
  });
});
