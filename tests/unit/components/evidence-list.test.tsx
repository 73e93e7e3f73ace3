import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceList } from '@/components/evidence-list';
import type { EvidenceRow } from '@/lib/workspace/types';

const capturedAt = Date.UTC(2024, 2, 14, 10, 5, 9);
function row(id: string, extra: Partial<EvidenceRow> = {}): EvidenceRow {
  return {
    id,
    evaluationId: 'ev1',
    kind: 'quote',
    url: 'https://atelier-brume.fr/cgv/',
    pageTitle: 'CGV',
    capturedAt,
    quote: 'Livraison offerte dès 49 €',
    image: null,
    note: '',
    criterionIds: ['tc-k001'],
    createdBy: 'Nadia Benali',
    ...extra,
  };
}

describe('EvidenceList', () => {
  it('shows each item: kind, quote, address, page title, time, caption', () => {
    render(<EvidenceList items={[row('e1', { note: 'Frais de port annoncés' }), row('e2', { kind: 'link', quote: null, url: 'https://www.instagram.com/atelier.brume/', pageTitle: 'Instagram' })]} onRemove={vi.fn()} />);
    const list = screen.getByRole('group', { name: 'Preuves de ce critère' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first!).getByText('Citation')).toBeTruthy();
    expect(first!.querySelector('blockquote')!.textContent).toBe('Livraison offerte dès 49 €');
    expect(within(first!).getByText('https://atelier-brume.fr/cgv/')).toBeTruthy();
    expect(within(first!).getByText('CGV')).toBeTruthy();
    expect(first!.querySelector('time')!.textContent).toMatch(/^14 mars 2024 à/);
    expect(first!.textContent).toContain('Légende : Frais de port annoncés');
    expect(within(second!).getByText('Lien')).toBeTruthy();
    const link = within(second!).getByRole('link', { name: 'Ouvrir la page' });
    expect(link.getAttribute('href')).toBe('https://www.instagram.com/atelier.brume/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');
  });

  it('says when there is no evidence', () => {
    render(<EvidenceList items={[]} onRemove={vi.fn()} label="Preuves — C1 · critère 1" />);
    expect(within(screen.getByRole('group', { name: 'Preuves — C1 · critère 1' })).getByText('Aucune preuve pour ce critère.')).toBeTruthy();
  });

  it('asks « Retirer cette preuve ? » before removing, with the focus on the choice, then removes', async () => {
    const onRemove = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<EvidenceList items={[row('e1'), row('e2')]} onRemove={onRemove} />);
    const [, second] = screen.getAllByRole('listitem');
    await user.click(within(second!).getByRole('button', { name: 'Retirer' }));
    expect(onRemove).not.toHaveBeenCalled();
    const confirmation = within(second!).getByRole('group', { name: 'Retirer cette preuve ?' });
    expect(document.activeElement).toBe(within(confirmation).getByRole('button', { name: 'Annuler' }));
    await user.click(within(confirmation).getByRole('button', { name: 'Confirmer' }));
    expect(onRemove).toHaveBeenCalledWith('e2');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Preuves de ce critère' })));
    rerender(<EvidenceList items={[row('e1')]} onRemove={onRemove} />);
    expect(screen.getByRole('status').textContent).toBe('Preuve retirée.');
  });

  it('removes nothing when the juror cancels (button or Escape), and gives the focus back', async () => {
    const onRemove = vi.fn();
    const user = userEvent.setup();
    render(<EvidenceList items={[row('e1')]} onRemove={onRemove} />);
    await user.click(screen.getByRole('button', { name: 'Retirer' }));
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('group', { name: 'Retirer cette preuve ?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retirer' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('group', { name: 'Retirer cette preuve ?' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Retirer cette preuve ?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retirer' }));
    expect(onRemove).not.toHaveBeenCalled();
  });

  it('shows a failed removal in French', async () => {
    const onRemove = vi.fn().mockRejectedValue(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }));
    const user = userEvent.setup();
    render(<EvidenceList items={[row('e1')]} onRemove={onRemove} />);
    await user.click(screen.getByRole('button', { name: 'Retirer' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^La base locale de Grille est fermée/);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retirer' }));
  });

  it('never turns a javascript: (or other non-web) address into a link', () => {
    const urls = ['javascript:alert(1)', ' JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///home/jury/dossier.pdf'];
    const { container } = render(<EvidenceList items={urls.map((url, i) => row(`e${i}`, { kind: 'link', quote: null, url }))} onRemove={vi.fn()} />);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    for (const url of urls) expect(screen.getByText(url.trim())).toBeTruthy();
  });

  it('shows a hostile quote as text', () => {
    const { container } = render(<EvidenceList items={[row('e1', { quote: '<img src=x onerror=alert(1)>', pageTitle: '<b>titre</b>', note: '<a href="javascript:alert(1)">x</a>' })]} onRemove={vi.fn()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelectorAll('a')).toHaveLength(1); // only « Ouvrir la page », to the https address
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<b>titre</b>')).toBeTruthy();
  });

  it('offers to edit the criteria when asked to', async () => {
    const onEditCriteria = vi.fn();
    const user = userEvent.setup();
    const item = row('e1');
    render(<EvidenceList items={[item]} onRemove={vi.fn()} onEditCriteria={onEditCriteria} />);
    await user.click(screen.getByRole('button', { name: 'Modifier les critères' }));
    expect(onEditCriteria).toHaveBeenCalledWith(item);
  });

  it('shows a screenshot as a described thumbnail', () => {
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = vi.fn(() => 'blob:grille/thumb');
    URL.revokeObjectURL = vi.fn();
    try {
      render(<EvidenceList items={[row('e1', { kind: 'screenshot', quote: null, image: new Blob(['png'], { type: 'image/png' }) })]} onRemove={vi.fn()} />);
      const img = screen.getByRole('img');
      expect(img.className).toBe('evidence-thumbnail');
      expect(img.getAttribute('alt')).toMatch(/^Capture d'écran de la page « CGV », 14 mars 2024/);
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });
});
