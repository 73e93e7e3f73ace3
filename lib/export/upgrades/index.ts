// Older backup formats, upgraded one version at a time until the current one. A new format
// version N adds lib/export/upgrades/v<N>.ts exporting `upgrade: FormatUpgrade` (from N-1 to N),
// self-contained (it must not import today's schemas: it works on the raw JSON of its time),
// lists it in UPGRADES below, and a test seeds a file of version N-1.
//
// 2: facts of AI suggestions carry their problems.
import { ImportError } from '../errors';
import { upgrade as v2 } from './v2';

export interface FormatUpgrade {
  /** The version this step produces; it reads version `to - 1`. */
  to: number;
  /** Raw JSON of version `to - 1` → raw JSON of version `to` (formatVersion set by the chain). */
  up(envelope: Record<string, unknown>): Record<string, unknown>;
}

/** Every step, in order. */
export const UPGRADES: readonly FormatUpgrade[] = [v2];

/**
 * Brings a raw envelope of any known version to `current`, step by step. Refuses a newer
 * version (« ce fichier vient d'une version plus récente de Grille ») and a version with no path.
 */
export function upgradeEnvelope(raw: Record<string, unknown>, current: number, upgrades: readonly FormatUpgrade[] = UPGRADES): Record<string, unknown> {
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version))
    throw new ImportError('unknown-version', 'Version du format absente ou invalide (formatVersion) : ce fichier n’est pas une sauvegarde Grille lisible.');
  if (version > current)
    throw new ImportError(
      'newer-version',
      `Ce fichier vient d'une version plus récente de Grille (format ${version}, cette version lit jusqu'au format ${current}) : mettez Grille à jour pour l'importer.`,
    );
  let envelope = raw;
  for (let v = version; v < current; v++) {
    const step = upgrades.find((u) => u.to === v + 1);
    if (!step) throw new ImportError('unknown-version', `Format de sauvegarde ${version} inconnu : aucune conversion vers le format ${v + 1}.`);
    envelope = { ...step.up(envelope), formatVersion: v + 1 };
  }
  return envelope;
}
