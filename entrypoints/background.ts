// Opens Grille's panel from the toolbar button (Chrome's side panel, Firefox's sidebar), and
// offers « Ajouter comme preuve… » on a page's selection: the quote is left for the panel.
import { z } from 'zod';
import type { Browser } from 'wxt/browser';
import { captureFromMenu, EVIDENCE_MENU_ID, registerEvidenceMenu } from '@/lib/capture/context-menu';

// sidebarAction is Firefox-only, so the shared browser typings do not declare it.
type SidebarAction = { open(): Promise<void>; toggle(): Promise<void> };
const sidebarAction = () => (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;

/** Must run in the click's own task: both browsers open a panel only in response to a user action. */
function openPanel(tab: Browser.tabs.Tab | undefined) {
  if (import.meta.env.FIREFOX) void sidebarAction().open().catch(() => undefined);
  else if (tab?.id !== undefined && tab.id >= 0) void browser.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
}

export default defineBackground(() => {
  // zod compiles validators with new Function when it can; the extension's CSP forbids it.
  z.config({ jitless: true });

  if (import.meta.env.FIREFOX) {
    // Firefox (MV2): the toolbar button toggles the sidebar, and the click grants activeTab.
    browser.browserAction.onClicked.addListener(() => {
      void sidebarAction().toggle();
    });
  } else {
    // Chrome: opened by our own click handler rather than openPanelOnActionClick, because only a
    // click the extension handles grants activeTab on the tab — what « Capturer l'écran visible »
    // needs (Chrome's side-panel toggle grants nothing).
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    browser.action.onClicked.addListener((tab) => openPanel(tab));
  }

  browser.runtime.onInstalled.addListener(() => void registerEvidenceMenu().catch(() => undefined));
  // Firefox forgets menu items when it restarts; Chrome keeps them (re-creating is harmless).
  browser.runtime.onStartup.addListener(() => void registerEvidenceMenu().catch(() => undefined));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== EVIDENCE_MENU_ID) return;
    openPanel(tab); // before any await: the user gesture does not survive one
    void captureFromMenu(info, tab).catch(() => undefined);
  });
});
