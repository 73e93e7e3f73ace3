import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearPendingCapture, readPendingCapture, storePendingCapture } from '@/lib/capture/pending';
import type { ScreenshotCapture } from '@/lib/capture/captures';
import { usePendingCapture } from '@/lib/hooks/use-pending-capture';
import { PENDING_CAPTURE_KEY, type StoredCapture } from '@/lib/messaging/protocol';

afterEach(() => vi.restoreAllMocks());

const quote: StoredCapture = { kind: 'quote', quote: 'Ligne 1\nLigne 2', url: 'https://atelier-brume.fr/', pageTitle: 'Accueil', capturedAt: 1000 };

describe('pending capture hand-off', () => {
  it('goes through storage.session, and is cleared', async () => {
    await expect(storePendingCapture(quote)).resolves.toBe('session');
    expect((await fakeBrowser.storage.session.get(PENDING_CAPTURE_KEY))[PENDING_CAPTURE_KEY]).toEqual(quote);
    expect(await fakeBrowser.storage.local.get(PENDING_CAPTURE_KEY)).toEqual({ [PENDING_CAPTURE_KEY]: undefined });
    await expect(readPendingCapture()).resolves.toEqual(quote);
    await clearPendingCapture();
    await expect(readPendingCapture()).resolves.toBeNull();
  });

  it('falls back to storage.local when session storage is missing or fails', async () => {
    const storage = fakeBrowser.storage as { session?: unknown };
    const session = storage.session;
    storage.session = undefined;
    try {
      await expect(storePendingCapture(quote)).resolves.toBe('local');
      await expect(readPendingCapture()).resolves.toEqual(quote);
      await clearPendingCapture();
      await expect(readPendingCapture()).resolves.toBeNull();
    } finally {
      storage.session = session;
    }
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(storePendingCapture(quote)).resolves.toBe('local');
    await expect(readPendingCapture()).resolves.toEqual(quote);
  });

  it('ignores what is not a valid capture, and captures meant for another window', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_CAPTURE_KEY]: { ...quote, url: 'javascript:alert(1)' } });
    await expect(readPendingCapture()).resolves.toBeNull();
    await expect(storePendingCapture({ ...quote, quote: '' })).rejects.toThrow();
    await storePendingCapture({ ...quote, windowId: 2 });
    await expect(readPendingCapture(1)).resolves.toBeNull();
    await expect(readPendingCapture(2)).resolves.toMatchObject({ windowId: 2 });
  });
});

describe('usePendingCapture', () => {
  it('picks up a capture left before the panel opened, and one left while it is open', async () => {
    await storePendingCapture(quote);
    const { result } = renderHook(() => usePendingCapture());
    await waitFor(() => expect(result.current.capture).toEqual(quote));
    const later = { ...quote, quote: 'Autre passage', capturedAt: 2000 };
    await act(() => storePendingCapture(later));
    expect(result.current.capture).toEqual(later);
    await act(() => result.current.clear());
    expect(result.current.capture).toBeNull();
    await expect(readPendingCapture()).resolves.toBeNull();
  });

  it("holds a screenshot made in the panel, which another panel's clearing does not drop", async () => {
    const { result } = renderHook(() => usePendingCapture());
    const shot: ScreenshotCapture = { kind: 'screenshot', image: new Blob(['png'], { type: 'image/png' }), url: 'https://a.fr/', pageTitle: 'A', capturedAt: 3 };
    act(() => result.current.propose(shot));
    expect(result.current.capture).toBe(shot);
    await act(() => clearPendingCapture());
    expect(result.current.capture).toBe(shot);
    await act(() => result.current.clear());
    expect(result.current.capture).toBeNull();
  });

  it("ignores a capture meant for another window's panel", async () => {
    const { result } = renderHook(() => usePendingCapture());
    const own = (await fakeBrowser.windows.getCurrent()).id!;
    await waitFor(() => expect(result.current.capture).toBeNull());
    await act(() => storePendingCapture({ ...quote, windowId: own + 1 }));
    expect(result.current.capture).toBeNull();
    await act(() => storePendingCapture({ ...quote, windowId: own }));
    expect(result.current.capture).toMatchObject({ windowId: own });
  });
});
