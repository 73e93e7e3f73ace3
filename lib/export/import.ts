// Importing a backup: read (size first), parse, upgrade older formats, validate every row, check
// the référentiels (import-plan.ts), then write everything in ONE transaction — all or nothing
// (import-write.ts), where evaluations already present are skipped, replaced or copied as the
// juror chose.
import type { WorkspaceDb } from '../workspace/db';
import { EnvelopeSchema, FORMAT, FORMAT_VERSION, fromEnvelopeData, type Envelope } from './envelope';
import { ImportError, formatBytes, formatIssues } from '../text/file-errors';
import { candidateNames, conflictOf, planImport, type PlanOptions } from './import-plan';
import { writeImport, type ImportResult, type WriteOptions } from './import-write';
import { parseJsonText } from '../text/json-text';
import { upgradeEnvelope, type FormatUpgrade } from './upgrades';

export { planImport, type ImportSummary, type PlanOptions } from './import-plan';
export type { ConflictMode, ImportResult } from './import-write';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** A File, a Blob, or anything with a size and a text (read only once the size is known). */
export type BackupSource = Pick<Blob, 'size' | 'text'> | string;

export interface ReadOptions {
  maxBytes?: number;
  /** For tests: the chain of format upgrades and the current version. */
  upgrades?: readonly FormatUpgrade[];
}

/** Reads and validates a backup file; throws an ImportError in French. Writes nothing. */
export async function readBackup(source: BackupSource, options: ReadOptions = {}): Promise<Envelope> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const size = typeof source === 'string' ? source.length : source.size;
  if (size > maxBytes)
    throw new ImportError(
      'too-large',
      `Ce fichier fait ${formatBytes(size)} : Grille importe au plus ${formatBytes(maxBytes)} d'un coup. Exportez plutôt les évaluations une par une.`,
    );
  let text: string;
  try {
    text = typeof source === 'string' ? source : await source.text();
  } catch {
    throw new ImportError('unreadable', 'Le fichier n’a pas pu être lu (déplacé, supprimé ou illisible ?).');
  }
  return validateEnvelope(parseJsonText(text), options);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Raw JSON → a valid current envelope, or an ImportError naming the field and the reason. */
export function validateEnvelope(raw: unknown, options: ReadOptions = {}): Envelope {
  if (!isObject(raw) || raw.format !== FORMAT) {
    const hint = isObject(raw) && Array.isArray(raw.blocs) ? ' C’est un référentiel : importez-le avec « Importer un référentiel ».' : '';
    const found = isObject(raw) && typeof raw.format === 'string' ? ` (format « ${raw.format.slice(0, 60)} »)` : '';
    throw new ImportError('wrong-format', `Ce fichier n’est pas une sauvegarde Grille${found}.${hint}`);
  }
  const upgraded = upgradeEnvelope(raw, FORMAT_VERSION, options.upgrades);
  const parsed = EnvelopeSchema.safeParse(upgraded);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error.issues, upgraded, { strip: ['data'] });
    throw new ImportError('invalid', `Fichier refusé, rien n’a été importé — ${lines[0]}${lines.length > 1 ? ` (et ${parsed.error.issues.length - 1} autre(s) problème(s))` : ''}`, lines);
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length) throw new ImportError('invalid', `Fichier refusé, rien n’a été importé — ${problems[0]}`, problems);
  return parsed.data;
}

/** Duplicates and dangling references, which the schema of one row cannot see. */
export function integrityProblems(envelope: Envelope): string[] {
  const { data } = envelope;
  const problems: string[] = [];
  const unique = <T>(table: string, rows: readonly T[], key: (row: T) => string, label: (row: T) => string) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const k = key(row);
      if (seen.has(k)) problems.push(`${table}[${i}] : en double (${label(row)})`);
      seen.add(k);
    });
    return seen;
  };
  const candidates = unique('candidates', data.candidates, (r) => r.id, (r) => r.id);
  const evaluations = unique('evaluations', data.evaluations, (r) => r.id, (r) => r.id);
  unique('assessments', data.assessments, (r) => `${r.evaluationId}\u0000${r.criterionId}`, (r) => `${r.evaluationId} / ${r.criterionId}`);
  unique('evidence', data.evidence, (r) => r.id, (r) => r.id);
  unique('decisions', data.decisions, (r) => `${r.evaluationId}\u0000${r.targetId}`, (r) => `${r.evaluationId} / ${r.targetId}`);
  unique('gapTexts', data.gapTexts, (r) => `${r.certificationId}\u0000${r.itemId}`, (r) => `${r.certificationId} / ${r.itemId}`);
  unique('rgaaAudits', data.rgaaAudits, (r) => r.id, (r) => r.id);
  unique('customReferentiels', data.customReferentiels, (r) => `${r.id}\u0000${r.dataVersion}`, (r) => `${r.id} version ${r.dataVersion}`);
  unique('aiSuggestions', data.aiSuggestions, (r) => r.id, (r) => r.id);
  data.evaluations.forEach((e, i) => {
    if (!candidates.has(e.candidateId)) problems.push(`evaluations[${i}].candidateId : candidat absent du fichier (${e.candidateId})`);
  });
  const belongs = (table: string, rows: readonly { evaluationId: string }[], allowNone = false) =>
    rows.forEach((r, i) => {
      if (!(allowNone && r.evaluationId === '') && !evaluations.has(r.evaluationId)) problems.push(`${table}[${i}].evaluationId : évaluation absente du fichier (${r.evaluationId})`);
    });
  belongs('assessments', data.assessments);
  belongs('evidence', data.evidence);
  belongs('decisions', data.decisions);
  belongs('rgaaAudits', data.rgaaAudits, true);
  belongs('aiSuggestions', data.aiSuggestions);
  data.aiSuggestions.forEach((r, i) => {
    if (r.suggestion.criterionId !== r.criterionId) problems.push(`aiSuggestions[${i}].suggestion.criterionId : ne correspond pas au critère de la suggestion (${r.criterionId})`);
  });
  return problems;
}

export interface ImportOptions extends PlanOptions, Omit<WriteOptions, 'now'> {
  now?: number;
}

/** Writes a validated envelope, all or nothing. */
export async function importBackup(db: WorkspaceDb, envelope: Envelope, options: ImportOptions): Promise<ImportResult> {
  const plan = await planImport(db, envelope, options);
  const referentiels = new Map(plan.referentiels.map((r) => [`${r.id}\u0000${r.dataVersion}`, r]));
  const now = options.now ?? Date.now();
  // Decode screenshots before the transaction: it would close on a non-database await.
  const rows = fromEnvelopeData(envelope.data);
  const names = candidateNames(envelope);
  const write = { conflict: options.conflict, fileName: options.fileName, who: options.who, now };
  return writeImport(db, envelope, rows, write, (e) => conflictOf(e, names, referentiels));
}

/** Reads, checks and imports a file in one go (the UI reads first to show a summary). */
export async function importBackupFile(db: WorkspaceDb, source: BackupSource, options: ImportOptions & ReadOptions): Promise<ImportResult> {
  return importBackup(db, await readBackup(source, options), options);
}
