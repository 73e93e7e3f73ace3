// Forms saved by a button (a bloc decision, an exemption, a piece of evidence) that differ from
// what is stored: listed so that leaving the evaluation asks first, and closing or reloading the
// panel page too (beforeunload). Their text is kept as a draft all the same (lib/drafts/store.ts).
import { useLayoutEffect, useSyncExternalStore } from 'react';

export interface UnsavedForm {
  /** What the juror would lose, « la décision du bloc B1 ». */
  label: string;
  /** Leaving without saving: back to what is stored, the draft dropped. */
  discard: () => void;
}

const forms = new Map<symbol, UnsavedForm>();
const listeners = new Set<() => void>();
let snapshot: readonly UnsavedForm[] = [];

function changed() {
  snapshot = [...forms.values()];
  listeners.forEach((l) => l());
}

let guarding = false;
function guardUnload() {
  if (guarding || typeof window === 'undefined') return;
  guarding = true;
  window.addEventListener('beforeunload', (event) => {
    if (!forms.size) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });
}

/**
 * Registers the form as unsaved while `dirty`. A layout effect: the list changes in the same
 * commit as the form's « Non enregistré », so a close right after « Enregistré. » shows does not
 * ask about a form already saved.
 */
export function useUnsaved(dirty: boolean, label: string, discard: () => void): void {
  useLayoutEffect(() => {
    if (!dirty) return;
    guardUnload();
    const id = Symbol(label);
    forms.set(id, { label, discard });
    changed();
    return () => {
      forms.delete(id);
      changed();
    };
  }, [dirty, label, discard]);
}

export function unsavedForms(): readonly UnsavedForm[] {
  return snapshot;
}

/** The unsaved forms, re-rendering when the list changes. */
export function useUnsavedForms(): readonly UnsavedForm[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unsavedForms,
    unsavedForms,
  );
}
