import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { CaptureActions } from '@/components/capture-actions';
import { EvidenceCaptureDialog } from '@/components/evidence-capture-dialog';
import { EvidenceList } from '@/components/evidence-list';
import { DraftsDb } from '@/lib/drafts/store';

describe('evidence components', () => {
  it('have no axe violations, errors and confirmation shown (contrast is checked end to end, not in jsdom)', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <CaptureActions tab={null} onCapture={vi.fn()} />
        <EvidenceCaptureDialog
          capture={{ kind: 'quote', quote: 'Ligne 1\nLigne 2', url: 'https://atelier-brume.fr/', pageTitle: 'Atelier Brume', capturedAt: 1 }}
          criteria={[{ id: 'tc-k001', label: 'C1 · critère 1', text: 'Les sources de la veille sont diversifiées et fiables' }]}
          draft={{ drafts: new DraftsDb(`a11y-${crypto.randomUUID()}`), field: { kind: 'caption', evaluationId: 'v', evidenceKey: 'capture:1' }, who: null }}
          onSave={vi.fn()}
          onCancel={vi.fn()}
        />
        <EvidenceList
          items={[{ id: 'e1', evaluationId: 'v', kind: 'link', url: 'https://atelier-brume.fr/', pageTitle: 'Atelier Brume', capturedAt: 1, quote: null, image: null, note: 'Vu', criterionIds: ['tc-k001'], createdBy: null }]}
          onRemove={vi.fn()}
        />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer la preuve' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter le lien de la page' }));
    await user.click(screen.getByRole('button', { name: 'Retirer' }));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
