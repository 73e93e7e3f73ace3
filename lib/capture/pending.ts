// The hand-off of a capture from the background (context menu) to the panel: the background
// leaves it in storage.session — storage.local where the browser has no session storage — and
// the panel picks it up, validates it, and clears it once the juror saved or cancelled it.
import { browser } from 'wxt/browser';
import { parsePayload, PENDING_CAPTURE_KEY, type StoredCapture } from '../messaging/protocol';

type Area = 'session' | 'local';

function area(name: Area) {
  const storage = browser.storage[name] as typeof browser.storage.local | undefined;
  return storage && typeof storage.set === 'function' ? storage : null;
}

/** Leaves a capture for the panel; a newer one replaces it. Returns where it went. */
export async function storePendingCapture(capture: StoredCapture): Promise<Area> {
  const valid = parsePayload('pendingCapture', capture);
  if (!valid) throw new TypeError('Invalid pending capture');
  const session = area('session');
  if (session) {
    try {
      await session.set({ [PENDING_CAPTURE_KEY]: valid });
      return 'session';
    } catch {
      // Session storage unavailable or full: fall back to local storage.
    }
  }
  await browser.storage.local.set({ [PENDING_CAPTURE_KEY]: valid });
  return 'local';
}

/** A pending capture as it arrives from storage: validated, and meant for this window (or any). */
export function acceptPendingCapture(raw: unknown, windowId?: number | null): StoredCapture | null {
  const capture = parsePayload('pendingCapture', raw);
  if (!capture) return null;
  if (capture.windowId !== undefined && windowId != null && capture.windowId !== windowId) return null;
  return capture;
}

/** The newest valid pending capture for this window, if any. */
export async function readPendingCapture(windowId?: number | null): Promise<StoredCapture | null> {
  const found: StoredCapture[] = [];
  for (const name of ['session', 'local'] as const) {
    const storage = area(name);
    if (!storage) continue;
    try {
      const stored = await storage.get(PENDING_CAPTURE_KEY);
      const capture = acceptPendingCapture(stored[PENDING_CAPTURE_KEY], windowId);
      if (capture) found.push(capture);
    } catch {
      // An unreadable area holds nothing for us.
    }
  }
  return found.sort((a, b) => b.capturedAt - a.capturedAt)[0] ?? null;
}

/** Forgets the pending capture, wherever it was left. */
export async function clearPendingCapture(): Promise<void> {
  await Promise.all(
    (['session', 'local'] as const).map((name) => area(name)?.remove(PENDING_CAPTURE_KEY).catch(() => undefined)),
  );
}
