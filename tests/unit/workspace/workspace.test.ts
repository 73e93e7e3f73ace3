import { beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation, listEvaluations, updateEvaluation, addDeliverable } from '@/lib/workspace/evaluations';
import { commitObservations, saveObservation, searchObservations, setStatus } from '@/lib/workspace/assessments';
import { addEvidence, removeEvidence, updateEvidence } from '@/lib/workspace/evidence';
import { setDecision } from '@/lib/workspace/decisions';
import { historyOf } from '@/lib/workspace/history';
import { summarizeBloc } from '@/lib/workspace/summaries';
import { recoverDrafts } from '@/lib/drafts/recovery';
import { storageErrorMessage } from '@/lib/workspace/errors';
import { fixtureCertification } from '../../fixtures/certification';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`test-${crypto.randomUUID()}`);
});

const base = {
  candidateName: 'Camille Martin',
  certificationId: 'test-certification',
  referentielVersion: 3,
  blocIds: ['tc-b1'],
  mode: 'jury' as const,
  jurors: [{ name: 'Nadia Benali', external: true }, { name: '  ', external: false }],
  deliverables: [{ url: 'https://atelier-brume.fr/', kind: 'woocommerce', label: 'Site e-commerce (WooCommerce)' }],
};

describe('evaluations', () => {
  it('creates a candidate and an evaluation, with the référentiel version and its history', async () => {
    const id = await createEvaluation(db, base, 'Nadia Benali', 1000);
    const evaluation = (await db.evaluations.get(id))!;
    expect(evaluation.referentielVersion).toBe(3);
    expect(evaluation.jurors.map((j) => [j.name, j.external])).toEqual([['Nadia Benali', true]]);
    expect((await db.candidates.get(evaluation.candidateId))!.name).toBe('Camille Martin');
    expect((await historyOf(db, id)).map((h) => [h.entity, h.action, h.who])).toEqual([
      ['candidate', 'create', 'Nadia Benali'],
      ['evaluation', 'create', 'Nadia Benali'],
    ]);
  });

  it('refuses an evaluation without candidate or bloc, in French', async () => {
    await expect(createEvaluation(db, { ...base, candidateName: ' ' }, null)).rejects.toThrow('Indiquez le nom du candidat.');
    await expect(createEvaluation(db, { ...base, blocIds: [] }, null)).rejects.toThrow(/au moins un bloc/);
  });

  it('lists evaluations most recent first and finds them by name regardless of accents', async () => {
    const a = await createEvaluation(db, { ...base, candidateName: 'Élodie Durand' }, null, 1000);
    const b = await createEvaluation(db, { ...base, candidateName: 'Bruno Petit' }, null, 2000);
    expect((await listEvaluations(db)).map((i) => i.evaluation.id)).toEqual([b, a]);
    await setStatus(db, { evaluationId: a, criterionId: 'tc-k001', status: 'acquis' }, null, 3000);
    expect((await listEvaluations(db)).map((i) => i.evaluation.id)).toEqual([a, b]);
    expect((await listEvaluations(db, 'elodie')).map((i) => i.candidate?.name)).toEqual(['Élodie Durand']);
  });

  it('records each changed field, and adds a deliverable once', async () => {
    const id = await createEvaluation(db, base, null, 1000);
    await updateEvaluation(db, id, { blocIds: ['tc-b1', 'tc-b2'] }, 'N', 2000);
    await addDeliverable(db, id, { url: 'https://www.instagram.com/brume/', kind: 'instagram', label: 'Compte Instagram' }, 'N', 3000);
    await addDeliverable(db, id, { url: 'https://www.instagram.com/brume/', kind: 'instagram', label: 'Compte Instagram' }, 'N', 4000);
    expect((await db.evaluations.get(id))!.deliverables).toHaveLength(2);
    const updates = (await historyOf(db, id)).filter((h) => h.action === 'update').map((h) => h.field);
    expect(updates).toEqual(['blocIds', 'deliverables']);
  });
});

