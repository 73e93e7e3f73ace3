// A form saved by a button (a bloc decision and its motivation, an exemption and its reason, an
// evidence caption): what the juror typed or picked is kept as a durable draft at each change,
// comes back after a crash or a closed panel, and `dirty` says it differs from what is stored —
// the form shows « non enregistré » and leaving asks first (use-unsaved.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DraftWriter, takeDraft, type DraftField, type DraftsDb } from '../drafts/store';

export interface FormValue {
  text: string;
  /** The choice saved with the text (a decision), null for none. */
  choice: string | null;
}

export interface FormDraft extends FormValue {
  set: (next: Partial<FormValue>) => void;
  /** Differs from what is stored. */
  dirty: boolean;
  /** Came back from a draft (a closed or crashed panel). */
  restored: boolean;
  /** Back to what is stored; the draft goes. */
  discard: () => void;
  /** Saved: the draft goes. */
  saved: () => void;
  error: unknown;
}

const same = (a: FormValue, b: FormValue) => a.text.trim() === b.text.trim() && a.choice === b.choice;

export function useFormDraft(options: { drafts: DraftsDb; field: DraftField; stored: FormValue; who: string | null }): FormDraft {
  const { drafts, field, stored, who } = options;
  const [local, setLocalState] = useState<FormValue>(stored);
  const localRef = useRef(local);
  const setLocal = useCallback((value: FormValue) => {
    localRef.current = value;
    setLocalState(value);
  }, []);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const touched = useRef(false);
  const key = JSON.stringify(field);
  // One writer per field, whatever object names it.
  const writer = useMemo(() => new DraftWriter(drafts, field, setError), [drafts, key]);
  const dirty = !same(local, stored);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // A draft left by a panel that closed or died comes back, unless the juror already started here.
  useEffect(() => {
    let live = true;
    void takeDraft(drafts, field).then(
      (draft) => {
        if (!live || !draft || touched.current) return;
        const value = { text: draft.text, choice: draft.choice };
        if (same(value, stored)) return writer.discard();
        setLocal(value);
        setRestored(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once per field: later stored values are handled below.
  }, [drafts, key]);

  // Saved here or in another panel: follow it, unless the juror has unsaved changes.
  useEffect(() => {
    if (!dirtyRef.current) setLocal(stored);
  }, [stored.text, stored.choice]);

  const set = useCallback(
    (next: Partial<FormValue>) => {
      touched.current = true;
      const value = { ...localRef.current, ...next };
      setLocal(value);
      writer.write(value.text, stored.text, value.choice, who);
    },
    [writer, setLocal, stored.text, who],
  );
  const discard = useCallback(() => {
    writer.discard();
    setRestored(false);
    setLocal(stored);
  }, [writer, setLocal, stored.text, stored.choice]);
  const saved = useCallback(() => {
    writer.discard();
    setRestored(false);
  }, [writer]);
  return { ...local, set, dirty, restored, discard, saved, error };
}
