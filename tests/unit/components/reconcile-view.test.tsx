// Reconciling with a colleague in the panel: only the differences, labelled radio groups
// « Garder : le mien / le sien / les deux », an editable text, keyboard use, the joint record.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { ReconcileView } from '@/components/reconcile-view';
import { buildEnvelope, envelopeBlob } from '@/lib/export/backup';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import { addEvidence } from '@/lib/workspace/evidence';
import { setDecision } from '@/lib/workspace/decisions';
import { reconciliationsOf } from '@/lib/export/reconciliation-note';
import { fixtureCertification } from '../../fixtures/certification';

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
  // user-event walks radio groups with CSS.escape, which jsdom lacks.
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function juror(name: string, candidateName: string, status: 'acquis' | 'non-acquis', observation: string) {
  const db = new WorkspaceDb(`reconcile-ui-${crypto.randomUUID()}`);
  const id = await createEvaluation(db, { candidateName, certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name, external: true }], deliverables: [] }, name);
  await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status }, name);
  await saveObservation(db, id, 'tc-k001', observation, name);
  await setStatus(db, { evaluationId: id, criterionId: 'tc-k003', status: 'acquis' }, name);
  await commitObservations(db, id, name);
  return { db, id };
}

async function colleagueFile(candidateName = 'Camille Martin') {
  const colleague = await juror('Paul Durand', candidateName, 'non-acquis', 'Sources <em>datées</em>.');
  await addEvidence(colleague.db, { evaluationId: colleague.id, kind: 'quote', url: 'https://a.fr/', pageTitle: 'A', capturedAt: 1, quote: 'Veille de 2019', criterionIds: ['tc-k001'] }, 'Paul Durand');
  const envelope = await buildEnvelope(colleague.db, { evaluationId: colleague.id });
  return new File([await envelopeBlob(envelope).text()], 'paul.json', { type: 'application/json' });
}

