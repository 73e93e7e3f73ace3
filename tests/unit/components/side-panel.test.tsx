import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/components/side-panel';
import { WorkspaceDb } from '@/lib/workspace/db';
import { fixtureCertification } from '../../fixtures/certification';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`panel-${crypto.randomUUID()}`);
});

async function openTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return tab;
}

function criterionTexts(container: HTMLElement) {
  return Array.from(container.querySelectorAll('[data-criterion-id]')).map((el) => el.getAttribute('data-criterion-id'));
}

describe('SidePanel', () => {
  it('lets the juror pick a certification and a bloc, and shows modality, competencies and criteria', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    const certSelect = await screen.findByLabelText('Certification');
    await user.selectOptions(certSelect, 'test-certification');
    const blocSelect = screen.getByLabelText('Bloc de compétences');
    expect(within(blocSelect).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Bloc 1 — Concevoir la stratégie',
      'Bloc 2 — Animer les communautés (option)',
    ]);
    expect(screen.getByRole('heading', { level: 2, name: /Bloc 1 — Concevoir la stratégie/ })).toBeTruthy();
    expect(screen.getAllByTestId('bloc-evaluation').map((e) => e.textContent)).toEqual([
      "Modalité d'évaluationÉtude de casProduction attendueUn dossier écrit",
    ]);
    expect(screen.getByText('Critères d\'évaluation (4)')).toBeTruthy();
    // No tab: document order, grouped by attachment, with the document's heading.
    expect(screen.getByRole('heading', { level: 3, name: 'Compétence C1' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Compétences C1, C2' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Tout le bloc' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Pertinence de la démarche :' })).toBeTruthy();
    // A lost passage is flagged, not hidden.
    expect(screen.getAllByText(/Passage perdu à la conversion/).length).toBeGreaterThan(0);

    await user.selectOptions(blocSelect, 'tc-b2');
    expect(screen.getByText('Le calendrier éditorial est respecté sur le compte Instagram')).toBeTruthy();
    expect(screen.getByText(/code attribué par Grille/)).toBeTruthy();
    // Two evaluations: each says which competencies it covers.
    expect(screen.getAllByTestId('bloc-evaluation').map((e) => e.querySelector('summary')?.textContent)).toEqual([
      "Modalité d'évaluation — Compétence C3",
      "Modalité d'évaluation — Compétence C3",
    ]);
  });

  it('detects the active tab and ranks criteria by relevance, saying why', async () => {
    await openTab('https://atelier-brume.fr/');
    const user = userEvent.setup();
    const { container } = render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    expect(await screen.findByTestId('deliverable-kind')).toHaveProperty('textContent', 'Site web');
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    const relevant = screen.getByTestId('relevant-criteria');
    expect(criterionTexts(relevant)).toEqual(['tc-k002', 'tc-k003']);
    expect(within(relevant).getByText('Pourquoi : observable sur site web · thème accessibilité (RGAA)')).toBeTruthy();
    expect(criterionTexts(screen.getByTestId('other-criteria'))).toEqual(['tc-k001', 'tc-k004']);
    // The juror can go back to the référentiel's order.
    await user.click(screen.getByRole('radio', { name: 'Ordre du référentiel' }));
    expect(criterionTexts(container)).toEqual(['tc-k001', 'tc-k002', 'tc-k003', 'tc-k004']);
  });

  it('follows the active tab when it changes', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    expect(await screen.findByTestId('deliverable-kind')).toHaveProperty('textContent', 'Site web');
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.instagram.com/atelier.brume/' });
    await waitFor(() => expect(screen.getByTestId('deliverable-kind').textContent).toBe('Compte Instagram'));
  });

  it('offers to identify a generic website, asking only for that site', async () => {
    await openTab('https://atelier-brume.fr/boutique/');
    let asked: unknown;
    fakeBrowser.permissions.request = (async (p: unknown) => {
      asked = p;
      return false;
    }) as typeof fakeBrowser.permissions.request;
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.click(await screen.findByRole('button', { name: 'Identifier le site (CMS, boutique)' }));
    expect(asked).toEqual({ origins: ['https://atelier-brume.fr/*'] });
    expect(await screen.findByText(/Accès refusé/)).toBeTruthy();
  });

  it('searches every criterion and opens a hit in its bloc', async () => {
    const user = userEvent.setup();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.type(await screen.findByRole('searchbox', { name: 'Rechercher dans tous les critères' }), 'CALENDRIER editorial');
    expect(screen.getByRole('heading', { name: '1 critère(s) trouvé(s)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Voir dans son bloc' }));
    expect((screen.getByLabelText('Bloc de compétences') as HTMLSelectElement).value).toBe('tc-b2');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-criterion-id')).toBe('tc-k005'));
  });

  it('remembers the last certification and bloc', async () => {
    const user = userEvent.setup();
    const first = render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await user.selectOptions(await screen.findByLabelText('Certification'), 'test-certification');
    await user.selectOptions(screen.getByLabelText('Bloc de compétences'), 'tc-b2');
    first.unmount();
    render(<SidePanel certifications={[fixtureCertification]} db={db} />);
    await waitFor(() => expect((screen.getByLabelText('Bloc de compétences') as HTMLSelectElement).value).toBe('tc-b2'));
  });
});
