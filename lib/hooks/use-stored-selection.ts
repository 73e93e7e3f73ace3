// Remembers the juror's last certification and bloc across panel openings (extension storage).
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { z } from 'zod';

const KEY = 'grille:selection';
const Selection = z.object({
  certificationId: z.string().nullable(),
  blocId: z.string().nullable(),
  /** The evaluation open in the panel, if any. */
  evaluationId: z.string().nullable().default(null),
});
export type Selection = z.infer<typeof Selection>;
const EMPTY: Selection = { certificationId: null, blocId: null, evaluationId: null };

export function useStoredSelection(): [Selection | null, (next: Selection) => void] {
  const [selection, setSelection] = useState<Selection | null>(null);
  useEffect(() => {
    let live = true;
    browser.storage.local.get(KEY).then(
      (stored) => {
        const parsed = Selection.safeParse(stored[KEY]);
        if (live) setSelection(parsed.success ? parsed.data : EMPTY);
      },
      () => live && setSelection(EMPTY),
    );
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback((next: Selection) => {
    setSelection(next);
    // Losing the remembered bloc is harmless: the juror just picks it again.
    browser.storage.local.set({ [KEY]: next }).catch(() => undefined);
  }, []);
  return [selection, update];
}
