// Passages lost in conversion: flagged, and the jury can type the official text, kept locally
// for the certification and shown wherever the item appears, in browsing as in an evaluation.
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel } from '@/components/side-panel';
import { WorkspaceDb } from '@/lib/workspace/db';
import { RNCP_ITEM_ID } from '@/lib/workspace/gap-texts';
import { fixtureCertification } from '../../fixtures/certification';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`gap-${crypto.randomUUID()}`);
});

describe('passages lost in conversion', () => {
  it('lets the jury type the official text, saved and shown again after reopening', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    const fields = await screen.findAllByLabelText(/Passage perdu à la conversion/);
    // The competency C2 (bloc overview) and the criterion tc-k004.
    expect(fields).toHaveLength(2);
    await user.type(fields[1]!, 'Texte du document officiel');
    await user.tab();
    await waitFor(async () => expect((await db.gapTexts.get(['test-certification', 'tc-k004']))?.text).toBe('Texte du document officiel'));

    cleanup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const again = await screen.findAllByLabelText(/Passage perdu à la conversion/);
    await waitFor(() => expect((again[1] as HTMLTextAreaElement).value).toBe('Texte du document officiel'));
    // Nothing is written into the bundled data.
    expect(fixtureCertification.blocs[0]!.criteria.find((c) => c.id === 'tc-k004')?.text).toBe('');
  });

  it('removes the saved text when the field is emptied', async () => {
    await db.gapTexts.put({ certificationId: 'test-certification', itemId: 'tc-c02', text: 'x', dataVersion: 1, updatedAt: 1, updatedBy: null });
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    const [field] = await screen.findAllByLabelText(/Passage perdu à la conversion/);
    await waitFor(() => expect((field as HTMLTextAreaElement).value).toBe('x'));
    await user.clear(field!);
    await user.tab();
    await waitFor(async () => expect(await db.gapTexts.get(['test-certification', 'tc-c02'])).toBeUndefined());
  });
});

describe('the référentiel as the juror sees it', () => {
  it('by title and version, never by its file; the RNCP code the référentiel states, shown as such', async () => {
    const user = userEvent.setup();
    const stated = { ...fixtureCertification, rncp: 'RNCP38999' };
    render(<SidePanel certifications={[stated]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    expect(await screen.findByText('Référentiel : Certification de test, version 3')).toBeTruthy();
    expect(screen.getByText('Code RNCP : RNCP38999')).toBeTruthy();
    expect(screen.queryByLabelText(/Code RNCP/)).toBeNull();
    expect(document.body.textContent).not.toContain(fixtureCertification.sourceFile);
  });

  it('when the référentiel states no RNCP code, the jury enters it: kept for the certification, a code of another shape flagged but kept', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    const field = await screen.findByLabelText(/Code RNCP \(le référentiel ne l'indique pas/);
    await user.type(field, 'RNC 3613');
    expect(await screen.findByText(/Un code RNCP s'écrit RNCP suivi de chiffres/)).toBeTruthy();
    await user.clear(field);
    await user.type(field, 'RNCP36136');
    await user.tab();
    await waitFor(async () => expect((await db.gapTexts.get(['test-certification', RNCP_ITEM_ID]))?.text).toBe('RNCP36136'));
    expect(screen.queryByText(/Un code RNCP s'écrit/)).toBeNull();

    cleanup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const again = await screen.findByLabelText(/Code RNCP \(le référentiel ne l'indique pas/);
    await waitFor(() => expect((again as HTMLInputElement).value).toBe('RNCP36136'));
  });
});
