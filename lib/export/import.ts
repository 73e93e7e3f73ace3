// Importing a backup: read (size first), parse, upgrade older formats, validate every row, check
// the référentiels, then write everything in ONE transaction — all or nothing.
//
// Evaluations already present are a conflict the juror settles: skip them, replace them (the
// local history is kept: it is append-only), or import them as copies under new ids.
import { bundledCertifications } from '../referentiels/catalog';
import type { Certification } from '../referentiels/schema';
import type { WorkspaceDb } from '../workspace/db';
import { newId } from '../workspace/evaluations';
import type { CandidateRow, HistoryRow } from '../workspace/types';
import { EnvelopeSchema, FORMAT, FORMAT_VERSION, fromEnvelopeData, type Envelope } from './envelope';
import { ImportConflictError, ImportError, formatBytes, formatIssues, type EvaluationConflict } from '../text/file-errors';
import { parseJsonText } from '../text/json-text';
import { upgradeEnvelope, type FormatUpgrade } from './upgrades';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type ConflictMode = 'skip' | 'replace' | 'copy';

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

export interface ImportSummary {
  scope: Envelope['scope'];
  grilleVersion: string;
  exportedAt: string;
  candidates: number;
  evaluations: { id: string; candidateName: string; certificationId: string; referentielVersion: number }[];
  referentiels: { id: string; dataVersion: number; title: string | null; custom: boolean }[];
  evidence: number;
  screenshots: number;
  /** Evaluations of the file already present here. */
  conflicts: EvaluationConflict[];
  /** Rows of the file whose id another evaluation here holds (taken into a joint record, or copied): imported under new ids. */
  heldElsewhere: { evidence: number; rgaaAudits: number; aiSuggestions: number };
}

export interface PlanOptions {
  /** The certifications shipped with Grille (defaults to the bundled ones). */
  certifications?: readonly Certification[];
}

function candidateNames(envelope: Envelope): Map<string, string> {
  return new Map(envelope.data.candidates.map((c) => [c.id, c.name]));
}

/**
 * What the file holds and whether it can go in: every evaluation's référentiel must be known
 * (bundled, in the file or installed here), and a custom référentiel must not clash. Writes nothing.
 */
