// A choice the juror clicks (a criterion's status, an RGAA result) shows at once; the stored value
// takes over once written, or the click is undone when the write fails, which can be tried again.
import { useCallback, useEffect, useState } from 'react';

export interface OptimisticChoice<T> {
  /** The juror's click while it is being written, then what is stored. */
  shown: T;
  /** Shows `next` and runs `write`; `onSaved` once it succeeded. */
  choose: (next: T, write: () => Promise<unknown>, onSaved?: () => void) => void;
  error: unknown;
  setError: (error: unknown) => void;
  /** The failed write again, as it was. */
  retry: (() => void) | undefined;
}

/** `settled`: whether what is stored now is the juror's (not an automated proposal). */
export function useOptimisticChoice<T>(stored: T, settled = true): OptimisticChoice<T> {
  const [optimistic, setOptimistic] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);

  useEffect(() => {
    if (optimistic !== null && optimistic === stored && settled) setOptimistic(null);
  }, [optimistic, stored, settled]);

  const choose = useCallback((next: T, write: () => Promise<unknown>, onSaved?: () => void) => {
    setOptimistic(next);
    const attempt = () =>
      write().then(
        () => {
          setError(null);
          setRetry(null);
          onSaved?.();
        },
        (e: unknown) => {
          setOptimistic(null);
          setError(e);
          setRetry(() => attempt);
        },
      );
    void attempt();
  }, []);

  return { shown: optimistic ?? stored, choose, error, setError, retry: retry ?? undefined };
}
