// Reconciling jurors: the colleague's export of the same candidate, differences criterion by
// criterion, and the joint record written in one transaction with its history.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEnvelope } from '@/lib/export/backup';
import { applyReconciliation } from '@/lib/export/reconcile-apply';
import { joinTexts, localSide, matchingSides, reconcile, sidesInEnvelope } from '@/lib/export/reconcile';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import { addEvidence } from '@/lib/workspace/evidence';
import { setDecision } from '@/lib/workspace/decisions';
import { historyOf } from '@/lib/workspace/history';
import { importBackup, planImport } from '@/lib/export/import';
import { reconciliationsOf } from '@/lib/export/reconciliation-note';
import { fixtureCertification } from '../../fixtures/certification';

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const order = fixtureCertification.blocs.flatMap((b) => b.criteria.map((c) => c.id));

async function juror(name: string, candidateName: string, work: (db: WorkspaceDb, id: string) => Promise<void>) {
  const db = new WorkspaceDb(`reconcile-${crypto.randomUUID()}`);
  const id = await createEvaluation(
    db,
    { candidateName, certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name, external: true }], deliverables: [] },
    name,
    1000,
  );
  await work(db, id);
  return { db, id };
}

async function observe(db: WorkspaceDb, id: string, criterionId: string, text: string, who: string) {
  await saveObservation(db, id, criterionId, text, who, 2000);
  await commitObservations(db, id, who, criterionId, 2001);
}

async function setUp() {
  const me = await juror('Nadia Benali', 'Camille Martin', async (db, id) => {
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'acquis' }, 'Nadia Benali', 1500);
    await observe(db, id, 'tc-k001', 'Veille solide.', 'Nadia Benali');
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k002', status: 'non-acquis' }, 'Nadia Benali', 1500);
    await observe(db, id, 'tc-k003', 'Même texte', 'Nadia Benali');
    await setDecision(db, { evaluationId: id, targetType: 'bloc', targetId: 'tc-b1', decision: 'valide', comment: '' }, 'Nadia Benali', 3000);
  });
  const colleague = await juror('Paul Durand', '  camille MARTIN ', async (db, id) => {
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'partiellement-acquis' }, 'Paul Durand', 1500);
    await observe(db, id, 'tc-k001', 'Sources peu variées <b>ici</b>.', 'Paul Durand');
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k002', status: 'non-acquis' }, 'Paul Durand', 1500);
    await observe(db, id, 'tc-k003', 'Même texte ', 'Paul Durand');
    await addEvidence(db, { evaluationId: id, kind: 'screenshot', url: 'https://a.fr/', pageTitle: 'A', capturedAt: 5, image: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), criterionIds: ['tc-k002'] }, 'Paul Durand', 4000);
    await addEvidence(db, { evaluationId: id, kind: 'link', url: 'https://b.fr/', pageTitle: 'B', capturedAt: 6, criterionIds: [] }, 'Paul Durand', 4000);
    await setDecision(db, { evaluationId: id, targetType: 'bloc', targetId: 'tc-b1', decision: 'ajourne', comment: 'Veille à compléter' }, 'Paul Durand', 3000);
  });
  const theirEnvelope = await buildEnvelope(colleague.db, { evaluationId: colleague.id });
  const mine = await localSide(me.db, me.id);
  return { me, colleague, mine, theirEnvelope, theirs: sidesInEnvelope(theirEnvelope, 'paul.json') };
}

