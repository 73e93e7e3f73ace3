// « Ajouter comme preuve… » in the page's context menu, on a selection. The click grants
// activeTab on that tab, so the background can read the full selection (info.selectionText is
// cut and loses line breaks) and leave it for the panel.
import { browser, type Browser } from 'wxt/browser';
import { MAX_QUOTE_CHARS, MAX_TITLE_CHARS, parsePayload, type StoredCapture } from '../messaging/protocol';
import { t } from '../i18n';
import { isCapturableUrl } from '../page/tab-errors';
import { storePendingCapture } from './pending';
import { readSelection } from './read-selection';

/** Stable: browsers keep menu items by id across restarts. */
export const EVIDENCE_MENU_ID = 'grille-add-evidence';

/** (Re)creates the menu item; safe to call on every install, update and startup. */
export async function registerEvidenceMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  await new Promise<void>((resolve) => {
    browser.contextMenus.create({ id: EVIDENCE_MENU_ID, title: t('evidenceMenuTitle'), contexts: ['selection'] }, () => {
      // Reading lastError keeps a duplicate id (two registrations racing) from being reported as unchecked.
      void browser.runtime.lastError;
      resolve();
    });
  });
}

/**
 * Builds the quote of a context-menu click — the page's full selection when Grille may read
 * it, else the browser's selectionText — and leaves it for the panel. Null when there is no
 * usable quote (nothing stored then).
 */
export async function captureFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  now: () => number = Date.now,
): Promise<StoredCapture | null> {
  const capturedAt = now();
  const inFrame = !!info.frameId;
  let url = info.pageUrl ?? tab?.url ?? '';
  let pageTitle = tab?.title ?? '';
  let quote = '';
  let truncated = false;
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      const snapshot = await readSelection(tab.id, info.frameId, url);
      if (snapshot.text.trim()) {
        quote = snapshot.text;
        truncated = snapshot.truncated;
        // A frame's own address is not the page the juror was on.
        if (!inFrame && isCapturableUrl(snapshot.url)) {
          url = snapshot.url;
          pageTitle = snapshot.title;
        }
      }
    } catch {
      // No access to that frame (cross-origin, PDF viewer…): the browser's copy of the text will do.
    }
  }
  if (!quote.trim()) {
    const fallback = info.selectionText ?? '';
    quote = fallback.slice(0, MAX_QUOTE_CHARS);
    truncated = fallback.length > MAX_QUOTE_CHARS;
  }
  const capture = parsePayload('pendingCapture', {
    kind: 'quote',
    quote,
    truncated,
    url,
    pageTitle: pageTitle.slice(0, MAX_TITLE_CHARS),
    capturedAt,
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
  });
  if (!capture) return null;
  await storePendingCapture(capture);
  return capture;
}
