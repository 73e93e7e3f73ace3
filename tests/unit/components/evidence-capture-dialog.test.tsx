import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceCaptureDialog, type EvidenceCriterionChoice } from '@/components/evidence-capture-dialog';
import { WorkspaceRuleError } from '@/lib/workspace/errors';
import { DraftsDb } from '@/lib/drafts/store';

const criteria: EvidenceCriterionChoice[] = [
  { id: 'tc-k001', label: 'C1 · critère 1', text: 'Les sources de la veille sont diversifiées et fiables' },
  { id: 'tc-k002', label: 'C1+C2 · critère 1', text: "Le site respecte les critères d'accessibilité" },
  { id: 'tc-k004', label: 'Bloc 1 · critère 1', text: 'La démarche est pertinente' },
];
// 14 March 2024, 10:05:09 UTC
const capturedAt = Date.UTC(2024, 2, 14, 10, 5, 9);
const quote = { kind: 'quote' as const, quote: 'Livraison offerte\ndès 49 €  (hors DOM)', url: 'https://atelier-brume.fr/cgv/', pageTitle: 'Conditions générales de vente', capturedAt };

// Where the caption's draft goes (the evaluation view gives the workspace's).
const draft = () => ({ drafts: new DraftsDb(`dialog-${crypto.randomUUID()}`), field: { kind: 'caption' as const, evaluationId: 'v', evidenceKey: 'capture:1' }, who: null });

function setup(props: Partial<Parameters<typeof EvidenceCaptureDialog>[0]> = {}) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  render(<EvidenceCaptureDialog capture={quote} criteria={criteria} draft={draft()} onSave={onSave} onCancel={onCancel} {...props} />);
  return { onSave, onCancel, dialog: screen.getByRole('dialog'), user: userEvent.setup() };
}

describe('EvidenceCaptureDialog', () => {
  it('shows what was seen — the quote verbatim as text, address, page title and French date — and takes the focus', () => {
    const { dialog } = setup();
    expect(screen.getByRole('dialog', { name: 'Ajouter une preuve' })).toBe(dialog);
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Ajouter une preuve' }));
    const blockquote = dialog.querySelector('blockquote')!;
    expect(blockquote.textContent).toBe('Livraison offerte\ndès 49 €  (hors DOM)');
    expect(within(dialog).getByText('https://atelier-brume.fr/cgv/')).toBeTruthy();
    expect(within(dialog).getByText('Conditions générales de vente')).toBeTruthy();
    const time = dialog.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2024-03-14T10:05:09.000Z');
    expect(time.textContent).toMatch(/^14 mars 2024 à \d\d:05:09$/);
    expect(within(dialog).getByRole('link', { name: 'Ouvrir la page' }).getAttribute('href')).toBe('https://atelier-brume.fr/cgv/');
  });

  it('saves the criteria ticked, in the référentiel order, with the caption', async () => {
    const { onSave, dialog, user } = setup();
    const group = within(dialog).getByRole('group', { name: 'Critères que cette preuve appuie' });
    await user.click(within(group).getByRole('checkbox', { name: /^Bloc 1 · critère 1/ }));
    // From the keyboard: Tab to the first box, Space ticks it.
    within(group).getByRole('checkbox', { name: /^C1 · critère 1/ }).focus();
    await user.keyboard(' ');
    await user.type(within(dialog).getByLabelText('Légende (facultative)'), '  Frais de port annoncés  ');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la preuve' }));
    expect(onSave).toHaveBeenCalledWith({ criterionIds: ['tc-k001', 'tc-k004'], note: 'Frais de port annoncés' });
  });

  it('asks for at least one criterion before saving', async () => {
    const { onSave, dialog, user } = setup();
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la preuve' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('alert').textContent).toBe('Cochez au moins un critère que cette preuve appuie.');
    expect(document.activeElement).toBe(within(dialog).getByRole('checkbox', { name: /^C1 · critère 1/ }));
  });

  it('cancels with the button or Escape, saving nothing', async () => {
    const { onSave, onCancel, dialog, user } = setup({ initialCriterionIds: ['tc-k002'] });
    expect((within(dialog).getByRole('checkbox', { name: /^C1\+C2 · critère 1/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.type(within(dialog).getByLabelText('Légende (facultative)'), '{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows a failed save in French and keeps the choices', async () => {
    const onSave = vi.fn().mockRejectedValue(new WorkspaceRuleError('Cette évaluation n’existe plus.'));
    const { dialog, user } = setup({ onSave, initialCriterionIds: ['tc-k001'] });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la preuve' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Cette évaluation n’existe plus.');
    expect((within(dialog).getByRole('checkbox', { name: /^C1 · critère 1/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('edits a saved row without dropping its criteria from other blocs', async () => {
    const { onSave, user } = setup({ mode: 'edit', initialCriterionIds: ['tc-k002', 'other-bloc-k9'], initialNote: 'Vu en février' });
    const dialog = screen.getByRole('dialog', { name: 'Modifier la preuve' });
    expect((within(dialog).getByLabelText('Légende (facultative)') as HTMLTextAreaElement).value).toBe('Vu en février');
    await user.click(within(dialog).getByRole('checkbox', { name: /^C1 · critère 1/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la preuve' }));
    expect(onSave).toHaveBeenCalledWith({ criterionIds: ['tc-k001', 'tc-k002', 'other-bloc-k9'], note: 'Vu en février' });
  });

  it('renders a hostile quote and page title as text', () => {
    const hostile = { ...quote, quote: '<img src=x onerror=alert(1)>', pageTitle: '<script>alert(2)</script>' };
    const { dialog } = setup({ capture: hostile });
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.querySelector('script')).toBeNull();
    expect(within(dialog).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(within(dialog).getByText('<script>alert(2)</script>')).toBeTruthy();
  });

  it('says when there is no criterion to attach', () => {
    const { dialog } = setup({ criteria: [] });
    expect(within(dialog).getByText(/Aucun critère à rattacher/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Enregistrer la preuve' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('EvidenceCaptureDialog with a screenshot or a link', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let created: Blob[];
  beforeEach(() => {
    created = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:grille/${created.length}`;
    });
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  it('shows the screenshot through an object URL, described, and revokes it when closed', async () => {
    const image = new Blob(['png'], { type: 'image/png' });
    const shot = { kind: 'screenshot' as const, image, url: 'https://atelier-brume.fr/', pageTitle: 'Atelier Brume', capturedAt };
    const { unmount } = render(<EvidenceCaptureDialog capture={shot} criteria={criteria} draft={draft()} onSave={vi.fn()} onCancel={vi.fn()} />);
    const img = await screen.findByRole('img');
    expect(img.getAttribute('src')).toBe('blob:grille/1');
    expect(img.getAttribute('alt')).toMatch(/^Capture d'écran de la page « Atelier Brume », 14 mars 2024 à/);
    expect(created).toEqual([image]);
    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:grille/1');
  });

  it('shows a link capture with its address as text', () => {
    const link = { kind: 'link' as const, url: 'https://www.instagram.com/atelier.brume/', pageTitle: '', capturedAt };
    render(<EvidenceCaptureDialog capture={link} criteria={criteria} draft={draft()} onSave={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByText('Lien')).toBeTruthy();
    expect(screen.getByText('https://www.instagram.com/atelier.brume/')).toBeTruthy();
    expect(screen.getByText('(sans titre)')).toBeTruthy();
  });
});
