import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaptureError } from '@/lib/page/tab-errors';
import { readSelection, selectionInPage } from '@/lib/capture/read-selection';
import { MAX_QUOTE_CHARS } from '@/lib/messaging/protocol';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const limits = { text: 100, url: 8192, title: 1000 };

function answer(result: unknown) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result }] as never);
}

describe('selectionInPage (the injected function)', () => {
  it("returns the document's selection with the page's address and title", () => {
    document.title = 'Atelier Brume — CGV';
    document.body.innerHTML = '<p id="p">Livraison offerte dès 49 €</p>';
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(selectionInPage(limits)).toEqual({ text: 'Livraison offerte dès 49 €', truncated: false, url: location.href, title: 'Atelier Brume — CGV' });
  });

  it('reads the selection of a focused text field, line breaks kept, and bounds its size', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const field = document.getElementById('t') as HTMLTextAreaElement;
    field.value = 'Première ligne\nDeuxième ligne\nTroisième';
    field.focus();
    field.setSelectionRange(0, 29);
    expect(selectionInPage(limits).text).toBe('Première ligne\nDeuxième ligne');
    expect(selectionInPage({ ...limits, text: 8 })).toMatchObject({ text: 'Première', truncated: true });
  });
});

describe('readSelection', () => {
  it('injects the function into the tab (or the clicked frame) and returns the validated answer', async () => {
    const snapshot = { text: 'Ligne 1\nLigne 2', truncated: false, url: 'https://atelier-brume.fr/', title: 'Accueil' };
    const execute = answer(snapshot);
    await expect(readSelection(7)).resolves.toEqual(snapshot);
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 7 }, func: selectionInPage, args: [{ text: MAX_QUOTE_CHARS, url: 8192, title: 1000 }] });
    await readSelection(7, 12);
    expect(execute.mock.calls[1]![0]).toMatchObject({ target: { tabId: 7, frameIds: [12] } });
  });

  it('refuses an answer that is not a selection snapshot', async () => {
    answer({ text: '<img src=x onerror=alert(1)>', truncated: false, url: 'https://a.fr/', title: 'x', html: '<img>' });
    const error = await readSelection(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe('unreadable');
    expect((error as Error).message).toMatch(/réponse illisible/);
  });

  it('explains in French why a page cannot be read', async () => {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    execute.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    await expect(readSelection(7, undefined, 'https://atelier-brume.fr/')).rejects.toMatchObject({
      code: 'noAccess',
      message: expect.stringMatching(/^Grille n'a pas accès à cette page\. Autorisez l'accès à ce site/),
    });
    execute.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    await expect(readSelection(7)).rejects.toMatchObject({ code: 'protected', message: expect.stringMatching(/page du navigateur ou une page protégée/) });
    execute.mockRejectedValueOnce(new Error('The extensions gallery cannot be scripted.'));
    await expect(readSelection(7, undefined, 'https://chromewebstore.google.com/')).rejects.toMatchObject({ code: 'protected' });
    execute.mockRejectedValueOnce(new Error('Missing host permission for the tab'));
    await expect(readSelection(7, undefined, 'file:///home/jury/dossier.html')).rejects.toMatchObject({ code: 'fileAccess' });
    execute.mockRejectedValueOnce(new Error('No tab with id: 7.'));
    await expect(readSelection(7)).rejects.toMatchObject({ code: 'tabGone' });
  });
});
