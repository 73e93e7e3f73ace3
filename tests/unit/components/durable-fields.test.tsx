// The RGAA grid's comment, a gap text and an evidence caption are kept as drafts at each
// keystroke, before the field's own save: the order of the writes is recorded, so a browser
// killed before that save (no pause, no blur) would still find the whole text in IndexedDB.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceCaptureDialog } from '@/components/evidence-capture-dialog';
import { RgaaGrid } from '@/components/rgaa-grid';
import { SidePanel } from '@/components/side-panel';
import { WorkspaceDb } from '@/lib/workspace/db';
import { allDrafts, draftsOf, DraftsDb, type DraftField, type DraftRow } from '@/lib/drafts/store';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { findAudit } from '@/lib/rgaa/audits';
import { fixtureCertification } from '../../fixtures/certification';

// user-event walks radio groups with CSS.escape, which jsdom lacks: a minimal stand-in.
beforeAll(() => {
  if (!(window as { CSS?: { escape?: unknown } }).CSS?.escape) Object.defineProperty(window, 'CSS', { configurable: true, value: { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
});

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`durable-fields-${crypto.randomUUID()}`);
});

type Write = readonly ['draft' | 'store', string];

/** Records, in order, the text of every draft written to `drafts`. */
function recordDrafts(drafts: DraftsDb, writes: Write[]) {
  const put = drafts.drafts.put.bind(drafts.drafts);
  drafts.drafts.put = ((row: DraftRow, ...rest: unknown[]) => {
    writes.push(['draft', row.text]);
    return (put as (...a: unknown[]) => ReturnType<typeof put>)(row, ...rest);
  }) as unknown as typeof put;
}

/**
 * The draft led: the first keystroke was written alone, the whole text reached the draft before
 * the field's store, and the store never held a text the draft did not hold first.
 */
function expectDraftFirst(writes: Write[], typed: string) {
  expect(writes[0]).toEqual(['draft', typed[0]]);
  const draftAt = (text: string) => writes.findIndex(([where, t]) => where === 'draft' && t === text);
  writes.forEach(([where, text], i) => {
    if (where === 'store') {
      expect(draftAt(text)).toBeGreaterThanOrEqual(0);
      expect(draftAt(text)).toBeLessThan(i);
    }
  });
  expect(draftAt(typed)).toBeGreaterThanOrEqual(0);
}

describe('the RGAA grid’s comment', () => {
  it('is a draft at each keystroke before the comment is saved, then the draft goes', async () => {
    const evaluationId = await createEvaluation(
      db,
      { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 1, blocIds: ['b1'], mode: 'jury', jurors: [], deliverables: [] },
      'Nadia',
    );
    const url = 'http://localhost:4000/contact/';
    const writes: Write[] = [];
    recordDrafts(draftsOf(db), writes);
    const update = db.rgaaAudits.update.bind(db.rgaaAudits);
    db.rgaaAudits.update = ((id: string, changes: { results?: Record<string, { comment: string }> }) => {
      const comment = changes.results?.['11.2']?.comment;
      if (comment !== undefined) writes.push(['store', comment]);
      return update(id, changes as Parameters<typeof update>[1]);
    }) as unknown as typeof update;

    const user = userEvent.setup();
    render(<RgaaGrid db={db} evaluationId={evaluationId} pageUrl={url} pageTitle="Contact" proposals={[]} who="Nadia" />);
    const summary = screen.getByText(/^11\. Formulaires/, { selector: 'summary' });
    await user.click(summary);
    const typed = 'Étiquettes claires';
    await user.type(within(summary.closest('details')!).getByLabelText('Commentaire — critère 11.2'), typed);
    await waitFor(async () => expect((await allDrafts(draftsOf(db))).map((d) => [d.text, d.ref.kind, d.who])).toEqual([[typed, 'rgaa-comment', 'Nadia']]));
    await user.tab();
    await waitFor(async () => expect((await findAudit(db, evaluationId, url))?.results['11.2']?.comment).toBe(typed));
    expectDraftFirst(writes, typed);
    expect(writes.filter(([where]) => where === 'store').at(-1)).toEqual(['store', typed]);
    await waitFor(async () => expect(await allDrafts(draftsOf(db))).toEqual([]));
  });
});

describe('a gap text', () => {
  it('is a draft at each keystroke before the text is saved, then the draft goes', async () => {
    const writes: Write[] = [];
    recordDrafts(draftsOf(db), writes);
    const put = db.gapTexts.put.bind(db.gapTexts);
    db.gapTexts.put = ((row: { text: string }, ...rest: unknown[]) => {
      writes.push(['store', row.text]);
      return (put as (...a: unknown[]) => ReturnType<typeof put>)(row, ...rest);
    }) as unknown as typeof put;

    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    const fields = await screen.findAllByLabelText(/Passage perdu à la conversion/);
    const typed = 'Texte du document officiel';
    await user.type(fields[1]!, typed);
    await waitFor(async () => expect((await allDrafts(draftsOf(db))).map((d) => [d.text, d.ref.kind])).toEqual([[typed, 'gap']]));
    await user.tab();
    await waitFor(async () => expect((await db.gapTexts.get(['test-certification', 'tc-k004']))?.text).toBe(typed));
    expectDraftFirst(writes, typed);
    await waitFor(async () => expect(await allDrafts(draftsOf(db))).toEqual([]));
  });
});

describe('an evidence caption', () => {
  const capturedAt = Date.UTC(2024, 2, 14, 10, 5, 9);
  const quote = { kind: 'quote' as const, quote: 'Livraison offerte', url: 'https://atelier-brume.fr/cgv/', pageTitle: 'CGV', capturedAt };
  const criteria = [{ id: 'tc-k001', label: 'C1 · critère 1', text: 'Les sources de la veille sont diversifiées et fiables' }];

  it.each([
    ['a capture being added', 'add' as const, '', 'capture:1'],
    ['a piece of evidence being edited', 'edit' as const, 'Ancienne légende', 'evidence:e1'],
  ])('of %s is a draft at each keystroke, and comes back when the dialog reopens unsaved', async (_, mode, initialNote, evidenceKey) => {
    const drafts = new DraftsDb(`caption-${crypto.randomUUID()}`);
    const field: DraftField = { kind: 'caption', evaluationId: 'v', evidenceKey };
    const writes: Write[] = [];
    recordDrafts(drafts, writes);
    const dialog = () => (
      <EvidenceCaptureDialog capture={quote} criteria={criteria} mode={mode} initialNote={initialNote} draft={{ drafts, field, who: 'Nadia' }} onSave={vi.fn()} onCancel={vi.fn()} />
    );
    const user = userEvent.setup();
    const view = render(dialog());
    const caption = () => screen.getByLabelText('Légende (facultative)') as HTMLTextAreaElement;
    await user.type(caption(), ' vue');
    const typed = `${initialNote} vue`;
    await waitFor(async () => expect((await allDrafts(drafts)).map((d) => [d.text, d.ref.kind, d.who])).toEqual([[typed, 'caption', 'Nadia']]));
    expect(writes[0]).toEqual(['draft', `${initialNote} `]);
    expect(writes.at(-1)).toEqual(['draft', typed]);

    // The panel closes (or dies) before « Enregistrer »: the caption comes back with the dialog.
    view.unmount();
    render(dialog());
    await waitFor(() => expect(caption().value).toBe(typed));
    expect(screen.getByText('Repris de votre dernière saisie, qui n’avait pas été enregistrée.')).toBeTruthy();
  });
});
