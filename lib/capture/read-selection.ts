// Reads what the juror selected in a page, on demand: a self-contained function injected with
// scripting.executeScript (it runs in the page's isolated world: no imports, no closures, its
// only input is its argument), whose answer is validated on arrival like any page data.
import { browser } from 'wxt/browser';
import { MAX_QUOTE_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, parsePayload, type SelectionSnapshot } from '../messaging/protocol';
import { CaptureError, classifyBrowserError } from '../page/tab-errors';

/**
 * Injected into the page. The selection of a text field (which window.getSelection() does not
 * see) wins when the field has focus; otherwise the document's selection, as the browser
 * serialises it (line breaks kept). Sizes are bounded here and checked again on arrival.
 */
export function selectionInPage(limits: { text: number; url: number; title: number }) {
  let text = '';
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    try {
      const { selectionStart: start, selectionEnd: end, value } = active;
      if (start !== null && end !== null && end > start) text = value.slice(start, end);
    } catch {
      // Some input types (email, number…) have no text selection.
    }
  }
  if (!text) text = window.getSelection()?.toString() ?? '';
  return {
    text: text.slice(0, limits.text),
    truncated: text.length > limits.text,
    url: location.href.slice(0, limits.url),
    title: document.title.slice(0, limits.title),
  };
}

/**
 * The current selection of a tab (its top frame, or `frameId`), with the page's address and
 * title. Throws a CaptureError (French message) when Grille may not read the page.
 * Needs access to the page: the site granted, or activeTab (context menu, toolbar button).
 */
export async function readSelection(tabId: number, frameId?: number, pageUrl?: string | null): Promise<SelectionSnapshot> {
  let results: { result?: unknown; error?: unknown }[] | undefined;
  try {
    results = await browser.scripting.executeScript({
      target: frameId ? { tabId, frameIds: [frameId] } : { tabId },
      func: selectionInPage,
      args: [{ text: MAX_QUOTE_CHARS, url: MAX_URL_CHARS, title: MAX_TITLE_CHARS }],
    });
  } catch (error) {
    throw new CaptureError(classifyBrowserError(error, pageUrl, 'read'), { cause: error });
  }
  const [first] = results ?? [];
  // Firefox reports a script's own exception in the result rather than rejecting.
  if (first?.error) throw new CaptureError('failed', { cause: first.error });
  const snapshot = parsePayload('selectionSnapshot', first?.result);
  if (!snapshot) throw new CaptureError('unreadable');
  return snapshot;
}
