// Older backup formats, upgraded one version at a time until the current one. A new format
// version N adds lib/export/upgrades/v<N>.ts exporting `upgrade: FormatUpgrade` (from N-1 to N),
// self-contained (it must not import today's schemas: it works on the raw JSON of its time),
// lists it in UPGRADES below, and a test seeds a file of version N-1.
//
// 2: facts of AI suggestions carry their problems.
import { ImportError } from '../../text/file-errors';
import { upgrade as v2 } from './v2';

export interface FormatUpgrade {
  /** The version this step produces; it reads version `to - 1`. */
  to: number;
  /** Raw JSON of version `to - 1` → raw JSON of version `to` (formatVersion set by the chain). */
  up(envelope: Record<string, unknown>): Record<string, unknown>;
}

/** Every step, in order. */
export const UPGRADES: readonly FormatUpgrade[] = [v2];

/** The oldest version the chain reaches `current` from. */
function oldestReadable(current: number, upgrades: readonly FormatUpgrade[]): number {
  let oldest = current;
  while (upgrades.some((u) => u.to === oldest)) oldest--;
  return oldest;
}

const TYPE_WORDS: Record<string, string> = { string: 'un texte', boolean: 'vrai ou faux', object: 'un objet' };

/**
 * Brings a raw envelope of any known version to `current`, step by step. Refuses, each with its
 * own words, a missing or non-integer version, a newer one (« mettez Grille à jour ») and one
 * older than the chain reaches, naming the versions this Grille reads.
 */
export function upgradeEnvelope(raw: Record<string, unknown>, current: number, upgrades: readonly FormatUpgrade[] = UPGRADES): Record<string, unknown> {
  const version = raw.formatVersion;
  const oldest = oldestReadable(current, upgrades);
  const reads = oldest === current ? `cette version de Grille lit le format ${current}` : `cette version de Grille lit les formats ${oldest} à ${current}`;
  if (version === undefined) throw new ImportError('unknown-version', 'Version du format absente (formatVersion) : ce fichier n’est pas une sauvegarde Grille lisible.');
  if (typeof version !== 'number') {
    const shown = JSON.stringify(version).slice(0, 40);
    const type = Array.isArray(version) ? 'une liste' : version === null ? 'null' : (TYPE_WORDS[typeof version] ?? typeof version);
    throw new ImportError('unknown-version', `Version du format invalide : formatVersion vaut ${shown} (${type}), attendu un nombre entier ; ${reads}.`);
  }
  if (!Number.isInteger(version)) throw new ImportError('unknown-version', `Version du format invalide : formatVersion vaut ${version}, attendu un nombre entier ; ${reads}.`);
  if (version > current)
    throw new ImportError(
      'newer-version',
      `Ce fichier vient d'une version plus récente de Grille (format ${version}, cette version lit jusqu'au format ${current}) : mettez Grille à jour pour l'importer.`,
    );
  if (version < oldest) throw new ImportError('unknown-version', `Format de sauvegarde ${version} inconnu : ${reads}.`);
  let envelope = raw;
  for (let v = version; v < current; v++) envelope = { ...upgrades.find((u) => u.to === v + 1)!.up(envelope), formatVersion: v + 1 };
  return envelope;
}
