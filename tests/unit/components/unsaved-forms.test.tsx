// Forms that record a decision cannot mislead: while one differs from what is stored it says
// « Non enregistré » (never « Enregistré »), comes back after the panel closes, and leaving the
// evaluation (closing it, another bloc) or the page (beforeunload) asks first.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel } from '@/components/side-panel';
import { WorkspaceDb } from '@/lib/workspace/db';
import { allDrafts, draftsOf } from '@/lib/drafts/store';
import { fixtureCertification } from '../../fixtures/certification';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`unsaved-${crypto.randomUUID()}`);
});

type User = ReturnType<typeof userEvent.setup>;

async function openNewEvaluation(user: User, twoBlocs = false) {
  await user.click(await screen.findByRole('button', { name: 'Nouvelle évaluation' }));
  await user.type(screen.getByLabelText('Nom du candidat'), 'Camille Martin');
  await user.type(screen.getByLabelText('Nom du membre 1'), 'Nadia Benali');
  if (twoBlocs) await user.click(screen.getByRole('checkbox', { name: /Bloc 2 — Animer les communautés/ }));
  await user.click(screen.getByRole('button', { name: "Créer l'évaluation" }));
  await screen.findByRole('heading', { name: /Évaluation de Camille Martin/ });
  return (await db.evaluations.toArray())[0]!;
}

async function saveNonValide(user: User) {
  await user.click(screen.getByRole('radio', { name: 'Non validé' }));
  await user.type(screen.getByLabelText('Motivation (obligatoire)'), 'Audit RGAA absent.');
  await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
  await screen.findByText('Enregistré.');
}

const decisionStatus = () => screen.getByTestId('decision-status').textContent ?? '';

describe('a bloc decision changed but not saved', () => {
  it('says « Non enregistré » and what is stored, never « Enregistré. », until saved', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await openNewEvaluation(user);
    await saveNonValide(user);
    expect(decisionStatus()).toMatch(/^Enregistré par Nadia Benali le .*Enregistré\.$/);

    await user.click(screen.getByRole('radio', { name: /^Ajourné/ }));
    expect(decisionStatus()).toContain('Non enregistré');
    expect(decisionStatus()).toContain('Enregistré : « Non validé », par Nadia Benali');
    expect(decisionStatus()).not.toContain('Enregistré.');

    // Back to what is stored: nothing unsaved any more.
    await user.click(screen.getByRole('radio', { name: 'Non validé' }));
    expect(decisionStatus()).not.toContain('Non enregistré');

    await user.click(screen.getByRole('radio', { name: /^Ajourné/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(decisionStatus()).toContain('Enregistré.'));
    expect(decisionStatus()).not.toContain('Non enregistré');
    expect((await db.decisions.get([evaluation.id, 'tc-b1']))?.decision).toBe('ajourne');
    await waitFor(async () => expect(await allDrafts(draftsOf(db))).toEqual([]));
  });

  it('comes back « non enregistré » after the panel is closed and reopened', async () => {
    const user = userEvent.setup();
    const view = render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user);
    await saveNonValide(user);
    await user.click(screen.getByRole('radio', { name: /^Ajourné/ }));
    await user.type(screen.getByLabelText('Motivation (obligatoire)'), ' À revoir.');
    await waitFor(async () => expect((await allDrafts(draftsOf(db))).map((d) => d.text)).toEqual(['Audit RGAA absent. À revoir.']));
    view.unmount();

    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await waitFor(() => expect((screen.getByRole('radio', { name: /^Ajourné/ }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText('Motivation (obligatoire)') as HTMLTextAreaElement).value).toBe('Audit RGAA absent. À revoir.');
    expect(decisionStatus()).toContain('Non enregistré');
    expect(decisionStatus()).toContain('Repris de votre dernière saisie');
  });

  it('asks before the evaluation is closed: « Rester » keeps it, « Quitter sans enregistrer » drops it', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const evaluation = await openNewEvaluation(user);
    await saveNonValide(user);
    await user.click(screen.getByRole('radio', { name: /^Ajourné/ }));

    const close = screen.getByRole('button', { name: "Fermer l'évaluation" });
    await user.click(close);
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Non enregistré : la décision du bloc 1. Quitter sans enregistrer ?');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Rester et enregistrer' }));
    await user.click(within(question).getByRole('button', { name: 'Rester et enregistrer' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(close);
    expect((screen.getByRole('radio', { name: /^Ajourné/ }) as HTMLInputElement).checked).toBe(true);

    await user.click(close);
    await user.click(screen.getByRole('button', { name: 'Quitter sans enregistrer' }));
    expect(await screen.findByRole('button', { name: 'Nouvelle évaluation' })).toBeTruthy();
    expect((await db.decisions.get([evaluation.id, 'tc-b1']))?.decision).toBe('non-valide');
    await waitFor(async () => expect(await allDrafts(draftsOf(db))).toEqual([]));
  });

  it('closes at once when nothing is unsaved', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user);
    await saveNonValide(user);
    await user.click(screen.getByRole('button', { name: "Fermer l'évaluation" }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Nouvelle évaluation' })).toBeTruthy();
  });

  it('asks before another bloc is shown', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user, true);
    await user.type(screen.getByLabelText(/^Motivation/), 'Brouillon');
    await user.selectOptions(screen.getByLabelText('Bloc de compétences'), 'tc-b2');
    expect(screen.getByRole('alertdialog').textContent).toContain('la décision du bloc 1');
    expect((screen.getByLabelText('Bloc de compétences') as HTMLSelectElement).value).toBe('tc-b1');
    await user.click(screen.getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect((screen.getByLabelText('Bloc de compétences') as HTMLSelectElement).value).toBe('tc-b2'));
    expect(screen.getByRole('heading', { name: /^Décision du jury.* 2$/ })).toBeTruthy();
  });

  it('makes closing or reloading the page ask (beforeunload) only while something is unsaved', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await user.click(screen.getByRole('radio', { name: /^Ajourné/ }));
    expect(unload()).toBe(true);
    await user.type(screen.getByLabelText('Motivation (obligatoire)'), 'Dossier incomplet.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    await screen.findByText('Enregistré.');
    expect(unload()).toBe(false);
  });
});

