// The capture waiting to be attached to criteria in this panel: one left by the context menu
// (extension storage, picked up when the panel opens and whenever it changes) or one the juror
// just took with the panel's capture actions. Cleared once saved or cancelled.
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { PENDING_CAPTURE_KEY } from '../messaging/protocol';
import type { PendingCapture } from '../capture/captures';
import { acceptPendingCapture, clearPendingCapture, readPendingCapture } from '../capture/pending';

export interface PendingCaptureState {
  /** The capture to show in the evidence dialog, or null. */
  capture: PendingCapture | null;
  /** Offers a capture made in the panel; it replaces any pending one. */
  propose: (capture: PendingCapture) => void;
  /** The juror saved or cancelled it: forget it, here and in storage. */
  clear: () => Promise<void>;
}

export function usePendingCapture(): PendingCaptureState {
  const [capture, setCapture] = useState<PendingCapture | null>(null);
  const windowId = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, areaName: string) => {
      if (areaName !== 'session' && areaName !== 'local') return;
      const change = changes[PENDING_CAPTURE_KEY];
      if (!change) return;
      if (change.newValue == null) {
        // Cleared (here or in another panel): a screenshot or a finding taken here was never stored, keep it.
        setCapture((current) => (current && current.kind !== 'screenshot' && current.kind !== 'finding' ? null : current));
        return;
      }
      const arrived = acceptPendingCapture(change.newValue, windowId.current);
      if (arrived) setCapture(arrived);
    };
    browser.storage.onChanged.addListener(onChanged);
    (async () => {
      try {
        windowId.current = (await browser.windows?.getCurrent())?.id ?? null;
      } catch {
        windowId.current = null;
      }
      const stored = await readPendingCapture(windowId.current);
      if (live && stored) setCapture((current) => current ?? stored);
    })().catch(() => undefined);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const propose = useCallback((next: PendingCapture) => setCapture(next), []);
  const clear = useCallback(async () => {
    setCapture(null);
    await clearPendingCapture();
  }, []);

  return { capture, propose, clear };
}
