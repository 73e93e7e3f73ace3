import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { captureFromMenu, EVIDENCE_MENU_ID, registerEvidenceMenu } from '@/lib/capture/context-menu';
import { readPendingCapture } from '@/lib/capture/pending';

afterEach(() => vi.restoreAllMocks());

const tab = { id: 5, windowId: 1, url: 'https://atelier-brume.fr/blog/', title: 'Le blog', index: 0 } as Browser.tabs.Tab;
const info = (extra: Partial<Browser.contextMenus.OnClickData> = {}) =>
  ({ menuItemId: EVIDENCE_MENU_ID, editable: false, pageUrl: tab.url, frameId: 0, selectionText: 'Ligne 1 Ligne 2', ...extra }) as Browser.contextMenus.OnClickData;
const now = () => 42;

describe('« Ajouter comme preuve… »', () => {
  it('is one menu item on selections, titled from the catalogue', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((_: unknown, done?: () => void) => {
      done?.();
      return EVIDENCE_MENU_ID;
    }) as never);
    await registerEvidenceMenu();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith({ id: 'grille-add-evidence', title: 'Ajouter comme preuve…', contexts: ['selection'] }, expect.any(Function));
  });

  it('stores the full selection, line breaks kept, rather than the menu’s flattened copy', async () => {
    const execute = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, documentId: 'd', result: { text: 'Ligne 1\nLigne 2', truncated: false, url: tab.url, title: 'Le blog — Atelier Brume' } }] as never);
    const stored = await captureFromMenu(info(), tab, now);
    expect(execute.mock.calls[0]![0]).toMatchObject({ target: { tabId: 5 } });
    expect(stored).toEqual({ kind: 'quote', quote: 'Ligne 1\nLigne 2', truncated: false, url: tab.url, pageTitle: 'Le blog — Atelier Brume', capturedAt: 42, windowId: 1 });
    await expect(readPendingCapture()).resolves.toEqual(stored);
  });

  it("falls back to the menu's selection text when the page cannot be read, and keeps the page's address for a frame", async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page.'));
    const stored = await captureFromMenu(info({ frameId: 3, frameUrl: 'https://video.example/embed' }), tab, now);
    expect(stored).toMatchObject({ kind: 'quote', quote: 'Ligne 1 Ligne 2', url: tab.url, pageTitle: 'Le blog' });
    await expect(readPendingCapture()).resolves.toMatchObject({ quote: 'Ligne 1 Ligne 2' });
  });

  it('stores nothing without a quote or outside a web page', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result: { text: '', truncated: false, url: tab.url, title: '' } }] as never);
    await expect(captureFromMenu(info({ selectionText: '   ' }), tab, now)).resolves.toBeNull();
    await expect(captureFromMenu(info({ pageUrl: 'chrome://newtab/' }), { ...tab, url: 'chrome://newtab/' }, now)).resolves.toBeNull();
    await expect(readPendingCapture()).resolves.toBeNull();
  });
});