export async function planImport(db: WorkspaceDb, envelope: Envelope, options: PlanOptions = {}): Promise<ImportSummary> {
  const bundled = options.certifications ?? bundledCertifications;
  const names = candidateNames(envelope);
  const { data } = envelope;
  const problems: string[] = [];
  for (const custom of data.customReferentiels) {
    if (bundled.some((c) => c.id === custom.id))
      problems.push(`Le référentiel « ${custom.certification.title} » du fichier porte l’identifiant d’une certification fournie avec Grille (${custom.id}) : il n’est pas importé.`);
    const local = await db.customReferentiels.get([custom.id, custom.dataVersion]);
    if (local && JSON.stringify(local.certification) !== JSON.stringify(custom.certification))
      problems.push(`Le référentiel ${custom.id} version ${custom.dataVersion} est déjà installé ici avec un autre contenu : les deux ne peuvent pas porter le même numéro de version.`);
  }
  if (problems.length) throw new ImportError('referentiel-conflict', problems[0]!, problems);

  const referentiels = new Map<string, ImportSummary['referentiels'][number]>();
  const unknown: string[] = [];
  for (const e of data.evaluations) {
    const key = `${e.certificationId}\u0000${e.referentielVersion}`;
    if (referentiels.has(key)) continue;
    // Bundled référentiels never lose an id: an evaluation made with an older version opens with the current one.
    const shipped = bundled.find((c) => c.id === e.certificationId && e.referentielVersion <= c.dataVersion);
    const custom =
      data.customReferentiels.find((c) => c.id === e.certificationId && c.dataVersion === e.referentielVersion)?.certification ??
      (await db.customReferentiels.get([e.certificationId, e.referentielVersion]))?.certification;
    const found = shipped ?? custom;
    if (!found) {
      unknown.push(`référentiel inconnu : ${e.certificationId} version ${e.referentielVersion} (évaluation de ${names.get(e.candidateId) || e.candidateId})`);
      continue;
    }
    referentiels.set(key, { id: e.certificationId, dataVersion: e.referentielVersion, title: found.title, custom: !shipped });
  }
  for (const c of data.customReferentiels) {
    const key = `${c.id}\u0000${c.dataVersion}`;
    if (!referentiels.has(key)) referentiels.set(key, { id: c.id, dataVersion: c.dataVersion, title: c.certification.title, custom: true });
  }
  if (unknown.length)
    throw new ImportError(
      'unknown-referentiel',
      `Fichier refusé, rien n’a été importé — ${unknown[0]}. Importez d’abord ce référentiel (ou mettez Grille à jour).`,
      unknown,
    );

  const present = await db.evaluations.bulkGet(data.evaluations.map((e) => e.id));
  const conflicts = data.evaluations
    .filter((_, i) => present[i])
    .map((e) => conflictOf(e, names, referentiels));
  const heldElsewhere = async (list: readonly { id: string; evaluationId: string }[], local: (ids: string[]) => Promise<({ evaluationId: string } | undefined)[]>) => {
    const rows = list.filter((r) => r.evaluationId !== '');
    const here = rows.length ? await local(rows.map((r) => r.id)) : [];
    return rows.filter((r, i) => here[i] && here[i]!.evaluationId !== r.evaluationId).length;
  };
  return {
    heldElsewhere: {
      evidence: await heldElsewhere(data.evidence, (ids) => db.evidence.bulkGet(ids)),
      rgaaAudits: await heldElsewhere(data.rgaaAudits, (ids) => db.rgaaAudits.bulkGet(ids)),
      aiSuggestions: await heldElsewhere(data.aiSuggestions, (ids) => db.aiSuggestions.bulkGet(ids)),
    },
    scope: envelope.scope,
    grilleVersion: envelope.grilleVersion,
    exportedAt: envelope.exportedAt,
    candidates: data.candidates.length,
    evaluations: data.evaluations.map((e) => ({ id: e.id, candidateName: names.get(e.candidateId) ?? '', certificationId: e.certificationId, referentielVersion: e.referentielVersion })),
    referentiels: [...referentiels.values()],
    evidence: data.evidence.length,
    screenshots: data.evidence.filter((e) => e.image).length,
    conflicts,
  };
}

/** An evaluation of the file already here, named as the juror knows it: candidate and certification title. */
function conflictOf(
  e: { id: string; candidateId: string; certificationId: string; referentielVersion: number },
  names: ReadonlyMap<string, string>,
  referentiels: ReadonlyMap<string, { title: string | null }>,
): EvaluationConflict {
  const title = referentiels.get(`${e.certificationId}\u0000${e.referentielVersion}`)?.title;
  return { evaluationId: e.id, candidateName: names.get(e.candidateId) ?? '', certificationId: e.certificationId, certificationTitle: title ?? e.certificationId };
}

export interface ImportOptions extends PlanOptions {
  /** What to do with evaluations already present; without it they make the import fail. */
  conflict?: ConflictMode;
  /** File name, recorded in each imported evaluation's history. */
  fileName?: string;
  who: string | null;
  now?: number;
}

export interface ImportResult {
  /** Local ids of the evaluations written (new ids for copies). */
  evaluationIds: string[];
  added: number;
  replaced: number;
  copied: number;
  skipped: number;
}

type HistoryEntry = Omit<HistoryRow, 'seq'>;
const signature = (h: HistoryEntry) => JSON.stringify([h.evaluationId, h.entity, h.entityId, h.action, h.field, h.before, h.after, h.who, h.at]);

