// Remembers the juror's last certification and bloc across panel openings (extension storage).
// Extension storage answers asynchronously, so the panel would first draw itself without the
// criteria, then again with them; a copy in the page's localStorage (synchronous, same extension
// origin) lets the first drawing show them. Extension storage stays the reference: when it says
// otherwise, it wins.
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';

const KEY = 'grille:selection';
export interface Selection {
  certificationId: string | null;
  blocId: string | null;
  /** The evaluation open in the panel, if any. */
  evaluationId: string | null;
}
const EMPTY: Selection = { certificationId: null, blocId: null, evaluationId: null };

// Checked by hand rather than with zod: the panel opens before zod is loaded.
const nullableText = (value: unknown): value is string | null => value === null || typeof value === 'string';
function parseSelection(value: unknown): Selection | null {
  if (typeof value !== 'object' || value === null) return null;
  const { certificationId, blocId, evaluationId = null } = value as Record<string, unknown>;
  return nullableText(certificationId) && nullableText(blocId) && nullableText(evaluationId) ? { certificationId, blocId, evaluationId } : null;
}

/** The selection this panel's page remembers (its localStorage copy), read synchronously. */
export function rememberedSelection(): Selection | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? parseSelection(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}
function writeCopy(selection: Selection) {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(selection));
  } catch {
    // A full or disabled localStorage only costs the faster first drawing.
  }
}

const same = (a: Selection | null, b: Selection) =>
  !!a && a.certificationId === b.certificationId && a.blocId === b.blocId && a.evaluationId === b.evaluationId;

export function useStoredSelection(): [Selection | null, (next: Selection) => void] {
  const [selection, setSelection] = useState<Selection | null>(rememberedSelection);
  // A choice made before extension storage answered is newer than what it holds.
  const chosen = useRef(false);
  useEffect(() => {
    let live = true;
    browser.storage.local.get(KEY).then(
      (stored) => {
        const reference = parseSelection(stored[KEY]) ?? EMPTY;
        if (!live || chosen.current) return;
        writeCopy(reference);
        setSelection((current) => (same(current, reference) ? current : reference));
      },
      () => live && setSelection((current) => current ?? EMPTY),
    );
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback((next: Selection) => {
    chosen.current = true;
    setSelection(next);
    writeCopy(next);
    // Losing the remembered bloc is harmless: the juror just picks it again.
    browser.storage.local.set({ [KEY]: next }).catch(() => undefined);
  }, []);
  return [selection, update];
}
