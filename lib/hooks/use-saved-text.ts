// A text field saved as it is typed: every keystroke goes to a synchronous draft (survives the
// panel closing), then to IndexedDB after a short pause; blur, closing the panel and unmounting
// flush at once. Failed writes (a full disk…) keep the text and can be retried.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface SavedText {
  value: string;
  onChange: (text: string) => void;
  /** Saves now (blur, before leaving). */
  flush: () => Promise<void>;
  error: unknown;
  saving: boolean;
}

const flushers = new Set<() => Promise<void>>();
let listening = false;

/** Closing or hiding the panel flushes every field being edited. */
function listenForLeaving() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const flushAll = () => flushers.forEach((f) => void f());
  window.addEventListener('pagehide', flushAll);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushAll());
}

export function useSavedText(
  stored: string,
  save: (text: string) => Promise<void>,
  draft: (text: string) => void,
  delayMs = 400,
): SavedText {
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const editing = useRef(false);

  // Another window (or a recovered draft) changed the stored text: follow it unless typing here.
  useEffect(() => {
    if (!editing.current && pending.current === null) setValue(stored);
  }, [stored]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    setSaving(true);
    try {
      await saveRef.current(text);
      if (pending.current === text) pending.current = null;
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }, []);

  useEffect(() => {
    listenForLeaving();
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      void flush();
    };
  }, [flush]);

  const onChange = useCallback(
    (text: string) => {
      editing.current = true;
      setValue(text);
      draft(text);
      pending.current = text;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [draft, flush, delayMs],
  );

  const flushAndRelease = useCallback(async () => {
    await flush();
    editing.current = false;
  }, [flush]);

  return { value, onChange, flush: flushAndRelease, error, saving };
}
