// The jury record says it was reconciled: with whom, from which file, and per criterion and
// decision both jurors' values and what was kept — in the plan (DOCX, PDF, Markdown), not in the
// candidate's feedback; a note that does not parse (a hand-edited backup) is left out.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEnvelope } from '@/lib/export/backup';
import { buildFeedback, feedbackPlan } from '@/lib/export/feedback';
import { recordToMarkdown } from '@/lib/export/markdown';
import { planText } from '@/lib/export/plan';
import { localSide, reconcile, sidesInEnvelope } from '@/lib/export/reconcile';
import { applyReconciliation } from '@/lib/export/reconcile-apply';
import { buildEvaluationRecord } from '@/lib/export/record';
import { recordPlan } from '@/lib/export/record-plan';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import { WorkspaceDb } from '@/lib/workspace/db';
import { setDecision } from '@/lib/workspace/decisions';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { addEvidence } from '@/lib/workspace/evidence';
import { fixtureCertification } from '../../fixtures/certification';

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function juror(name: string) {
  const db = new WorkspaceDb(`record-reconcile-${crypto.randomUUID()}`);
  const id = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name, external: true }], deliverables: [] },
    name,
    1000,
  );
  return { db, id };
}

async function reconciled() {
  const me = await juror('Nadia Benali');
  await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k001', status: 'acquis' }, 'Nadia Benali', 1500);
  await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k003', status: 'non-acquis' }, 'Nadia Benali', 1500);
  await setDecision(me.db, { evaluationId: me.id, targetType: 'bloc', targetId: 'tc-b1', decision: 'non-valide', comment: 'Veille insuffisante' }, 'Nadia Benali', 1600);
  const colleague = await juror('Paul Durand');
  await setStatus(colleague.db, { evaluationId: colleague.id, criterionId: 'tc-k001', status: 'exempte', exemptionReason: 'Aménagement validé' }, 'Paul Durand', 1500);
  await saveObservation(colleague.db, colleague.id, 'tc-k001', 'Dossier de veille remis à part.', 'Paul Durand', 1700);
  await commitObservations(colleague.db, colleague.id, 'Paul Durand', 'tc-k001', 1701);
  await setDecision(colleague.db, { evaluationId: colleague.id, targetType: 'bloc', targetId: 'tc-b1', decision: 'valide', comment: '' }, 'Paul Durand', 1600);
  await addEvidence(colleague.db, { evaluationId: colleague.id, kind: 'link', url: 'https://a.fr/', pageTitle: 'A', capturedAt: 6, criterionIds: ['tc-k003'] }, 'Paul Durand', 1800);
  const envelope = await buildEnvelope(colleague.db, { evaluationId: colleague.id }, { now: Date.UTC(2025, 2, 12, 13, 0) });
  const r = reconcile(await localSide(me.db, me.id), sidesInEnvelope(envelope, 'paul.json')[0]!, { myName: 'Nadia Benali' });
  const evidenceId = r.criteria.find((c) => c.criterionId === 'tc-k003')!.evidenceOnlyTheirs[0]!.id;
  await applyReconciliation(me.db, me.id, r, { criteria: { 'tc-k001': { status: 'theirs', observation: { keep: 'both' } } }, addEvidence: [evidenceId] }, 'Nadia Benali', Date.UTC(2025, 2, 14, 9, 32));
  return me;
}

describe('the reconciliation in the jury record', () => {
  it('names the colleague, the file and its date, who reconciled and when, and each point of disagreement with what was kept', async () => {
    const me = await reconciled();
    const record = await buildEvaluationRecord(me.db, me.id, [fixtureCertification], { now: 1 });
    expect(record.reconciliations).toHaveLength(1);
    expect(record.reconciliations[0]!.items.map((item) => [item.kind, item.code])).toEqual([
      ['criterion', 'C1 · critère 1'],
      ['criterion', 'Bloc 1 · critère 1'],
      ['decision', 'Bloc 1'],
    ]);
    const text = planText(recordPlan(record, { timeZone: 'Europe/Paris' }));
    const section = text.slice(text.indexOf('Rapprochement des évaluations'));
    expect(section.split('\n').slice(0, 12)).toEqual([
      'Rapprochement des évaluations',
      'Avec Paul Durand — export du 12 mars 2025 à 14:00 (paul.json) ; rapproché le 14 mars 2025 à 10:32 par Nadia Benali.',
      'Points de désaccord et ce que le jury a retenu :',
      'C1 · critère 1',
      'statut : Nadia Benali : Acquis ; Paul Durand : Exempté (Aménagement validé) — retenu : Exempté (Aménagement validé) (Paul Durand)',
      'observations différentes — retenu : les deux, chacune sous le nom de son auteur',
      'Bloc 1 · critère 1',
      'statut : Nadia Benali : Non acquis ; Paul Durand : Non évalué — retenu : Non acquis (Nadia Benali)',
      'preuves : 0 seulement chez Nadia Benali, 1 seulement chez Paul Durand (1 ajoutée à ce procès-verbal)',
      'Bloc 1',
      'décision : Nadia Benali : Non validé ; Paul Durand : Validé — retenu : Non validé (Nadia Benali)',
      'motivations différentes — retenu : celle de Nadia Benali',
    ]);
    expect(section).toContain('Ajouté(s) au jury : Paul Durand.');
    // Before the signatures, in the Markdown too.
    expect(text.indexOf('Rapprochement des évaluations')).toBeLessThan(text.indexOf('Signatures'));
    expect(recordToMarkdown(record, { timeZone: 'Europe/Paris' })).toMatch(/## Rapprochement des évaluations\n\n\*\*Avec Paul Durand\*\*/);
  });

  it('is not in the candidate’s feedback', async () => {
    const me = await reconciled();
    const record = await buildEvaluationRecord(me.db, me.id, [fixtureCertification], { now: 1 });
    expect(planText(feedbackPlan(buildFeedback(record)))).not.toMatch(/Rapprochement|Paul Durand/);
  });

  it('says there was no disagreement, and leaves out a note that does not parse', async () => {
    const me = await juror('Nadia Benali');
    const envelope = await buildEnvelope(me.db, { evaluationId: me.id });
    const mine = await localSide(me.db, me.id);
    await applyReconciliation(me.db, me.id, reconcile(mine, sidesInEnvelope(envelope)[0]!), {}, 'Nadia Benali', 5000);
    await me.db.history.add({ evaluationId: me.id, entity: 'evaluation', entityId: me.id, action: 'update', field: 'reconciliation', before: null, after: { theirs: 42 }, who: 'X', at: 6000 });
    const record = await buildEvaluationRecord(me.db, me.id, [fixtureCertification], { now: 1 });
    expect(record.reconciliations.map((r) => [r.by, r.items.length])).toEqual([['Nadia Benali', 0]]);
    expect(planText(recordPlan(record))).toContain('Aucun désaccord : les deux évaluations concordaient.');
  });
});