/** Writes a validated envelope, all or nothing. */
export async function importBackup(db: WorkspaceDb, envelope: Envelope, options: ImportOptions): Promise<ImportResult> {
  const plan = await planImport(db, envelope, options);
  const referentiels = new Map(plan.referentiels.map((r) => [`${r.id}\u0000${r.dataVersion}`, r]));
  const now = options.now ?? Date.now();
  // Decode screenshots before the transaction: it would close on a non-database await.
  const rows = fromEnvelopeData(envelope.data);
  const names = candidateNames(envelope);
  const fileEvaluations = new Set(rows.evaluations.map((e) => e.id));
  const result: ImportResult = { evaluationIds: [], added: 0, replaced: 0, copied: 0, skipped: 0 };
  const allTables = [db.candidates, db.evaluations, db.assessments, db.evidence, db.decisions, db.history, db.gapTexts, db.rgaaAudits, db.customReferentiels, db.aiSuggestions];

  await db.transaction('rw', allTables, async () => {
    // Conflicts are decided on what the database holds now, inside the transaction.
    const present = await db.evaluations.bulkGet(rows.evaluations.map((e) => e.id));
    const conflicts = rows.evaluations.filter((_, i) => present[i]);
    if (conflicts.length && !options.conflict)
      throw new ImportConflictError(conflicts.map((e) => conflictOf(e, names, referentiels)));
    const mode = new Map(rows.evaluations.map((e, i) => [e.id, present[i] ? options.conflict! : ('add' as const)]));

    // Candidates: a local one is kept (its name may have been corrected here) unless replacing.
    const localCandidates = await db.candidates.bulkGet(rows.candidates.map((c) => c.id));
    const candidates: CandidateRow[] = rows.candidates.filter((_, i) => !localCandidates[i] || options.conflict === 'replace');
    await db.candidates.bulkPut(candidates);

    const evaluationId = new Map<string, string>();
    const evidenceId = new Map<string, string>();
    const auditId = new Map<string, string>();
    const suggestionId = new Map<string, string>();
    for (const e of rows.evaluations) {
      const m = mode.get(e.id)!;
      if (m === 'skip') {
        result.skipped++;
        continue;
      }
      if (m === 'replace') {
        for (const table of [db.assessments, db.evidence, db.decisions, db.rgaaAudits, db.aiSuggestions]) await table.where('evaluationId').equals(e.id).delete();
        result.replaced++;
      } else if (m === 'copy') result.copied++;
      else result.added++;
      const id = m === 'copy' ? newId() : e.id;
      evaluationId.set(e.id, id);
      result.evaluationIds.push(id);
    }
    const copying = (oldEvaluation: string) => mode.get(oldEvaluation) === 'copy';
    // A row whose id another evaluation here already holds (a colleague's evidence taken into a
    // joint record by an older Grille, or a file imported as a copy before) gets a new id too:
    // the one here stays as it is, and the import goes through.
    const renamed = async (list: readonly { id: string; evaluationId: string }[], heldHere: (ids: string[]) => Promise<string[]>, ids: Map<string, string>) => {
      const written = list.filter((r) => r.evaluationId !== '' && evaluationId.has(r.evaluationId));
      const held = new Set(written.length ? await heldHere(written.map((r) => r.id)) : []);
      for (const r of written) if (copying(r.evaluationId) || held.has(r.id)) ids.set(r.id, newId());
    };
    await renamed(rows.evidence, (ids) => db.evidence.where(':id').anyOf(ids).primaryKeys(), evidenceId);
    await renamed(rows.rgaaAudits, (ids) => db.rgaaAudits.where(':id').anyOf(ids).primaryKeys(), auditId);
    await renamed(rows.aiSuggestions, (ids) => db.aiSuggestions.where(':id').anyOf(ids).primaryKeys(), suggestionId);

    const kept = <T extends { evaluationId: string }>(list: T[]) => list.filter((r) => evaluationId.has(r.evaluationId));
    await db.evaluations.bulkPut(rows.evaluations.filter((e) => evaluationId.has(e.id)).map((e) => ({ ...e, id: evaluationId.get(e.id)! })));
    await db.assessments.bulkAdd(kept(rows.assessments).map((r) => ({ ...r, evaluationId: evaluationId.get(r.evaluationId)! })));
    await db.evidence.bulkAdd(kept(rows.evidence).map((r) => ({ ...r, id: evidenceId.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
    await db.decisions.bulkAdd(kept(rows.decisions).map((r) => ({ ...r, evaluationId: evaluationId.get(r.evaluationId)! })));
    await db.rgaaAudits.bulkAdd(kept(rows.rgaaAudits).map((r) => ({ ...r, id: auditId.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
    await db.aiSuggestions.bulkAdd(kept(rows.aiSuggestions).map((r) => ({ ...r, id: suggestionId.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
    // Audits made outside any evaluation: added, or replaced when replacing.
    const loose = rows.rgaaAudits.filter((a) => a.evaluationId === '');
    const localLoose = await db.rgaaAudits.bulkGet(loose.map((a) => a.id));
    await db.rgaaAudits.bulkPut(loose.filter((_, i) => !localLoose[i] || options.conflict === 'replace'));

    // Gap texts: the most recent text of each item wins.
    const localGaps = await db.gapTexts.bulkGet(rows.gapTexts.map((g) => [g.certificationId, g.itemId] as [string, string]));
    await db.gapTexts.bulkPut(rows.gapTexts.filter((g, i) => !localGaps[i] || localGaps[i]!.updatedAt < g.updatedAt));

    // Custom référentiels: planImport refused any clash, so a present one is the same.
    const localCustom = await db.customReferentiels.bulkGet(rows.customReferentiels.map((c) => [c.id, c.dataVersion] as [string, number]));
    await db.customReferentiels.bulkAdd(rows.customReferentiels.filter((_, i) => !localCustom[i]));

    // History: the file's entries, then one « import » entry per evaluation written. Entries
    // already here (a replaced evaluation, or one that came from this machine) are not doubled.
    // Entries of a written evaluation name its new ids (a copy, or rows renamed above).
    const remap = (h: HistoryEntry): HistoryEntry => {
      const id = evaluationId.get(h.evaluationId);
      if (id === undefined) return h;
      let entityId = h.entityId;
      if (h.entity === 'evaluation' && entityId === h.evaluationId) entityId = id;
      else if (h.entity === 'evidence') entityId = evidenceId.get(entityId) ?? entityId;
      else if (entityId.startsWith('rgaa:')) {
        const [, audit, criterion] = entityId.split(':');
        if (audit && auditId.has(audit)) entityId = `rgaa:${auditId.get(audit)}:${criterion}`;
      }
      // The juror's action on an AI suggestion names the suggestion.
      const after = h.field === 'aiAction' && isObject(h.after) && typeof h.after.suggestionId === 'string' && suggestionId.has(h.after.suggestionId) ? { ...h.after, suggestionId: suggestionId.get(h.after.suggestionId) } : h.after;
      return { ...h, evaluationId: id, entityId, after };
    };
    const wanted = rows.history.filter((h) => !fileEvaluations.has(h.evaluationId) || evaluationId.has(h.evaluationId)).map(remap);
    const copies = new Set([...evaluationId].filter(([original, id]) => original !== id).map(([, id]) => id));
    const checkAgainst = [...new Set(wanted.map((h) => h.evaluationId))].filter((id) => !copies.has(id));
    const existing = new Set<string>();
    for (const id of checkAgainst) for (const h of await db.history.where('evaluationId').equals(id).toArray()) existing.add(signature(h));
    const entries = wanted.filter((h) => !existing.has(signature(h)));
    for (const [original, id] of evaluationId)
      entries.push({
        evaluationId: id,
        entity: 'evaluation',
        entityId: id,
        action: 'create',
        field: 'import',
        before: null,
        after: { file: options.fileName ?? null, exportedAt: envelope.exportedAt, ...(id !== original ? { copiedFrom: original } : {}), ...(mode.get(original) === 'replace' ? { replaced: true } : {}) },
        who: options.who,
        at: now,
      });
    await db.history.bulkAdd(entries);
  });
  return result;
}

/** Reads, checks and imports a file in one go (the UI reads first to show a summary). */
export async function importBackupFile(db: WorkspaceDb, source: BackupSource, options: ImportOptions & ReadOptions): Promise<ImportResult> {
  return importBackup(db, await readBackup(source, options), options);
}
