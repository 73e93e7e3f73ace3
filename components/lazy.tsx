import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';

/**
 * A component loaded on first render, from its own chunk: for parts of the panel a juror does not
 * need to see the criteria (backups, imports, reconciliation, the RGAA grid, an open evaluation),
 * so that opening the panel neither fetches nor parses them. Renders nothing until loaded;
 * `preload()` starts loading before it is rendered (the juror is on the way to it).
 * With `belowFirstScreen`, it is not even rendered in the drawing it first appears in, but just
 * after: that drawing commits without waiting for its chunk.
 */
export function lazyComponent<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K, options: { belowFirstScreen?: boolean } = {}) {
  type C = M[K] extends ComponentType<infer P> ? ComponentType<P> : never;
  let loading: Promise<M> | null = null;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      // A failed load is tried again at the next render (the extension may have been updated).
      loading = null;
      throw error;
    });
    return loading;
  };
  const Lazy = lazy(async () => ({ default: (await preload())[name] as ComponentType<Record<string, unknown>> }));
  function LazyComponent(props: ComponentProps<C>) {
    const loaded = (
      <Suspense fallback={null}>
        <Lazy {...(props as Record<string, unknown>)} />
      </Suspense>
    );
    return options.belowFirstScreen ? <AfterCommit>{loaded}</AfterCommit> : loaded;
  }
  LazyComponent.preload = () => void preload().catch(() => undefined);
  return LazyComponent;
}

/** Its children, from the drawing after the one it first appears in. */
function AfterCommit({ children }: { children: ReactNode }) {
  const [committed, setCommitted] = useState(false);
  useEffect(() => setCommitted(true), []);
  return committed ? children : null;
}
