// Writing a validated backup, in ONE transaction — all or nothing. Evaluations already present
// are a conflict the juror settles: skip them, replace them (the local history is kept: it is
// append-only), or import them as copies under new ids.
import type { WorkspaceDb } from '../workspace/db';
import { newId } from '../workspace/evaluations';
import type { CandidateRow, HistoryRow } from '../workspace/types';
import type { Envelope, WorkspaceRows } from './envelope';
import { ImportConflictError, type EvaluationConflict } from '../text/file-errors';

export type ConflictMode = 'skip' | 'replace' | 'copy';
type Mode = ConflictMode | 'add';

export interface WriteOptions {
  /** What to do with evaluations already present; without it they make the import fail. */
  conflict?: ConflictMode;
  /** File name, recorded in each imported evaluation's history. */
  fileName?: string;
  who: string | null;
  now: number;
}

export interface ImportResult {
  /** Local ids of the evaluations written (new ids for copies). */
  evaluationIds: string[];
  added: number;
  replaced: number;
  copied: number;
  skipped: number;
}

/** Ids of the file → ids written here (absent: the same); an evaluation absent from `evaluation` is not written. */
interface Ids {
  evaluation: Map<string, string>;
  evidence: Map<string, string>;
  audit: Map<string, string>;
  suggestion: Map<string, string>;
}

type HistoryEntry = Omit<HistoryRow, 'seq'>;
const signature = (h: HistoryEntry) => JSON.stringify([h.evaluationId, h.entity, h.entityId, h.action, h.field, h.before, h.after, h.who, h.at]);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Each evaluation of the file: added, or as the juror chose when present here (decided on what the database holds now). */
async function modes(db: WorkspaceDb, rows: WorkspaceRows, conflict: ConflictMode | undefined, conflictOf: (e: WorkspaceRows['evaluations'][number]) => EvaluationConflict): Promise<Map<string, Mode>> {
  const present = await db.evaluations.bulkGet(rows.evaluations.map((e) => e.id));
  const conflicts = rows.evaluations.filter((_, i) => present[i]);
  if (conflicts.length && !conflict) throw new ImportConflictError(conflicts.map(conflictOf));
  return new Map(rows.evaluations.map((e, i) => [e.id, present[i] ? conflict! : ('add' as const)]));
}

/** The evaluations to write and their ids here; a replaced evaluation's rows are deleted first. */
async function evaluationIds(db: WorkspaceDb, rows: WorkspaceRows, mode: ReadonlyMap<string, Mode>, result: ImportResult): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
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
    ids.set(e.id, id);
    result.evaluationIds.push(id);
  }
  return ids;
}

/**
 * New ids for the rows of a copied evaluation — and for a row whose id another evaluation here
 * already holds (a colleague's evidence taken into a joint record by an older Grille, or a file
 * imported as a copy before): the one here stays as it is, and the import goes through.
 */
async function rowIds(db: WorkspaceDb, rows: WorkspaceRows, evaluation: Map<string, string>, mode: ReadonlyMap<string, Mode>): Promise<Ids> {
  const renamed = async (list: readonly { id: string; evaluationId: string }[], heldHere: (ids: string[]) => Promise<string[]>) => {
    const ids = new Map<string, string>();
    const written = list.filter((r) => r.evaluationId !== '' && evaluation.has(r.evaluationId));
    const held = new Set(written.length ? await heldHere(written.map((r) => r.id)) : []);
    for (const r of written) if (mode.get(r.evaluationId) === 'copy' || held.has(r.id)) ids.set(r.id, newId());
    return ids;
  };
  return {
    evaluation,
    evidence: await renamed(rows.evidence, (ids) => db.evidence.where(':id').anyOf(ids).primaryKeys()),
    audit: await renamed(rows.rgaaAudits, (ids) => db.rgaaAudits.where(':id').anyOf(ids).primaryKeys()),
    suggestion: await renamed(rows.aiSuggestions, (ids) => db.aiSuggestions.where(':id').anyOf(ids).primaryKeys()),
  };
}