describe('assessments', () => {
  it('requires a reason for an exemption and records before and after', async () => {
    const id = await createEvaluation(db, base, null);
    await expect(setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'exempte', exemptionReason: ' ' }, 'N')).rejects.toThrow(/motivée/);
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'exempte', exemptionReason: 'Avis du référent handicap du 12/05' }, 'N', 5000);
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'acquis' }, 'M', 6000);
    const row = (await db.assessments.get([id, 'tc-k001']))!;
    expect([row.status, row.exemptionReason, row.updatedBy]).toEqual(['acquis', null, 'M']);
    expect((await db.evaluations.get(id))!.statusCounts).toEqual({ exempte: 0, acquis: 1 });
    const statusHistory = (await historyOf(db, id)).filter((h) => h.field === 'status');
    expect(statusHistory.map((h) => [h.before, h.after, h.who, h.at])).toEqual([
      [{ status: 'non-evalue', exemptionReason: null }, { status: 'exempte', exemptionReason: 'Avis du référent handicap du 12/05' }, 'N', 5000],
      [{ status: 'exempte', exemptionReason: 'Avis du référent handicap du 12/05' }, { status: 'acquis', exemptionReason: null }, 'M', 6000],
    ]);
  });

  it('saves observations as typed and writes one history entry per edit', async () => {
    const id = await createEvaluation(db, base, null);
    for (const text of ['Le', 'Le site', 'Le site propose un bandeau cookies']) await saveObservation(db, id, 'tc-k003', text, 'N');
    expect((await db.assessments.get([id, 'tc-k003']))!.observation).toBe('Le site propose un bandeau cookies');
    expect((await historyOf(db, id)).filter((h) => h.field === 'observation')).toHaveLength(0);
    expect(await commitObservations(db, id, 'N')).toBe(1);
    expect(await commitObservations(db, id, 'N')).toBe(0);
    const [entry] = (await historyOf(db, id)).filter((h) => h.field === 'observation');
    expect([entry!.before, entry!.after]).toEqual(['', 'Le site propose un bandeau cookies']);
  });

  it('searches observations by words, accents and case aside', async () => {
    const a = await createEvaluation(db, base, null);
    const b = await createEvaluation(db, { ...base, candidateName: 'B' }, null);
    await saveObservation(db, a, 'tc-k001', 'Veille très complète, sources fiables', null);
    await saveObservation(db, b, 'tc-k001', 'Veille absente', null);
    await saveObservation(db, b, 'tc-k002', 'Contraste insuffisant sur les prix', null);
    expect((await searchObservations(db, 'VEILLE')).map((r) => r.evaluationId).sort()).toEqual([a, b].sort());
    expect((await searchObservations(db, 'veille fiab')).map((r) => r.evaluationId)).toEqual([a]);
    expect((await searchObservations(db, 'tres')).map((r) => r.evaluationId)).toEqual([a]);
    expect(await searchObservations(db, 'veille', a)).toHaveLength(1);
    expect(await searchObservations(db, '  ')).toEqual([]);
  });
});

