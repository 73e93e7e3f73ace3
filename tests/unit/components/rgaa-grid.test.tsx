// The RGAA grid: labelled radio groups usable from the keyboard, comments saved, proposals
// applied (non-conformities only, never over the juror), preset and conformity rate.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RgaaGrid } from '@/components/rgaa-grid';
import { axeFindings } from '@/lib/rgaa/axe-findings';
import { proposeFromAxe } from '@/lib/rgaa/grid';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { historyOf } from '@/lib/workspace/history';
import { findAudit, setCriterion } from '@/lib/rgaa/audits';
import { axeRule, pageFacts } from '../rgaa/facts';

const URL_ = 'http://localhost:4000/contact/';

// user-event walks radio groups with CSS.escape, which jsdom lacks: a minimal stand-in.
beforeAll(() => {
  if (!(window as { CSS?: { escape?: unknown } }).CSS?.escape) Object.defineProperty(window, 'CSS', { configurable: true, value: { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
});
let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`rgaa-grid-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 1, blocIds: ['b1'], mode: 'jury', jurors: [], deliverables: [] },
    'Nadia',
  );
});

const proposals = proposeFromAxe(
  axeFindings(
    pageFacts([
      axeRule('image-alt', 'violation', ['1.1.1'], [{ selector: 'li.post-102 img', snippet: '<img src="the.svg">' }]),
      axeRule('label', 'violation', ['11.1.1'], [{ selector: 'input[type="tel"]' }]),
      axeRule('html-has-lang', 'pass', ['8.3.1']),
    ]),
  ),
);

function grid(evalId = evaluationId) {
  return <RgaaGrid db={db} evaluationId={evalId} pageUrl={URL_} pageTitle="Contact" proposals={proposals} who="Nadia" />;
}

async function openTheme(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  const summary = screen.getByText(name, { selector: 'summary' });
  await user.click(summary);
  return summary.closest('details') as HTMLElement;
}

describe('RgaaGrid', () => {
  it('shows 13 themes and 106 criteria, or the 25 of the quick audit', async () => {
    const user = userEvent.setup();
    render(grid());
    expect(document.querySelectorAll('details.rgaa-theme')).toHaveLength(13);
    expect(screen.getByText(/^1\. Images/, { selector: 'summary' }).textContent).toContain('0 C · 0 NC · 0 NA · 9 NT');
    await user.click(screen.getByRole('radio', { name: 'Audit rapide — 25 critères' }));
    expect(screen.getByText(/^1\. Images/, { selector: 'summary' }).textContent).toContain('0 C · 0 NC · 0 NA · 1 NT');
    expect(screen.queryByText(/^2\. Cadres/, { selector: 'summary' })).toBeNull();
    expect(screen.getByText(/25 non testé/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Audit complet — 106 critères' }));
    expect(screen.getByText(/106 non testé/)).toBeTruthy();
  });

  it('sets a result from the keyboard in a labelled radio group, saved with its history', async () => {
    const user = userEvent.setup();
    render(grid());
    const theme = await openTheme(user, /^8\. Éléments obligatoires/);
    const group = within(theme).getByRole('radiogroup', { name: 'Résultat — critère 8.3' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual(['Conforme', 'Non conforme', 'Non applicable', 'Non testé']);
    radios[0]!.focus();
    await user.keyboard(' '); // selects Conforme
    await user.keyboard('{ArrowRight}'); // moves to Non conforme
    await waitFor(async () => expect((await findAudit(db, evaluationId, URL_))?.results['8.3']).toMatchObject({ result: 'NC', source: 'juror' }));
    expect(within(group).getByRole('radio', { name: 'Non conforme' })).toHaveProperty('checked', true);
    const history = (await historyOf(db, evaluationId)).filter((h) => h.entityId.endsWith(':8.3'));
    expect(history.map((h) => [h.before, h.after])).toEqual([
      ['NT', 'C'],
      ['C', 'NC'],
    ]);
    expect(screen.getByText('Taux de conformité : 0,0 %')).toBeTruthy();
  });

  it('saves the comment', async () => {
    const user = userEvent.setup();
    render(grid());
    const theme = await openTheme(user, /^11\. Formulaires/);
    await user.type(within(theme).getByLabelText('Commentaire — critère 11.2'), 'Étiquettes claires');
    await user.tab();
    await waitFor(async () => expect((await findAudit(db, evaluationId, URL_))?.results['11.2']).toMatchObject({ result: 'NT', comment: 'Étiquettes claires', source: 'juror' }));
  });

  it('applies the automated proposals: NC only, never over the juror, marked as proposed', async () => {
    await setCriterion(db, { evaluationId, pageUrl: URL_, pageTitle: 'Contact' }, { criterion: '1.1', result: 'C', comment: 'Alternatives vérifiées' }, 'Nadia');
    const user = userEvent.setup();
    render(grid());
    const button = screen.getByRole('button', { name: 'Appliquer les propositions du test automatique (non-conformités seulement)' });
    await waitFor(() => expect(screen.getByText(/^1 non-conformité proposée/)).toBeTruthy());
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 proposition appliquée.'));
    const { results } = (await findAudit(db, evaluationId, URL_))!;
    expect(results['1.1']).toMatchObject({ result: 'C', source: 'juror' });
    expect(results['11.1']).toMatchObject({ result: 'NC', source: 'automated' });
    expect(results['11.1']!.comment).toContain('input[type="tel"]');
    expect(Object.values(results).filter((r) => r.source === 'automated').every((r) => r.result === 'NC')).toBe(true);
    await waitFor(() => expect(button).toHaveProperty('disabled', true));

    const theme = await openTheme(user, /^11\. Formulaires/);
    expect(within(theme).getByText('proposé par le test automatique')).toBeTruthy();
    expect(within(within(theme).getByRole('radiogroup', { name: 'Résultat — critère 11.1' })).getByRole('radio', { name: 'Non conforme' })).toHaveProperty('checked', true);
    // 1 C and 1 NC: 50 %, with its formula.
    expect(screen.getByText('Taux de conformité : 50,0 %')).toBeTruthy();
    expect(screen.getByText(/= 1 ÷ \(1 \+ 1\)/)).toBeTruthy();
  });

  it('works outside an evaluation, and says when the rate cannot be computed', async () => {
    const user = userEvent.setup();
    render(grid(''));
    expect(screen.getByText(/non calculable/)).toBeTruthy();
    const theme = await openTheme(user, /^1\. Images/);
    await user.click(within(within(theme).getByRole('radiogroup', { name: 'Résultat — critère 1.2' })).getByRole('radio', { name: 'Non applicable' }));
    await waitFor(async () => expect((await findAudit(db, '', URL_))?.results['1.2']?.result).toBe('NA'));
    expect(screen.getByText(/non calculable/)).toBeTruthy();
  });
});