describe('reconcile', () => {
  it('matches the same candidate (case, accents, spaces) and certification', async () => {
    const { mine, theirs } = await setUp();
    expect(matchingSides(mine, theirs)).toHaveLength(1);
    expect(matchingSides(mine, [{ ...theirs[0]!, evaluation: { ...theirs[0]!.evaluation, certificationId: 'autre' } }])).toEqual([]);
    expect(matchingSides(mine, [{ ...theirs[0]!, candidate: { ...theirs[0]!.candidate!, name: 'Camille Marty' } }])).toEqual([]);
  });

  it('lists only the differences: status, observation, evidence on one side, decisions', async () => {
    const { mine, theirs } = await setUp();
    const r = reconcile(mine, theirs[0]!, { order });
    expect(r.criteria.map((c) => [c.criterionId, c.statusDiffers, c.observationDiffers, c.evidenceOnlyTheirs.length])).toEqual([
      ['tc-k001', true, true, 0],
      ['tc-k002', false, false, 1],
    ]);
    expect(r.criteria[0]!.theirs).toEqual({ status: 'partiellement-acquis', exemptionReason: null, observation: 'Sources peu variées <b>ici</b>.', by: 'Paul Durand' });
    expect(r.decisions).toEqual([
      { targetType: 'bloc', targetId: 'tc-b1', mine: { decision: 'valide', comment: '', by: 'Nadia Benali' }, theirs: { decision: 'ajourne', comment: 'Veille à compléter', by: 'Paul Durand' }, decisionDiffers: true, commentDiffers: true },
    ]);
    expect(r.otherEvidenceTheirs.map((e) => e.url)).toEqual(['https://b.fr/']);
    expect(r.newJurors.map((j) => j.name)).toEqual(['Paul Durand']);
    expect(r.versionMismatch).toBe(false);
  });

  it('joins both observations under each juror’s name', () => {
    expect(joinTexts({ text: 'A', by: 'Nadia' }, { text: ' B ', by: 'Paul' })).toBe('Nadia : A\n\nPaul : B');
    expect(joinTexts({ text: '', by: 'Nadia' }, { text: 'B', by: 'Paul' })).toBe('Paul : B');
  });

  it('writes the chosen values, the chosen evidence and the colleague’s jurors, with history', async () => {
    const { me, mine, theirs } = await setUp();
    const r = reconcile(mine, theirs[0]!, { order });
    const screenshot = r.criteria[1]!.evidenceOnlyTheirs[0]!;
    const before = (await historyOf(me.db, me.id)).length;
    const result = await applyReconciliation(
      me.db,
      me.id,
      r,
      {
        criteria: { 'tc-k001': { status: 'theirs', observation: { keep: 'both' } } },
        decisions: { 'tc-b1': { decision: 'theirs', comment: { keep: 'edited', text: 'Veille à compléter (avis commun)' } } },
        addEvidence: [screenshot.id],
      },
      'Nadia Benali',
      9000,
    );
    expect(result).toEqual({ criteria: 1, decisions: 1, evidence: 1, jurors: 1 });
    const a = (await me.db.assessments.get([me.id, 'tc-k001']))!;
    expect(a.status).toBe('partiellement-acquis');
    expect(a.observation).toBe('Nadia Benali : Veille solide.\n\nPaul Durand : Sources peu variées <b>ici</b>.');
    expect(a.observationCommitted).toBe(a.observation);
    expect(a.words).toContain('sources');
    const evaluation = (await me.db.evaluations.get(me.id))!;
    expect(evaluation.statusCounts).toEqual({ acquis: 0, 'non-acquis': 1, 'partiellement-acquis': 1 });
    expect(evaluation.jurors.map((j) => j.name)).toEqual(['Nadia Benali', 'Paul Durand']);
    expect((await me.db.decisions.get([me.id, 'tc-b1']))).toMatchObject({ decision: 'ajourne', comment: 'Veille à compléter (avis commun)', decidedBy: 'Nadia Benali' });
    const added = await me.db.evidence.where('evaluationId').equals(me.id).toArray();
    expect(added).toHaveLength(1);
    expect([...new Uint8Array(await added[0]!.image!.arrayBuffer())]).toEqual([1, 2, 3]);
    // Under a new id: the colleague's id stays theirs.
    expect(added[0]!.id).not.toBe(screenshot.id);
    expect(added[0]!.createdBy).toBe('Paul Durand');
    const history = (await historyOf(me.db, me.id)).slice(before);
    expect(history.map((h) => [h.entity, h.field, h.who, h.at])).toEqual([
      ['assessment', 'reconcile', 'Nadia Benali', 9000],
      ['decision', 'reconcile', 'Nadia Benali', 9000],
      ['evidence', 'reconcile', 'Nadia Benali', 9000],
      ['evaluation', 'reconcile', 'Nadia Benali', 9000],
      ['evaluation', 'reconciliation', 'Nadia Benali', 9000],
    ]);
    expect(history[0]!.before).toEqual({ status: 'acquis', exemptionReason: null, observation: 'Veille solide.' });
    expect(history[3]!.after).toMatchObject({ jurors: [{ name: 'Nadia Benali' }, { name: 'Paul Durand' }] });
    // The note: with whom, from which file, where the two differed and what was kept.
    const [recorded] = await reconciliationsOf(me.db, me.id);
    expect(recorded).toEqual({
      by: 'Nadia Benali',
      at: 9000,
      note: {
        mine: 'Nadia Benali',
        theirs: 'Paul Durand',
        theirEvaluationId: theirs[0]!.evaluation.id,
        fileName: 'paul.json',
        exportedAt: theirs[0]!.source!.exportedAt,
        criteria: [
          {
            criterionId: 'tc-k001',
            status: { mine: 'acquis', theirs: 'partiellement-acquis', mineReason: null, theirsReason: null, kept: 'theirs' },
            observation: { kept: 'both' },
            evidence: null,
          },
          { criterionId: 'tc-k002', status: null, observation: null, evidence: { onlyMine: 0, onlyTheirs: 1, added: 1 } },
        ],
        decisions: [{ targetType: 'bloc', targetId: 'tc-b1', decision: { mine: 'valide', theirs: 'ajourne', kept: 'theirs' }, comment: { kept: 'edited' } }],
        jurorsAdded: ['Paul Durand'],
        otherEvidenceAdded: 0,
      },
    });
  });

  it('compares against the stored state: what the juror just recorded is the « mine » of the comparison', async () => {
    const { me, theirs } = await setUp();
    // Recorded after the first look: tc-k003 now differs, tc-k001 now agrees with the colleague.
    const early = reconcile(await localSide(me.db, me.id), theirs[0]!, { order });
    expect(early.criteria.map((c) => c.criterionId)).toEqual(['tc-k001', 'tc-k002']);
    await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k003', status: 'non-acquis' }, 'Nadia Benali', 5000);
    await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k001', status: 'partiellement-acquis' }, 'Nadia Benali', 5000);
    await setDecision(me.db, { evaluationId: me.id, targetType: 'bloc', targetId: 'tc-b1', decision: 'non-valide', comment: 'Veille insuffisante' }, 'Nadia Benali', 5000);
    const now = reconcile(await localSide(me.db, me.id), theirs[0]!, { order });
    expect(now.criteria.map((c) => [c.criterionId, c.mine.status, c.statusDiffers])).toEqual([
      ['tc-k001', 'partiellement-acquis', false],
      ['tc-k002', 'non-acquis', false],
      ['tc-k003', 'non-acquis', true],
    ]);
    expect(now.decisions[0]!.mine).toEqual({ decision: 'non-valide', comment: 'Veille insuffisante', by: 'Nadia Benali' });
    // Applying the first look's comparison records today's values, not the stale ones.
    await applyReconciliation(me.db, me.id, early, {}, 'Nadia Benali', 6000);
    const [recorded] = await reconciliationsOf(me.db, me.id);
    expect(recorded!.note.criteria.find((c) => c.criterionId === 'tc-k001')!.status).toBeNull();
    expect(recorded!.note.decisions[0]!.decision).toEqual({ mine: 'non-valide', theirs: 'ajourne', kept: 'mine' });
  });

  it('after the joint record, the colleague’s own file still imports: nothing of theirs was taken under their ids', async () => {
    const { me, theirs, theirEnvelope } = await setUp();
    const r = reconcile(await localSide(me.db, me.id), theirs[0]!, { order });
    const everything = [...r.criteria.flatMap((c) => c.evidenceOnlyTheirs), ...r.otherEvidenceTheirs].map((e) => e.id);
    await applyReconciliation(me.db, me.id, r, { criteria: { 'tc-k001': { status: 'theirs' } }, addEvidence: everything }, 'Nadia Benali', 9000);
    expect((await planImport(me.db, theirEnvelope, { certifications: [fixtureCertification] })).heldElsewhere).toEqual({ evidence: 0, rgaaAudits: 0, aiSuggestions: 0 });
    const result = await importBackup(me.db, theirEnvelope, { who: 'Nadia Benali', certifications: [fixtureCertification] });
    expect(result).toMatchObject({ added: 1, replaced: 0, copied: 0, skipped: 0 });
    expect(await me.db.evidence.where('evaluationId').equals(me.id).count()).toBe(2);
    expect(await me.db.evidence.where('evaluationId').equals(theirs[0]!.evaluation.id).count()).toBe(2);
  });

  it('keeps mine where nothing is chosen, and writes nothing when a choice breaks a rule', async () => {
    const { me, mine, theirs } = await setUp();
    const r = reconcile(mine, theirs[0]!, { order });
    const snapshot = async () => ({ a: await me.db.assessments.toArray(), d: await me.db.decisions.toArray(), h: await me.db.history.count(), e: await me.db.evaluations.toArray() });
    const before = await snapshot();
    // An « ajourné » decision with an empty motivation is refused; the status change before it is rolled back.
    await expect(
      applyReconciliation(me.db, me.id, r, { criteria: { 'tc-k001': { status: 'theirs' } }, decisions: { 'tc-b1': { decision: 'theirs', comment: { keep: 'mine' } } } }, 'N', 1),
    ).rejects.toThrow('Une décision autre que « Validé » doit être motivée.');
    expect(await snapshot()).toEqual(before);
    // Nothing chosen: every value stays mine, and the note says so.
    expect(await applyReconciliation(me.db, me.id, r, { addJurors: false }, 'N', 1)).toEqual({ criteria: 0, decisions: 0, evidence: 0, jurors: 0 });
    const after = await snapshot();
    expect({ a: after.a, d: after.d, h: after.h, jurors: after.e[0]!.jurors }).toEqual({ a: before.a, d: before.d, h: before.h + 1, jurors: before.e[0]!.jurors });
    const [recorded] = await reconciliationsOf(me.db, me.id);
    expect(recorded!.note.criteria.map((c) => c.status?.kept ?? null)).toEqual(['mine', null]);
    expect(recorded!.note.decisions.map((d) => d.decision?.kept)).toEqual(['mine']);
    expect(recorded!.note.jurorsAdded).toEqual([]);
  });
});
