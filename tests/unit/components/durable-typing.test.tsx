// Observations typed in two panels at once: each keystroke is kept as a draft before the save
// pause, a field being edited is not overwritten by what the other panel stores, a field not
// being edited shows the latest stored text, and nobody's words are lost.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { CriterionAssessment } from '@/components/criterion-assessment';
import { saveObservation } from '@/lib/workspace/assessments';
import { WorkspaceDb } from '@/lib/workspace/db';
import { allDrafts, draftsOf } from '@/lib/drafts/store';
import { createEvaluation } from '@/lib/workspace/evaluations';

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`typing-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: 'Nadia', external: true }], deliverables: [] },
    null,
  );
});

/** One panel's criterion, fed by a live query as the evaluation view feeds it. */
function Panel({ actor }: { actor: string }) {
  const assessment = useLiveQuery(() => db.assessments.get([evaluationId, 'tc-k001']), []);
  return <CriterionAssessment db={db} evaluationId={evaluationId} criterionId="tc-k001" code="C1 · critère 1" assessment={assessment} actor={actor} />;
}

const field = (panel: HTMLElement) => within(panel).getByLabelText('Observation — C1 · critère 1') as HTMLTextAreaElement;
const stored = async () => (await db.assessments.get([evaluationId, 'tc-k001']))?.observation;

describe('typing an observation', () => {
  it('keeps each keystroke as a draft, then saves the field and lets the draft go', async () => {
    const user = userEvent.setup();
    const { container } = render(<Panel actor="Nadia" />);
    await user.type(field(container), 'Tapé puis tué');
    // The draft has every keystroke; the observation itself waits for the pause.
    await waitFor(async () => expect((await allDrafts(draftsOf(db))).map((d) => [d.text, d.who, d.ref.kind])).toEqual([['Tapé puis tué', 'Nadia', 'observation']]));
    await waitFor(async () => expect(await stored()).toBe('Tapé puis tué'));
    await waitFor(async () => expect(await allDrafts(draftsOf(db))).toEqual([]));
  });
});

describe('two panels on the same observation', () => {
  it('shows the other panel’s text in a field not being edited', async () => {
    const user = userEvent.setup();
    const a = render(<Panel actor="Nadia" />).container;
    const b = render(<Panel actor="Paul" />).container;
    await user.type(field(a), 'Alpha');
    await user.tab();
    await waitFor(() => expect(field(b).value).toBe('Alpha'));
  });

  it('does not overwrite the field being edited, and merges both panels’ words when it is saved', async () => {
    const user = userEvent.setup();
    const a = render(<Panel actor="Nadia" />).container;
    const b = render(<Panel actor="Paul" />).container;
    await user.type(field(a), 'Alpha');
    await user.tab();
    await waitFor(() => expect(field(b).value).toBe('Alpha'));

    // Paul types in B; meanwhile the other panel (A, not focused here) stores its own addition.
    await user.type(field(b), ' gamma');
    await saveObservation(db, evaluationId, 'tc-k001', 'Alpha beta', 'Nadia', Date.now(), 'Alpha');
    await waitFor(() => expect(field(a).value).toMatch(/^Alpha beta/));
    expect(field(b).value).toBe('Alpha gamma');
    expect(document.activeElement).toBe(field(b));

    await user.tab();
    await waitFor(async () => expect(await stored()).toMatch(/^Alpha (beta gamma|gamma beta)$/));
    const final = await stored();
    await waitFor(() => expect([field(a).value, field(b).value]).toEqual([final, final]));
  });

  it('keeps the caret where the juror types when the other panel’s words arrive', async () => {
    const user = userEvent.setup();
    const a = render(<Panel actor="Nadia" />).container;
    await user.type(field(a), 'fin');
    await user.tab();
    await waitFor(async () => expect(await stored()).toBe('fin'));
    // This panel types at the start while another one adds a word at the end.
    await user.type(field(a), 'Très ', { initialSelectionStart: 0, initialSelectionEnd: 0 });
    await saveObservation(db, evaluationId, 'tc-k001', 'fin ici', 'Paul', Date.now(), 'fin');
    await waitFor(async () => expect(await stored()).toBe('Très fin ici'));
    await waitFor(() => expect(field(a).value).toBe('Très fin ici'));
    expect([field(a).selectionStart, field(a).selectionEnd]).toEqual([5, 5]);
  });
});
