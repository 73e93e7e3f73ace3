// Why a backup, a colleague's export or a référentiel file was refused, in French words a juror
// can act on: the field path (« evaluations[0].blocIds ») and the reason.
import type { z } from 'zod';

export type ImportErrorCode =
  | 'too-large'
  | 'unreadable'
  | 'malformed-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'wrong-format'
  | 'newer-version'
  | 'unknown-version'
  | 'invalid'
  | 'unknown-referentiel'
  | 'referentiel-conflict'
  | 'conflict';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** One line per problem (field path and reason), when there are several. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An export that would produce a file Grille could not import back: refused, with the reason. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface EvaluationConflict {
  evaluationId: string;
  candidateName: string;
  certificationId: string;
  /** What the juror knows the certification by (its id stays for the code). */
  certificationTitle: string;
}

/** Evaluations of the file already present here: the juror chooses to skip, replace or copy them. */
export class ImportConflictError extends ImportError {
  override name = 'ImportConflictError';
  constructor(readonly conflicts: readonly EvaluationConflict[]) {
    super(
      'conflict',
      `${conflicts.length === 1 ? 'Une évaluation de ce fichier existe' : `${conflicts.length} évaluations de ce fichier existent`} déjà ici : ${conflicts
        .map((c) => c.candidateName || '(sans nom)')
        .join(', ')}. Choisissez de les ignorer, de les remplacer ou de les importer comme copies.`,
      conflicts.map((c) => `${c.candidateName || '(sans nom)'} — ${c.certificationTitle}`),
    );
  }
}

/** « evaluations[0].blocIds » from ['evaluations', 0, 'blocIds']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(racine)';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'vrai ou faux (true / false)',
  array: 'une liste',
  object: 'un objet',
  record: 'un objet',
  null: 'null',
  literal: 'une valeur précise',
  enum: 'une valeur de la liste',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `« ${text && text.length > 60 ? `${text.slice(0, 60)}…` : text} »`;
};

/** The reason of one zod issue in French; custom messages (already French) are kept. */
export function issueReason(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined && issue.expected !== 'undefined') return 'champ manquant';
      // Messages set on the schema (« attendu une liste de textes ») are French already.
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return `attendu ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      if (issue.origin === 'string') return `texte trop long (au plus ${Number(issue.maximum).toLocaleString('fr-FR')} caractères)`;
      if (issue.origin === 'array') return `liste trop longue (au plus ${Number(issue.maximum).toLocaleString('fr-FR')} éléments)`;
      return `valeur trop grande (au plus ${String(issue.maximum)})`;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'texte vide' : `texte trop court (au moins ${String(issue.minimum)} caractères)`;
      if (issue.origin === 'array') return `liste trop courte (au moins ${String(issue.minimum)} élément${Number(issue.minimum) > 1 ? 's' : ''})`;
      return `valeur trop petite (au moins ${String(issue.minimum)})`;
    case 'invalid_value': {
      const got = valueAt(input, issue.path);
      if (got === undefined) return 'champ manquant';
      const allowed = issue.values.map((v) => String(v));
      return allowed.length === 1 ? `${shown(got)} : attendu « ${allowed[0]} »` : `${shown(got)} n'est pas une valeur permise (attendu : ${allowed.join(', ')})`;
    }
    case 'unrecognized_keys':
      return `champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `${shown(valueAt(input, issue.path))} : format invalide` : `${shown(valueAt(input, issue.path))} : ${issue.message}`;
    case 'invalid_union':
      return 'valeur invalide (aucune des formes permises)';
    case 'invalid_key':
      return 'clé invalide';
    case 'invalid_element':
      return 'élément invalide';
    default:
      return issue.message;
  }
}

/** One line per issue: « evaluations[0].blocIds : attendu une liste de textes ». */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown, options: { strip?: readonly PropertyKey[]; max?: number } = {}): string[] {
  const { strip = [], max = 20 } = options;
  const lines = issues.slice(0, max).map((issue) => {
    const path = strip.length && strip.every((key, i) => issue.path[i] === key) ? issue.path.slice(strip.length) : issue.path;
    return `${formatPath(path)} : ${issueReason(issue, input)}`;
  });
  if (issues.length > max) lines.push(`… et ${issues.length - max} autre${issues.length - max > 1 ? 's' : ''} erreur${issues.length - max > 1 ? 's' : ''}`);
  return lines;
}

/** A size in words: « 300 Mo ». */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('fr-FR')} Ko`;
  return `${bytes} octets`;
}