/** The written evaluations and their rows, under their ids here. */
async function writeEvaluations(db: WorkspaceDb, rows: WorkspaceRows, ids: Ids) {
  const evaluationId = ids.evaluation;
  const kept = <T extends { evaluationId: string }>(list: T[]) => list.filter((r) => evaluationId.has(r.evaluationId));
  await db.evaluations.bulkPut(rows.evaluations.filter((e) => evaluationId.has(e.id)).map((e) => ({ ...e, id: evaluationId.get(e.id)! })));
  await db.assessments.bulkAdd(kept(rows.assessments).map((r) => ({ ...r, evaluationId: evaluationId.get(r.evaluationId)! })));
  await db.evidence.bulkAdd(kept(rows.evidence).map((r) => ({ ...r, id: ids.evidence.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
  await db.decisions.bulkAdd(kept(rows.decisions).map((r) => ({ ...r, evaluationId: evaluationId.get(r.evaluationId)! })));
  await db.rgaaAudits.bulkAdd(kept(rows.rgaaAudits).map((r) => ({ ...r, id: ids.audit.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
  await db.aiSuggestions.bulkAdd(kept(rows.aiSuggestions).map((r) => ({ ...r, id: ids.suggestion.get(r.id) ?? r.id, evaluationId: evaluationId.get(r.evaluationId)! })));
}

/** Rows outside any evaluation: audits made outside one, gap texts, custom référentiels. */
async function writeShared(db: WorkspaceDb, rows: WorkspaceRows, conflict: ConflictMode | undefined) {
  // Audits made outside any evaluation: added, or replaced when replacing.
  const loose = rows.rgaaAudits.filter((a) => a.evaluationId === '');
  const localLoose = await db.rgaaAudits.bulkGet(loose.map((a) => a.id));
  await db.rgaaAudits.bulkPut(loose.filter((_, i) => !localLoose[i] || conflict === 'replace'));

  // Gap texts: the most recent text of each item wins.
  const localGaps = await db.gapTexts.bulkGet(rows.gapTexts.map((g) => [g.certificationId, g.itemId] as [string, string]));
  await db.gapTexts.bulkPut(rows.gapTexts.filter((g, i) => !localGaps[i] || localGaps[i]!.updatedAt < g.updatedAt));

  // Custom référentiels: planImport refused any clash, so a present one is the same.
  const localCustom = await db.customReferentiels.bulkGet(rows.customReferentiels.map((c) => [c.id, c.dataVersion] as [string, number]));
  await db.customReferentiels.bulkAdd(rows.customReferentiels.filter((_, i) => !localCustom[i]));
}

/** A history entry of a written evaluation, naming its new ids (a copy, or rows renamed). */
function remap(h: HistoryEntry, ids: Ids): HistoryEntry {
  const id = ids.evaluation.get(h.evaluationId);
  if (id === undefined) return h;
  let entityId = h.entityId;
  if (h.entity === 'evaluation' && entityId === h.evaluationId) entityId = id;
  else if (h.entity === 'evidence') entityId = ids.evidence.get(entityId) ?? entityId;
  else if (entityId.startsWith('rgaa:')) {
    const [, audit, criterion] = entityId.split(':');
    if (audit && ids.audit.has(audit)) entityId = `rgaa:${ids.audit.get(audit)}:${criterion}`;
  }
  // The juror's action on an AI suggestion names the suggestion.
  const after =
    h.field === 'aiAction' && isObject(h.after) && typeof h.after.suggestionId === 'string' && ids.suggestion.has(h.after.suggestionId)
      ? { ...h.after, suggestionId: ids.suggestion.get(h.after.suggestionId) }
      : h.after;
  return { ...h, evaluationId: id, entityId, after };
}

/**
 * History: the file's entries, then one « import » entry per evaluation written. Entries already
 * here (a replaced evaluation, or one that came from this machine) are not doubled.
 */
async function writeHistory(db: WorkspaceDb, envelope: Envelope, rows: WorkspaceRows, ids: Ids, mode: ReadonlyMap<string, Mode>, options: WriteOptions) {
  const fileEvaluations = new Set(rows.evaluations.map((e) => e.id));
  const wanted = rows.history.filter((h) => !fileEvaluations.has(h.evaluationId) || ids.evaluation.has(h.evaluationId)).map((h) => remap(h, ids));
  const copies = new Set([...ids.evaluation].filter(([original, id]) => original !== id).map(([, id]) => id));
  const checkAgainst = [...new Set(wanted.map((h) => h.evaluationId))].filter((id) => !copies.has(id));
  const existing = new Set<string>();
  for (const id of checkAgainst) for (const h of await db.history.where('evaluationId').equals(id).toArray()) existing.add(signature(h));
  const entries = wanted.filter((h) => !existing.has(signature(h)));
  for (const [original, id] of ids.evaluation)
    entries.push({
      evaluationId: id,
      entity: 'evaluation',
      entityId: id,
      action: 'create',
      field: 'import',
      before: null,
      after: { file: options.fileName ?? null, exportedAt: envelope.exportedAt, ...(id !== original ? { copiedFrom: original } : {}), ...(mode.get(original) === 'replace' ? { replaced: true } : {}) },
      who: options.who,
      at: options.now,
    });
  await db.history.bulkAdd(entries);
}

/** Writes the rows of a validated, planned envelope (screenshots already decoded), all or nothing. */
export async function writeImport(
  db: WorkspaceDb,
  envelope: Envelope,
  rows: WorkspaceRows,
  options: WriteOptions,
  conflictOf: (e: WorkspaceRows['evaluations'][number]) => EvaluationConflict,
): Promise<ImportResult> {
  const result: ImportResult = { evaluationIds: [], added: 0, replaced: 0, copied: 0, skipped: 0 };
  const allTables = [db.candidates, db.evaluations, db.assessments, db.evidence, db.decisions, db.history, db.gapTexts, db.rgaaAudits, db.customReferentiels, db.aiSuggestions];
  await db.transaction('rw', allTables, async () => {
    const mode = await modes(db, rows, options.conflict, conflictOf);
    // Candidates: a local one is kept (its name may have been corrected here) unless replacing.
    const localCandidates = await db.candidates.bulkGet(rows.candidates.map((c) => c.id));
    const candidates: CandidateRow[] = rows.candidates.filter((_, i) => !localCandidates[i] || options.conflict === 'replace');
    await db.candidates.bulkPut(candidates);

    const ids = await rowIds(db, rows, await evaluationIds(db, rows, mode, result), mode);
    await writeEvaluations(db, rows, ids);
    await writeShared(db, rows, options.conflict);
    await writeHistory(db, envelope, rows, ids, mode, options);
  });
  return result;
}
