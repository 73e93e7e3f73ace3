// Référentiels a school imported, kept in the workspace database: every version beside the
// others (keyed id + dataVersion), never replaced in place, so an evaluation always finds the
// version it was made with. Pickers offer the bundled certifications and the latest version of
// each custom one.
import { bundledCertifications } from '../referentiels/catalog';
import type { Certification } from '../referentiels/schema';
import type { WorkspaceDb } from './db';
import type { CustomReferentielRow } from './types';
import { ReferentielImportError } from '../referentiels/custom/errors';

export interface SaveResult {
  status: 'added' | 'unchanged';
  row: CustomReferentielRow;
  /** Versions of this certification installed before this one. */
  previousVersions: number[];
}

const sameContent = (a: Certification, b: Certification) => {
  const strip = ({ $schema: _s, sourceFile: _f, ...rest }: Certification) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
};

/**
 * Stores a validated certification. Refuses the id of a bundled one, and a version number
 * already installed with another content; a new version goes beside the older ones.
 */
export async function saveCustomReferentiel(
  db: WorkspaceDb,
  certification: Certification,
  source: string,
  options: { bundled?: readonly Certification[]; now?: number } = {},
): Promise<SaveResult> {
  const bundled = (options.bundled ?? bundledCertifications).find((c) => c.id === certification.id);
  if (bundled)
    throw new ReferentielImportError([
      `« ${certification.id} » est l’identifiant d’une certification fournie avec Grille (« ${bundled.title} ») : donnez un autre identifiant à votre référentiel (certification_id, ou id en JSON).`,
    ]);
  return db.transaction('rw', db.customReferentiels, async () => {
    const versions = await db.customReferentiels.where('id').equals(certification.id).toArray();
    const same = versions.find((v) => v.dataVersion === certification.dataVersion);
    if (same) {
      if (sameContent(same.certification, certification)) return { status: 'unchanged' as const, row: same, previousVersions: versions.map((v) => v.dataVersion).filter((v) => v !== same.dataVersion) };
      throw new ReferentielImportError([
        `La version ${certification.dataVersion} de « ${certification.id} » est déjà installée avec un autre contenu. Augmentez le numéro de version (data_version en CSV, dataVersion en JSON) : la nouvelle version sera gardée à côté, et les évaluations existantes garderont la leur.`,
      ]);
    }
    const row: CustomReferentielRow = { id: certification.id, dataVersion: certification.dataVersion, certification, importedAt: options.now ?? Date.now(), source };
    await db.customReferentiels.add(row);
    return { status: 'added' as const, row, previousVersions: versions.map((v) => v.dataVersion).sort((a, b) => a - b) };
  });
}

/** The latest version of each custom certification. */
export async function latestCustomCertifications(db: WorkspaceDb): Promise<Certification[]> {
  const latest = new Map<string, CustomReferentielRow>();
  for (const row of await db.customReferentiels.toArray()) {
    const current = latest.get(row.id);
    if (!current || current.dataVersion < row.dataVersion) latest.set(row.id, row);
  }
  return [...latest.values()].map((r) => r.certification);
}

/** For pickers: the bundled certifications and the latest version of each custom one, by title. */
export async function allCertifications(db: WorkspaceDb, bundled: readonly Certification[] = bundledCertifications): Promise<Certification[]> {
  const custom = (await latestCustomCertifications(db)).filter((c) => !bundled.some((b) => b.id === c.id));
  return [...bundled, ...custom].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/**
 * The référentiel an evaluation was made with: its own custom version, or the bundled one
 * (bundled data never loses an id, so an older bundled version opens with the current data).
 */
export async function certificationVersion(db: WorkspaceDb, id: string, version: number, bundled: readonly Certification[] = bundledCertifications): Promise<Certification | undefined> {
  const shipped = bundled.find((c) => c.id === id);
  if (shipped) return version <= shipped.dataVersion ? shipped : undefined;
  return (await db.customReferentiels.get([id, version]))?.certification;
}

/** Installed versions of a custom certification, oldest first. */
export async function customVersions(db: WorkspaceDb, id: string): Promise<number[]> {
  return (await db.customReferentiels.where('id').equals(id).toArray()).map((r) => r.dataVersion).sort((a, b) => a - b);
}
