// A PNG of what the juror sees in a window's active tab. The browser allows it with activeTab
// (granted by Grille's toolbar button or its context menu on that tab) — a per-site grant is
// not enough, in Chrome as in Firefox — so a refusal says how to get it.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CaptureError, classifyBrowserError } from '../page/tab-errors';

/** Larger than any screen's PNG; guards against a runaway answer. */
const MAX_DATA_URL_CHARS = 64 * 1024 * 1024;
const PNG_DATA_URL = 'data:image/png;base64,';
const PngDataUrl = z.string().max(MAX_DATA_URL_CHARS).startsWith(PNG_DATA_URL);

export function pngDataUrlToBlob(dataUrl: string): Blob {
  const parsed = PngDataUrl.safeParse(dataUrl);
  if (!parsed.success) throw new CaptureError('failed');
  let binary: string;
  try {
    binary = atob(parsed.data.slice(PNG_DATA_URL.length));
  } catch (error) {
    throw new CaptureError('failed', { cause: error });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * The visible part of the active tab of `windowId`, as a PNG Blob. `pageUrl` (the tab's
 * address, when known) lets the error tell a protected page or a local file apart.
 */
export async function captureVisibleTab(windowId: number, pageUrl?: string | null): Promise<Blob> {
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    throw new CaptureError(classifyBrowserError(error, pageUrl, 'screenshot'), { cause: error });
  }
  return pngDataUrlToBlob(dataUrl);
}