describe('evidence', () => {
  it('keeps what was seen, where and when, for several criteria; removal stays in the history', async () => {
    const id = await createEvaluation(db, base, null);
    const evidenceId = await addEvidence(
      db,
      { evaluationId: id, kind: 'quote', url: 'http://localhost/contact/', pageTitle: 'Contact', capturedAt: 42, quote: 'Inscrivez-moi à la newsletter', criterionIds: ['tc-k003', 'tc-k002', 'tc-k003'] },
      'N',
    );
    expect((await db.evidence.get(evidenceId))!.criterionIds).toEqual(['tc-k003', 'tc-k002']);
    expect((await db.evidence.where('criterionIds').equals('tc-k002').toArray()).map((e) => e.id)).toEqual([evidenceId]);
    await updateEvidence(db, evidenceId, { criterionIds: ['tc-k003'], note: 'Case pré-cochée' }, 'N');
    await removeEvidence(db, evidenceId, 'N');
    expect(await db.evidence.count()).toBe(0);
    const rows = (await historyOf(db, id)).filter((h) => h.entity === 'evidence');
    expect(rows.map((h) => h.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect((rows[3]!.before as { quote: string }).quote).toBe('Inscrivez-moi à la newsletter');
  });

  it('refuses an empty quote, a screenshot without image and a non-web address', async () => {
    const id = await createEvaluation(db, base, null);
    const e = { evaluationId: id, url: 'https://a.fr/', pageTitle: '', capturedAt: 1, criterionIds: ['tc-k001'] };
    await expect(addEvidence(db, { ...e, kind: 'quote', quote: '  ' }, null)).rejects.toThrow(/sélection est vide/);
    await expect(addEvidence(db, { ...e, kind: 'screenshot' }, null)).rejects.toThrow(/capture/);
    await expect(addEvidence(db, { ...e, kind: 'link', url: 'javascript:alert(1)' }, null)).rejects.toThrow(/page web/);
  });
});

describe('decisions', () => {
  it('requires a motivation unless validated, and records who and when', async () => {
    const id = await createEvaluation(db, base, null);
    const d = { evaluationId: id, targetType: 'bloc' as const, targetId: 'tc-b1' };
    await expect(setDecision(db, { ...d, decision: 'non-valide', comment: '' }, 'N')).rejects.toThrow(/motivée/);
    await setDecision(db, { ...d, decision: 'ajourne', comment: 'Audit RGAA à compléter' }, 'N', 7000);
    await setDecision(db, { ...d, decision: 'valide', comment: '' }, 'M', 8000);
    const row = (await db.decisions.get([id, 'tc-b1']))!;
    expect([row.decision, row.decidedBy, row.decidedAt]).toEqual(['valide', 'M', 8000]);
    expect((await historyOf(db, id)).filter((h) => h.entity === 'decision').map((h) => h.action)).toEqual(['create', 'update']);
  });

  it('records no decision in tutor mode, only feedback', async () => {
    const id = await createEvaluation(db, { ...base, mode: 'tuteur' }, null);
    const d = { evaluationId: id, targetType: 'bloc' as const, targetId: 'tc-b1' };
    await expect(setDecision(db, { ...d, decision: 'valide', comment: '' }, 'T')).rejects.toThrow(/mode tuteur/);
    await setDecision(db, { ...d, decision: null, comment: 'Pense à tester le contraste des prix.' }, 'T');
    expect((await db.decisions.get([id, 'tc-b1']))!.comment).toBe('Pense à tester le contraste des prix.');
  });
});

describe('summaries', () => {
  it('counts statuses per competency and bloc, and what remains', async () => {
    const id = await createEvaluation(db, base, null);
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'acquis' }, null);
    await setStatus(db, { evaluationId: id, criterionId: 'tc-k002', status: 'non-acquis' }, null);
    const summary = summarizeBloc(fixtureCertification.blocs[0]!, await db.assessments.toArray());
    expect([summary.bloc.total, summary.bloc.acquis, summary.bloc['non-acquis'], summary.bloc.remaining]).toEqual([4, 1, 1, 2]);
    // C1 has tc-k001 alone and tc-k002 in a group; C2 only the group's.
    expect(summary.competencies.get('tc-c01')).toMatchObject({ total: 2, acquis: 1, 'non-acquis': 1, remaining: 0 });
    expect(summary.competencies.get('tc-c02')).toMatchObject({ total: 1, 'non-acquis': 1, remaining: 0 });
  });
});

describe('drafts an earlier Grille kept in localStorage', () => {
  it('are saved once, with their history, and removed', async () => {
    const id = await createEvaluation(db, base, null);
    const legacy = (evaluationId: string, text: string) =>
      localStorage.setItem(`grille:draft:${evaluationId}:tc-k001`, JSON.stringify({ evaluationId, criterionId: 'tc-k001', text, who: 'N', at: Date.now() + 1000 }));
    legacy(id, 'Tapé juste avant la fermeture');
    legacy('gone', 'orphelin');
    expect(await recoverDrafts(db, { live: new Set() })).toBe(1);
    expect((await db.assessments.get([id, 'tc-k001']))!.observation).toBe('Tapé juste avant la fermeture');
    expect((await historyOf(db, id)).filter((h) => h.field === 'observation').map((h) => h.after)).toEqual(['Tapé juste avant la fermeture']);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('grille:draft:'))).toEqual([]);
  });
});

describe('storage errors', () => {
  it('explains a full disk in French and says the edit is kept', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(storageErrorMessage(quota)).toMatch(/espace de stockage du navigateur est plein.*reste dans le panneau/);
    expect(storageErrorMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/plein/);
  });
});
