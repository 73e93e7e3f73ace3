// The certifications Grille ships with, as the panel reads them: the committed summaries
// (bundled-index.json) at once, each certification's JSON from its own chunk when first shown.
// Checked against the schema by the test suite, so at run time they are trusted as typed.
// (catalog.ts reads them all at once, for the tests, scripts and exports that need every one.)
import type { Certification } from './schema';
import { lazySource } from './source';
import type { CertificationSummary } from './summary';
import index from './bundled-index.json';

const files = import.meta.glob<Certification>('./data/*.json', { import: 'default' });

export const bundledSummaries: readonly CertificationSummary[] = index;

/** Each bundled certification's loader, by id (its file is named after it). */
export const bundledLoaders: ReadonlyMap<string, () => Promise<Certification>> = new Map(
  bundledSummaries.flatMap((s) => {
    const loader = files[`./data/${s.id}.json`];
    return loader ? [[s.id, loader] as const] : [];
  }),
);

export const bundledReferentiels = lazySource(bundledSummaries, bundledLoaders);
