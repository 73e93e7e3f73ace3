import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaptureActions } from '@/components/capture-actions';
import type { DeliverableTab } from '@/lib/page/active-deliverable';

afterEach(() => vi.restoreAllMocks());

const PNG = `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\n')}`;

async function openTab(url: string): Promise<DeliverableTab> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return { id: tab.id!, url, title: '' };
}

function selection(text: string, url: string) {
  return vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockResolvedValue([{ frameId: 0, documentId: 'd', result: { text, truncated: false, url, title: 'Atelier Brume' } }] as never);
}

function grant(answer: boolean | Error) {
  const asked: unknown[] = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async (p: unknown) => {
    asked.push(p);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as never);
  return asked;
}

describe('CaptureActions', () => {
  it('quotes the selection, asking access for this site only, in the click', async () => {
    const tab = await openTab('https://atelier-brume.fr/cgv/');
    const asked = grant(true);
    selection('Livraison offerte\ndès 49 €', tab.url);
    const onCapture = vi.fn();
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: 'Citer la sélection' }));
    expect(asked).toEqual([{ origins: ['https://atelier-brume.fr/*'] }]);
    await waitFor(() => expect(onCapture).toHaveBeenCalledTimes(1));
    expect(onCapture.mock.calls[0]![0]).toMatchObject({ kind: 'quote', quote: 'Livraison offerte\ndès 49 €', url: tab.url });
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('still quotes when access is refused but the page is readable (activeTab)', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    grant(false);
    selection('Bougie figue & cèdre', tab.url);
    const onCapture = vi.fn();
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: 'Citer la sélection' }));
    await waitFor(() => expect(onCapture).toHaveBeenCalledWith(expect.objectContaining({ quote: 'Bougie figue & cèdre' })));
  });

  it('says in French when the selection is empty', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    grant(true);
    selection('', tab.url);
    const onCapture = vi.fn();
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: 'Citer la sélection' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('La sélection est vide : sélectionnez dans la page le texte à citer, puis réessayez.'));
    expect(onCapture).not.toHaveBeenCalled();
  });

  it('says in French when the juror refused access and the page cannot be read', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    grant(false);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Citer la sélection' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Accès refusé : sans accès à ce site, Grille ne peut pas lire la sélection/));
  });

  it('explains a refused screenshot without asking for a site permission that would not help', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    const asked = grant(true);
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error("Either the '<all_urls>' or 'activeTab' permission is required."));
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: "Capturer l'écran visible" }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Le navigateur refuse la capture de cet onglet : Grille n'y a pas accès\. Cliquez sur le bouton Grille de la barre d'outils sur cet onglet/),
    );
    expect(asked).toEqual([]);
  });

  it('captures the visible tab and the link', async () => {
    const tab = await openTab('https://atelier-brume.fr/');
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockResolvedValue(PNG as never);
    const onCapture = vi.fn();
    const user = userEvent.setup();
    render(<CaptureActions tab={tab} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: "Capturer l'écran visible" }));
    await waitFor(() => expect(onCapture).toHaveBeenCalledTimes(1));
    expect(onCapture.mock.calls[0]![0]).toMatchObject({ kind: 'screenshot', url: tab.url });
    expect((onCapture.mock.calls[0]![0] as { image: Blob }).image.type).toBe('image/png');
    await user.click(screen.getByRole('button', { name: 'Ajouter le lien de la page' }));
    await waitFor(() => expect(onCapture).toHaveBeenCalledTimes(2));
    expect(onCapture.mock.calls[1]![0]).toMatchObject({ kind: 'link', url: tab.url });
  });

  it('says a browser page such as chrome:// cannot be evidence', async () => {
    const user = userEvent.setup();
    const onCapture = vi.fn();
    // useActiveDeliverable gives no tab when the active one is not a web page.
    const { rerender } = render(<CaptureActions tab={null} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: 'Ajouter le lien de la page' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Cette page ne peut pas servir de preuve : c'est une page du navigateur ou une page protégée \(chrome:\/\//);
    // A tab that became a browser page meanwhile.
    const settings = await fakeBrowser.tabs.create({ url: 'chrome://settings/', active: true });
    rerender(<CaptureActions tab={{ id: settings.id!, url: 'https://atelier-brume.fr/', title: '' }} onCapture={onCapture} />);
    await user.click(screen.getByRole('button', { name: "Capturer l'écran visible" }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Cette page ne peut pas servir de preuve/));
    expect(onCapture).not.toHaveBeenCalled();
  });
});