describe('an exemption picked but not saved', () => {
  it('says « Non enregistré », asks before leaving, and comes back after reopening', async () => {
    const user = userEvent.setup();
    const view = render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user);
    const group = screen.getByRole('radiogroup', { name: 'Statut — C1 · critère 1' });
    await user.click(within(group).getByRole('radio', { name: 'Exempté' }));
    const exemption = () => screen.getByLabelText("Raison de l'exemption (obligatoire)").closest('.exemption')!;
    expect(exemption().textContent).toContain('Non enregistré');
    await user.type(screen.getByLabelText("Raison de l'exemption (obligatoire)"), 'Avis du référent handicap');
    await user.click(screen.getByRole('button', { name: "Fermer l'évaluation" }));
    expect(screen.getByRole('alertdialog').textContent).toContain('l’exemption — C1 · critère 1');
    await user.click(screen.getByRole('button', { name: 'Rester et enregistrer' }));
    await waitFor(async () => expect((await allDrafts(draftsOf(db))).map((d) => [d.text, d.choice])).toEqual([['Avis du référent handicap', 'exempte']]));
    view.unmount();

    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await waitFor(() => expect((screen.getByLabelText("Raison de l'exemption (obligatoire)") as HTMLTextAreaElement).value).toBe('Avis du référent handicap'));
    expect(exemption().textContent).toContain('Non enregistré');
    await user.click(screen.getByRole('button', { name: "Enregistrer l'exemption" }));
    await waitFor(() => expect(exemption().textContent).not.toContain('Non enregistré'));
  });
});

describe('storage errors', () => {
  it('name « Réessayer » only where the button is, and no internal error', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await openNewEvaluation(user);
    const realPut = db.decisions.put.bind(db.decisions);
    let failing = true;
    db.decisions.put = ((...args: Parameters<typeof realPut>) =>
      failing ? Promise.reject(Object.assign(new Error('x'), { name: 'BulkError' })) : realPut(...args)) as typeof realPut;
    await user.click(screen.getByRole('radio', { name: 'Validé' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    const form = screen.getByTestId('decision-status').closest('form')!;
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).not.toMatch(/BulkError|Error/);
    expect(alert.textContent).toContain('« Réessayer »');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    expect(decisionStatus()).toContain('Enregistré.');
  });
});
