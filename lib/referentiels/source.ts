// Where the panel's certifications come from. The bundled ones load one by one when shown (a
// certification's JSON is its own chunk): opening the panel reads the summaries and the one
// certification the juror looks at, not all five. Tests hand a list whole (eagerSource).
import type { Certification } from './schema';
import { byTitle, summarize, type CertificationSummary } from './summary';

export interface ReferentielSource {
  /** Every certification of this source, for pickers and lists, by title. */
  readonly summaries: readonly CertificationSummary[];
  has(id: string): boolean;
  /** The certification if already loaded (synchronous), undefined otherwise. */
  peek(id: string): Certification | undefined;
  /** The certification, loaded if needed; undefined when the source has none of this id. */
  load(id: string): Promise<Certification | undefined>;
  /** Every certification if all are loaded (the same array each time), undefined otherwise. */
  peekAll(): readonly Certification[] | undefined;
  loadAll(): Promise<readonly Certification[]>;
  /** Told when a certification has loaded (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
}

const nothingToWatch = () => () => undefined;

/** A source holding its certifications already: everything answers at once. */
export function eagerSource(certifications: readonly Certification[]): ReferentielSource {
  const byId = new Map(certifications.map((c) => [c.id, c]));
  const all = [...certifications].sort(byTitle);
  return {
    summaries: all.map(summarize),
    has: (id) => byId.has(id),
    peek: (id) => byId.get(id),
    load: async (id) => byId.get(id),
    peekAll: () => all,
    loadAll: async () => all,
    subscribe: nothingToWatch,
  };
}

/** A source that loads each certification on first use, through its loader, once. */
export function lazySource(summaries: readonly CertificationSummary[], loaders: ReadonlyMap<string, () => Promise<Certification>>): ReferentielSource {
  const loaded = new Map<string, Certification>();
  const pending = new Map<string, Promise<Certification | undefined>>();
  const listeners = new Set<() => void>();
  let all: readonly Certification[] | undefined;
  const load = (id: string): Promise<Certification | undefined> => {
    const known = loaded.get(id);
    if (known) return Promise.resolve(known);
    const loader = loaders.get(id);
    if (!loader) return Promise.resolve(undefined);
    let promise = pending.get(id);
    if (!promise) {
      promise = loader().then(
        (certification) => {
          loaded.set(id, certification);
          if (loaded.size === summaries.length) all = summaries.map((s) => loaded.get(s.id)!);
          for (const listener of [...listeners]) listener();
          return certification;
        },
        (error: unknown) => {
          // A failed chunk load may succeed later (the extension was just updated): not cached.
          pending.delete(id);
          throw error;
        },
      );
      pending.set(id, promise);
    }
    return promise;
  };
  return {
    summaries,
    has: (id) => loaders.has(id),
    peek: (id) => loaded.get(id),
    load,
    peekAll: () => all,
    loadAll: async () => {
      await Promise.all(summaries.map((s) => load(s.id)));
      return all ?? summaries.map((s) => loaded.get(s.id)!);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
