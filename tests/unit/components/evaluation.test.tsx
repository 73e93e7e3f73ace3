import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/components/side-panel';
import { WorkspaceDb } from '@/lib/workspace/db';
import { recoverDrafts } from '@/lib/drafts/recovery';
import { historyOf } from '@/lib/workspace/history';
import { commitObservations } from '@/lib/workspace/assessments';
import { fixtureCertification } from '../../fixtures/certification';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`eval-${crypto.randomUUID()}`);
  localStorage.clear();
});

async function createEvaluationThroughForm(user: ReturnType<typeof userEvent.setup>, mode: 'jury' | 'tuteur' = 'jury') {
  await user.click(await screen.findByRole('button', { name: 'Nouvelle évaluation' }));
  await user.type(screen.getByLabelText('Nom du candidat'), 'Camille Martin');
  if (mode === 'tuteur') await user.click(screen.getByRole('radio', { name: /Tuteur/ }));
  await user.type(screen.getByLabelText('Nom du membre 1'), 'Nadia Benali');
  await user.click(screen.getByRole('button', { name: "Créer l'évaluation" }));
  await screen.findByRole('heading', { name: /Évaluation de Camille Martin/ });
  const [evaluation] = await db.evaluations.toArray();
  return evaluation!;
}

describe('evaluating a candidate in the side panel', () => {
  it('creates an evaluation with the active tab as deliverable and the référentiel version', async () => {
    await fakeBrowser.tabs.create({ url: 'https://atelier-brume.fr/', active: true });
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await waitFor(() => expect(screen.getByTestId('deliverable-kind').textContent).toBe('Site web'));
    const evaluation = await createEvaluationThroughForm(user);
    expect(evaluation.referentielVersion).toBe(3);
    expect(evaluation.deliverables.map((d) => [d.url, d.label])).toEqual([['https://atelier-brume.fr/', 'Site web']]);
    expect(evaluation.jurors.map((j) => [j.name, j.external])).toEqual([['Nadia Benali', true]]);
    expect(screen.getByText(/version 3 du référentiel/)).toBeTruthy();
  });

  it('sets statuses through radio groups named by the criterion code, an exemption only with its reason', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user);
    const group = screen.getByRole('radiogroup', { name: 'Statut — C1 · critère 1' });
    await user.click(within(group).getByRole('radio', { name: 'Acquis' }));
    await waitFor(async () => expect((await db.assessments.get([evaluation.id, 'tc-k001']))?.status).toBe('acquis'));

    const other = screen.getByRole('radiogroup', { name: 'Statut — C1+C2 · critère 1' });
    await user.click(within(other).getByRole('radio', { name: 'Exempté' }));
    const save = screen.getByRole('button', { name: "Enregistrer l'exemption" });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    expect((await db.assessments.get([evaluation.id, 'tc-k002']))?.status).toBeUndefined();
    await user.type(screen.getByLabelText("Raison de l'exemption (obligatoire)"), 'Avis du référent handicap');
    await user.click(save);
    await waitFor(async () =>
      expect(await db.assessments.get([evaluation.id, 'tc-k002'])).toMatchObject({ status: 'exempte', exemptionReason: 'Avis du référent handicap', updatedBy: 'Nadia Benali' }),
    );
    await waitFor(() => expect(screen.getByTestId('bloc-progress').textContent).toContain('1 acquis, 0 partiellement, 0 non acquis, 1 exemptés — reste 2 sur 4'));
  });

  it('saves the observation as typed and records it in the history when the field is left', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user);
    const field = screen.getByLabelText('Observation — C1 · critère 1');
    await user.type(field, 'Sources variées : presse, INSEE, concurrents.');
    await waitFor(async () => expect((await db.assessments.get([evaluation.id, 'tc-k001']))?.observation).toBe('Sources variées : presse, INSEE, concurrents.'));
    await user.tab();
    await waitFor(async () =>
      expect((await historyOf(db, evaluation.id)).filter((h) => h.field === 'observation').map((h) => h.after)).toEqual(['Sources variées : presse, INSEE, concurrents.']),
    );
  });

  it('loses nothing typed when the panel closes at once', async () => {
    const user = userEvent.setup();
    const view = render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user);
    await user.type(screen.getByLabelText('Observation — C1 · critère 1'), 'Dernier mot');
    view.unmount(); // the panel closes before the pause that would save it
    // What the next opening does: the drafts of panels gone, then the evaluation's pending history.
    await recoverDrafts(db, { live: new Set() });
    await waitFor(async () => expect((await db.assessments.get([evaluation.id, 'tc-k001']))?.observation).toBe('Dernier mot'));
    await commitObservations(db, evaluation.id, null);
    expect((await db.assessments.get([evaluation.id, 'tc-k001']))?.observation).toBe('Dernier mot');
    expect((await historyOf(db, evaluation.id)).filter((h) => h.field === 'observation').map((h) => h.after)).toEqual(['Dernier mot']);
  });

  it('records a bloc decision only with a motivation when not validated, with who and when', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user);
    await user.click(screen.getByRole('radio', { name: 'Non validé' }));
    const submit = screen.getByRole('button', { name: 'Enregistrer la décision' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Motivation (obligatoire)'), 'Audit RGAA absent du dossier.');
    await user.click(submit);
    await waitFor(async () => expect(await db.decisions.get([evaluation.id, 'tc-b1'])).toMatchObject({ decision: 'non-valide', decidedBy: 'Nadia Benali' }));
    expect(await screen.findByTestId('decision-record')).toHaveProperty('textContent', expect.stringMatching(/^Enregistré par Nadia Benali le /));
  });

  it('gives feedback, not a decision, in tutor mode', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user, 'tuteur');
    expect(screen.queryByRole('radio', { name: 'Validé' })).toBeNull();
    await user.type(screen.getByLabelText('Retour formatif adressé au candidat'), 'Vérifie le contraste des prix.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le retour' }));
    await waitFor(async () => expect(await db.decisions.get([evaluation.id, 'tc-b1'])).toMatchObject({ decision: null, comment: 'Vérifie le contraste des prix.' }));
  });

  it('finds and reopens an evaluation, most recent first', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await createEvaluationThroughForm(user);
    await user.click(screen.getByRole('button', { name: "Fermer l'évaluation" }));
    await user.type(await screen.findByLabelText('Rechercher un candidat'), 'camille');
    await user.click(await screen.findByRole('button', { name: /Camille Martin/ }));
    expect(await screen.findByRole('heading', { name: /Évaluation de Camille Martin/ })).toBeTruthy();
  });

  it('shows a full disk in French and keeps the status to retry', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await createEvaluationThroughForm(user);
    const realPut = db.assessments.put.bind(db.assessments);
    let full = true;
    db.assessments.put = ((...args: Parameters<typeof realPut>) =>
      full ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : realPut(...args)) as typeof realPut;
    const group = screen.getByRole('radiogroup', { name: 'Statut — C1 · critère 1' });
    await user.click(within(group).getByRole('radio', { name: 'Non acquis' }));
    expect(await screen.findByText(/espace de stockage du navigateur est plein/)).toBeTruthy();
    full = false;
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(async () => expect((await db.assessments.get([evaluation.id, 'tc-k001']))?.status).toBe('non-acquis'));
    await waitFor(() => expect(screen.queryByText(/espace de stockage du navigateur est plein/)).toBeNull());
  });
});
