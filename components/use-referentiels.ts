// The panel's certifications as React state: the bundled ones, loaded when shown (or, in tests,
// a list handed whole), and those a school imported (latest version of each, from the
// workspace). Pickers and lists need only summaries; a bloc's criteria need its certification.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Certification } from '@/lib/referentiels/schema';
import { eagerSource, type ReferentielSource } from '@/lib/referentiels/source';
import { byTitle, summarize, type CertificationSummary } from '@/lib/referentiels/summary';
import type { WorkspaceDb } from '@/lib/workspace/db';
import type { CustomReferentielRow } from '@/lib/workspace/types';

/** What the panel is given: Grille's bundled source, or certifications already in hand. */
export type Referentiels = ReferentielSource | readonly Certification[];

const isSource = (referentiels: Referentiels): referentiels is ReferentielSource => !Array.isArray(referentiels);

export function useSource(referentiels: Referentiels): ReferentielSource {
  return useMemo(() => (isSource(referentiels) ? referentiels : eagerSource(referentiels)), [referentiels]);
}

/**
 * The latest version of each custom certification, as custom/store.ts's
 * latestCustomCertifications says, read here: that module keeps every bundled référentiel at
 * hand for its checks, and the panel opens without them.
 */
async function latestCustomCertifications(db: WorkspaceDb): Promise<Certification[]> {
  const latest = new Map<string, CustomReferentielRow>();
  for (const row of await db.customReferentiels.toArray()) {
    const current = latest.get(row.id);
    if (!current || current.dataVersion < row.dataVersion) latest.set(row.id, row);
  }
  return [...latest.values()].map((r) => r.certification);
}

/** A school's référentiels (latest version of each, never one shadowing a bundled id); undefined until read. */
export function useCustomCertifications(db: WorkspaceDb, source: ReferentielSource): readonly Certification[] | undefined {
  return useLiveQuery(async () => (await latestCustomCertifications(db)).filter((c) => !source.has(c.id)), [db, source]);
}

/** For pickers and lists: every certification, bundled and imported, by title. */
export function useCertificationList(source: ReferentielSource, custom: readonly Certification[] | undefined): readonly CertificationSummary[] {
  return useMemo(() => (custom?.length ? [...source.summaries, ...custom.map(summarize)].sort(byTitle) : source.summaries), [source, custom]);
}

/** One certification, whole: undefined while it loads, null when there is none of this id. */
export function useCertification(source: ReferentielSource, custom: readonly Certification[] | undefined, id: string | null | undefined): Certification | null | undefined {
  const bundled = useSyncExternalStore(source.subscribe, () => (id ? source.peek(id) : undefined));
  useEffect(() => {
    if (id && source.has(id) && !source.peek(id)) void source.load(id).catch(() => undefined);
  }, [source, id]);
  if (!id) return null;
  if (source.has(id)) return bundled;
  return custom ? (custom.find((c) => c.id === id) ?? null) : undefined;
}

/** Every certification, whole, once `wanted` (search): undefined while they load. */
export function useAllCertifications(source: ReferentielSource, custom: readonly Certification[] | undefined, wanted: boolean): readonly Certification[] | undefined {
  const bundled = useSyncExternalStore(source.subscribe, source.peekAll);
  useEffect(() => {
    if (wanted && !source.peekAll()) void source.loadAll().catch(() => undefined);
  }, [source, wanted]);
  return useMemo(() => (wanted && bundled ? [...bundled, ...(custom ?? [])].sort(byTitle) : undefined), [wanted, bundled, custom]);
}

/** Every certification, whole, when a click needs them (exports): loads what is missing. */
export async function everyCertification(source: ReferentielSource, db: WorkspaceDb): Promise<readonly Certification[]> {
  const [bundled, custom] = await Promise.all([source.loadAll(), latestCustomCertifications(db)]);
  return [...bundled, ...custom.filter((c) => !source.has(c.id))].sort(byTitle);
}
