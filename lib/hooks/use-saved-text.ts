// A text field saved as it is typed: each keystroke goes at once to the field's durable draft
// (lib/drafts/store.ts, one IndexedDB transaction at a time), the field's own save follows a
// pause; leaving the field, hiding or closing the panel and unmounting save at once. While the
// field is not being edited it shows the stored text (another panel's words included); an edit
// made here is merged with one stored meanwhile, never written over it. A failed write keeps the
// text in the field, to retry.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { DraftWriter, type DraftField, type DraftsDb } from '../drafts/store';

export interface SavedTextOptions {
  stored: string;
  /** Saves `text`, typed from the stored `base`; resolves to the text now stored (merged with another panel's). */
  save: (text: string, base: string) => Promise<string>;
  drafts: DraftsDb;
  field: DraftField;
  who: string | null;
  delayMs?: number;
}

export interface SavedText {
  value: string;
  onChange: (text: string) => void;
  onFocus: () => void;
  /** Saves, then follows the stored text again. */
  onBlur: () => Promise<void>;
  /** Saves now (before leaving). */
  flush: () => Promise<void>;
  /** Writes again what failed (draft and save). */
  retry: () => void;
  error: unknown;
  /** For the field element: keeps the caret in place when another panel's words arrive. */
  ref: (element: HTMLTextAreaElement | HTMLInputElement | null) => void;
}

const flushers = new Set<() => Promise<void>>();
let listening = false;

/** Closing or hiding the panel saves every field being edited. */
function listenForLeaving() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const flushAll = () => flushers.forEach((f) => void f());
  window.addEventListener('pagehide', flushAll);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushAll());
}

/** Where a caret at `at` in `before` is in `after`: same place before the change, same distance from the end after it. */
function mapCaret(before: string, after: string, at: number): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  return at <= prefix ? at : Math.max(prefix, after.length - (before.length - at));
}

/** What the field holds, kept outside React state so that callbacks read it as it is now. */
interface FieldState {
  value: string;
  /** The stored text the typed one started from. */
  base: string;
  stored: string;
  /** Typed and not saved yet. */
  pending: string | null;
  focused: boolean;
}

/** How many times the stored text changed, and how many it had changed at the last save. */
interface Versions {
  stored: number;
  atSave: number;
}

/** Saving and closing the panel: each field being edited registers how to save it now. */
function useFlushOnLeave(flush: () => Promise<void>) {
  useEffect(() => {
    listenForLeaving();
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      void flush();
    };
  }, [flush]);
}

/** The text shown; `show` puts one there that did not come from this field's keystrokes, the caret kept where it was. */
function useShownText(current: RefObject<FieldState>) {
  const [value, setValue] = useState(current.current.value);
  const element = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  const caret = useRef<[number, number] | null>(null);

  const show = useCallback((text: string) => {
    const c = current.current;
    const el = element.current;
    if (c.focused && el && typeof el.selectionStart === 'number') caret.current = [mapCaret(c.value, text, el.selectionStart), mapCaret(c.value, text, el.selectionEnd ?? el.selectionStart)];
    c.value = text;
    setValue(text);
  }, [current]);

  useLayoutEffect(() => {
    if (caret.current && element.current) element.current.setSelectionRange(...caret.current);
    caret.current = null;
  }, [value]);

  const ref = useCallback((el: HTMLTextAreaElement | HTMLInputElement | null) => {
    element.current = el;
  }, []);
  return { value, setValue, show, ref };
}

interface SaveContext {
  field: FieldState;
  versions: Versions;
  save: RefObject<SavedTextOptions['save']>;
  who: RefObject<string | null>;
  writer: DraftWriter;
  show: (text: string) => void;
  setError: (error: unknown) => void;
}

/** Saves the pending text once; what was typed during the save is kept pending, to merge next time. */
async function savePending({ field: c, versions, save, who, writer, show, setError }: SaveContext) {
  const text = c.pending;
  if (text === null) return;
  const base = c.base;
  try {
    const result = await save.current(text, base);
    versions.atSave = versions.stored;
    setError(null);
    if (c.value === text) {
      c.pending = null;
      c.base = result;
      if (result !== text) show(result);
      writer.settle(text);
    } else {
      // Typed on meanwhile: the next save merges what follows `text` into `result`.
      c.base = text;
      writer.write(c.value, c.base, null, who.current);
    }
  } catch (e) {
    setError(e);
  }
}

export function useSavedText({ stored, save, drafts, field, who, delayMs = 400 }: SavedTextOptions): SavedText {
  const [error, setError] = useState<unknown>(null);
  const current = useRef<FieldState>({ value: stored, base: stored, stored, pending: null, focused: false });
  const versions = useRef<Versions>({ stored: 0, atSave: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const whoRef = useRef(who);
  whoRef.current = who;
  const key = JSON.stringify(field);
  // One writer per field, whatever object names it.
  const writer = useMemo(() => new DraftWriter(drafts, field, setError), [drafts, key]);
  const { value, setValue, show, ref } = useShownText(current);

  // Another panel (or a recovered draft) changed the stored text: follow it unless editing here.
  useEffect(() => {
    const c = current.current;
    c.stored = stored;
    versions.current.stored += 1;
    if (!c.focused && c.pending === null && !inFlight.current && stored !== c.value) {
      c.base = stored;
      show(stored);
    }
  }, [stored, show]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    if (current.current.pending === null) return;
    const context = { field: current.current, versions: versions.current, save: saveRef, who: whoRef, writer, show, setError };
    inFlight.current = savePending(context).finally(() => (inFlight.current = null));
    await inFlight.current;
  }, [show, writer]);
  useFlushOnLeave(flush);

  const onChange = useCallback(
    (text: string) => {
      const c = current.current;
      c.value = text;
      c.pending = text;
      setValue(text);
      writer.write(text, c.base, null, whoRef.current);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [writer, flush, delayMs, setValue],
  );

  const onFocus = useCallback(() => {
    current.current.focused = true;
  }, []);

  const onBlur = useCallback(async () => {
    const c = current.current;
    c.focused = false;
    await flush();
    // Changed by another panel while this field had the focus: show it now.
    if (!c.focused && c.pending === null && versions.current.stored > versions.current.atSave && c.stored !== c.value) {
      c.base = c.stored;
      show(c.stored);
    }
  }, [flush, show]);

  const retry = useCallback(() => {
    writer.retry();
    void flush();
  }, [writer, flush]);

  return { value, onChange, onFocus, onBlur, flush, retry, error, ref };
}
