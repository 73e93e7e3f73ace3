// A certification in Grille's (Foundation's) JSON format, validated by the same schema as the
// bundled data (lib/referentiels/schema.ts, JSON Schema in lib/referentiels/referentiel.schema.json).
import { ImportError, formatIssues } from '../../text/file-errors';
import { PROTOTYPE_CHAIN_KEYS, parseJsonText } from '../../text/json-text';
import { Certification } from '../schema';
import { ReferentielImportError } from './errors';

export function certificationFromJson(text: string): Certification {
  let raw: unknown;
  try {
    raw = parseJsonText(text, 'Le fichier', { forbiddenKeys: PROTOTYPE_CHAIN_KEYS });
  } catch (error) {
    if (error instanceof ImportError) throw new ReferentielImportError([error.message]);
    throw error;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('blocs' in raw)) {
    const backup = raw !== null && typeof raw === 'object' && (raw as { format?: unknown }).format === 'grille-backup';
    throw new ReferentielImportError([
      backup ? 'C’est une sauvegarde Grille, pas un référentiel : importez-la avec « Importer une sauvegarde ».' : 'Ce JSON n’est pas un référentiel Grille (il lui manque « blocs »).',
    ]);
  }
  const parsed = Certification.safeParse(raw);
  if (!parsed.success) throw new ReferentielImportError(formatIssues(parsed.error.issues, raw, { max: 50 }));
  return parsed.data;
}
