import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

/**
 * A component loaded on first render, from its own chunk: for parts of the panel a juror does not
 * need to see the criteria (backups, imports, reconciliation, the RGAA grid), so that opening the
 * panel does not parse them. Renders nothing until loaded.
 */
export function lazyComponent<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  type C = M[K] extends ComponentType<infer P> ? ComponentType<P> : never;
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<Record<string, unknown>> }));
  return function LazyComponent(props: ComponentProps<C>) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as Record<string, unknown>)} />
      </Suspense>
    );
  };
}