describe('ReconcileView', () => {
  it('lists only the differences and writes the joint record', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'Veille solide.');
    const user = userEvent.setup();
    const { container } = render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" certification={fixtureCertification} />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, await colleagueFile());

    const section = await screen.findByRole('region', { name: /^C1 · critère 1 — Les sources de la veille/ });
    // tc-k003 is « acquis » on both sides: not shown.
    expect([...container.querySelectorAll('.reconcile-criterion')]).toEqual([section]);
    const status = within(section).getByRole('group', { name: 'Statut — Garder :' });
    expect(within(status).getByRole('radio', { name: 'le mien : Acquis' })).toBeTruthy();
    const observation = within(section).getByRole('group', { name: 'Observation — Garder :' });
    expect(within(observation).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['le mien', 'le sien', 'les deux']);
    // The colleague's markup is shown as text.
    expect(observation.textContent).toContain('Sources <em>datées</em>.');
    expect(container.querySelector('em')).toBeNull();

    const audit = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);

    await user.click(within(status).getByRole('radio', { name: 'le sien (Paul Durand) : Non acquis' }));
    // Keyboard: from « le mien », the arrow keys move within the group.
    within(observation).getByRole('radio', { name: 'le mien' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const both = within(observation).getByRole('radio', { name: 'les deux' }) as HTMLInputElement;
    expect(both.checked).toBe(true);
    expect(document.activeElement).toBe(both);
    const text = within(observation).getByRole('textbox', { name: 'Texte retenu (modifiable)' }) as HTMLTextAreaElement;
    expect(text.value).toBe('Nadia Benali : Veille solide.\n\nPaul Durand : Sources <em>datées</em>.');
    await user.type(text, ' Avis commun.');
    expect(both.checked).toBe(false);
    const evidence = within(section).getByRole('checkbox', { name: /Ajouter sa preuve : « Veille de 2019 »/ }) as HTMLInputElement;
    expect(evidence.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Ajouter au jury : Paul Durand' }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Produire le procès-verbal commun' }));
    expect(await screen.findByText('Procès-verbal commun enregistré : 1 critère modifié, 0 décision, 1 preuve ajoutée, 1 juré ajouté.')).toBeTruthy();
    const a = (await me.db.assessments.get([me.id, 'tc-k001']))!;
    expect(a.status).toBe('non-acquis');
    expect(a.observation).toBe('Nadia Benali : Veille solide.\n\nPaul Durand : Sources <em>datées</em>. Avis commun.');
    expect((await me.db.evaluations.get(me.id))!.jurors.map((j) => j.name)).toEqual(['Nadia Benali', 'Paul Durand']);
    expect(await me.db.evidence.where('evaluationId').equals(me.id).count()).toBe(1);
    // What now agrees is no longer listed: the statuses, the evidence, the jury. The joint observation still differs from the colleague's own.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Statut — Garder :' })).toBeNull());
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('group', { name: 'Observation — Garder :' })).toBeTruthy();
  });

  it('compares against what is stored now: a status recorded after the file was loaded changes the comparison', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'Veille solide.');
    const user = userEvent.setup();
    const { container } = render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" certification={fixtureCertification} />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, await colleagueFile());
    await screen.findByRole('radio', { name: 'le mien : Acquis' });
    const sections = () => [...container.querySelectorAll('.reconcile-criterion h4')].map((h) => h.textContent!.split(' — ')[0]);
    expect(sections()).toEqual(['C1 · critère 1']);

    // Recorded elsewhere in the panel (or another window) while the comparison is open.
    await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k003', status: 'non-acquis' }, 'Nadia Benali');
    await setStatus(me.db, { evaluationId: me.id, criterionId: 'tc-k001', status: 'partiellement-acquis' }, 'Nadia Benali');
    await setDecision(me.db, { evaluationId: me.id, targetType: 'bloc', targetId: 'tc-b1', decision: 'non-valide', comment: 'Veille insuffisante' }, 'Nadia Benali');
    await waitFor(() => expect(sections()).toEqual(['C1 · critère 1', 'Bloc 1 · critère 1']));
    expect(screen.getByRole('radio', { name: 'le mien : Partiellement acquis' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'le mien : Acquis' })).toBeNull();
    const k003 = screen.getByRole('region', { name: /^Bloc 1 · critère 1/ });
    expect(within(k003).getByRole('radio', { name: 'le mien : Non acquis' })).toBeTruthy();
    expect(within(k003).getByRole('radio', { name: 'le sien (Paul Durand) : Acquis' })).toBeTruthy();
    const decision = await screen.findByRole('region', { name: /^Décision — Bloc 1 — / });
    expect(within(decision).getByRole('radio', { name: 'le mien : Non validé' })).toBeTruthy();
  });

  it('lets the juror pick the evaluation when the candidate does not match', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'Veille solide.');
    const user = userEvent.setup();
    render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" certification={fixtureCertification} />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, await colleagueFile('Camille Martinez'));
    expect(await screen.findByText(/Aucune évaluation de ce fichier ne porte sur le même candidat/)).toBeTruthy();
    expect(document.querySelector('.reconcile-criterion')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Évaluation du collègue à comparer'), 'Camille Martinez — test-certification — Paul Durand');
    expect(await screen.findByRole('region', { name: /^C1 · critère 1/ })).toBeTruthy();
  });

  it('says why a file cannot be read', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'x');
    const user = userEvent.setup();
    render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, new File(['{"format":"grille-backup","formatVersion":99}'], 'x.json'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/version plus récente de Grille/);
  });

  it('says when both evaluations agree, and records the agreement once', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'Veille solide.');
    const mine = new File([await envelopeBlob(await buildEnvelope(me.db, { evaluationId: me.id })).text()], 'moi.json');
    const user = userEvent.setup();
    render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" certification={fixtureCertification} />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, mine);
    expect(await screen.findByText('Aucune différence : vos deux évaluations concordent.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Produire le procès-verbal commun' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Consigner l’accord au procès-verbal' }));
    expect(await screen.findByText('Rapprochement consigné au procès-verbal : vos deux évaluations concordent.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Consigner l’accord au procès-verbal' })).toBeNull();
    const recorded = await reconciliationsOf(me.db, me.id);
    expect(recorded.map((r) => [r.by, r.note.theirs, r.note.fileName, r.note.criteria.length, r.note.decisions.length])).toEqual([['Nadia Benali', 'Nadia Benali', 'moi.json', 0, 0]]);
  });

  it('a failed write says what happened in French and names the button that tries again', async () => {
    const me = await juror('Nadia Benali', 'Camille Martin', 'acquis', 'Veille solide.');
    const user = userEvent.setup();
    render(<ReconcileView db={me.db} evaluationId={me.id} who="Nadia Benali" certification={fixtureCertification} />);
    const input = screen.getByLabelText('Export du collègue (JSON)');
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
    await user.upload(input, await colleagueFile());
    await screen.findByRole('radio', { name: 'le mien : Acquis' });
    const failure = Object.assign(new Error('Key already exists in the object store.'), { name: 'BulkError', failures: [Object.assign(new Error('x'), { name: 'ConstraintError' })] });
    const spy = vi.spyOn(me.db.evidence, 'add').mockRejectedValueOnce(failure);
    await user.click(screen.getByRole('button', { name: 'Produire le procès-verbal commun' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Grille a voulu enregistrer un élément qui existe déjà ici (même identifiant) : rien n’a été enregistré. Cliquez ensuite sur « Produire le procès-verbal commun ».');
    expect(alert.textContent).not.toMatch(/BulkError|ConstraintError|Réessayer/);
    expect(await reconciliationsOf(me.db, me.id)).toEqual([]);
    spy.mockRestore();
    // The named button is there and tries again.
    await user.click(screen.getByRole('button', { name: 'Produire le procès-verbal commun' }));
    expect(await screen.findByText(/^Procès-verbal commun enregistré/)).toBeTruthy();
    expect(await reconciliationsOf(me.db, me.id)).toHaveLength(1);
  });
});
