// The remembered certification and bloc: drawn at once from the page's copy, extension storage
// staying the reference, a choice made meanwhile kept.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useStoredSelection, type Selection } from '@/lib/hooks/use-stored-selection';

const KEY = 'grille:selection';
const A: Selection = { certificationId: 'cert-a', blocId: 'bloc-1', evaluationId: null };
const B: Selection = { certificationId: 'cert-b', blocId: 'bloc-2', evaluationId: 'ev-1' };

describe('useStoredSelection', () => {
  it('starts empty without a copy, then takes what extension storage holds', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: A });
    const { result } = renderHook(() => useStoredSelection());
    expect(result.current[0]).toBeNull();
    await waitFor(() => expect(result.current[0]).toEqual(A));
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(A);
  });

  it('draws the first time from the copy, synchronously', async () => {
    localStorage.setItem(KEY, JSON.stringify(A));
    await fakeBrowser.storage.local.set({ [KEY]: A });
    const { result } = renderHook(() => useStoredSelection());
    expect(result.current[0]).toEqual(A);
  });

  it('lets extension storage win over a stale or broken copy', async () => {
    localStorage.setItem(KEY, JSON.stringify(A));
    await fakeBrowser.storage.local.set({ [KEY]: B });
    const { result } = renderHook(() => useStoredSelection());
    await waitFor(() => expect(result.current[0]).toEqual(B));

    localStorage.setItem(KEY, '{not json');
    const again = renderHook(() => useStoredSelection());
    expect(again.result.current[0]).toBeNull();
    await waitFor(() => expect(again.result.current[0]).toEqual(B));
  });

  it('keeps a choice made before extension storage answered, and saves it in both places', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: A });
    const { result } = renderHook(() => useStoredSelection());
    act(() => result.current[1](B));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current[0]).toEqual(B);
    expect((await fakeBrowser.storage.local.get(KEY))[KEY]).toEqual(B);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(B);
  });
});
