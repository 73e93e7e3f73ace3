import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import background from '@/entrypoints/background';
import { EVIDENCE_MENU_ID } from '@/lib/capture/context-menu';
import { readPendingCapture } from '@/lib/capture/pending';

type ClickListener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void;

let clicks: ClickListener[];
let order: string[];

beforeEach(() => {
  clicks = [];
  order = [];
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((l: ClickListener) => clicks.push(l)) as never);
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((_: unknown, done?: () => void) => {
    order.push('menu');
    done?.();
    return EVIDENCE_MENU_ID;
  }) as never);
  vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.sidePanel, 'open').mockImplementation((async () => void order.push('open')) as never);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => {
    order.push('read');
    return [{ frameId: 0, documentId: 'd', result: { text: 'Tout le passage\nsur deux lignes', truncated: false, url: 'https://atelier-brume.fr/', title: 'Accueil' } }];
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

const tab = { id: 9, windowId: 1, index: 0, url: 'https://atelier-brume.fr/', title: 'Accueil' } as Browser.tabs.Tab;

describe('background (Chrome)', () => {
  it('opens the side panel from its own toolbar click handler, which grants activeTab', async () => {
    background.main();
    expect(fakeBrowser.sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
    await fakeBrowser.action.onClicked.trigger(tab);
    expect(fakeBrowser.sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('registers « Ajouter comme preuve… » on install', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(order).toEqual(['menu']));
    expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: EVIDENCE_MENU_ID, contexts: ['selection'] }), expect.any(Function));
  });

  it('opens the panel within the click, before reading the selection, then leaves the quote for the panel', async () => {
    background.main();
    expect(clicks).toHaveLength(1);
    clicks[0]!({ menuItemId: EVIDENCE_MENU_ID, editable: false, pageUrl: tab.url, frameId: 0, selectionText: 'Tout le passage sur deux lignes' }, tab);
    // Synchronously: the user gesture is spent by the first await.
    expect(fakeBrowser.sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
    expect(order[0]).toBe('open');
    await vi.waitFor(async () => expect(await readPendingCapture()).toMatchObject({ kind: 'quote', quote: 'Tout le passage\nsur deux lignes', url: tab.url, windowId: 1 }));
    expect(order).toEqual(['open', 'read']);
  });

  it('ignores other menu items', () => {
    background.main();
    clicks[0]!({ menuItemId: 'something-else', editable: false, pageUrl: tab.url }, tab);
    expect(fakeBrowser.sidePanel.open).not.toHaveBeenCalled();
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });
});
