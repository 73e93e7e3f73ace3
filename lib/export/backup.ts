// Lossless backup: one evaluation (with its candidate, rows, history, RGAA audits, the gap texts
// of its certification and the custom référentiel it uses) or the whole workspace, as a JSON file
// in the envelope of lib/export/envelope.ts.
//
// Only the workspace database (IndexedDB) is read. Nothing from the extension's other storage
// (browser.storage: settings, LLM endpoints, API keys) goes into a backup — a backup is meant to
// be copied around and handed to colleagues. The database holds no secret today; keep it so.
import { version as grilleVersion } from '../../package.json';
import { foldForSearch } from '../text/normalize';
import type { WorkspaceDb } from '../workspace/db';
import { WorkspaceRuleError } from '../workspace/errors';
import type { HistoryRow } from '../workspace/types';
import { EnvelopeSchema, FORMAT, FORMAT_VERSION, toEnvelopeData, type Envelope, type EnvelopeDataT, type WorkspaceRows } from './envelope';
import { ExportError, formatIssues } from '../text/file-errors';
import { integrityProblems } from './import';

export type BackupScope = { evaluationId: string } | 'all';

export interface BackupFile {
  blob: Blob;
  fileName: string;
  envelope: Envelope;
}

type RowsWithSeq = Omit<WorkspaceRows, 'history'> & { history: HistoryRow[] };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => byText(key(a), key(b));

/** The same rows always come out in the same order, whatever the database's. */
function sorted(rows: RowsWithSeq): RowsWithSeq {
  return {
    candidates: [...rows.candidates].sort(byKey((r) => r.id)),
    evaluations: [...rows.evaluations].sort(byKey((r) => r.id)),
    assessments: [...rows.assessments].sort(byKey((r) => `${r.evaluationId}\u0000${r.criterionId}`)),
    evidence: [...rows.evidence].sort(byKey((r) => r.id)),
    decisions: [...rows.decisions].sort(byKey((r) => `${r.evaluationId}\u0000${r.targetId}`)),
    history: [...rows.history].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    gapTexts: [...rows.gapTexts].sort(byKey((r) => `${r.certificationId}\u0000${r.itemId}`)),
    rgaaAudits: [...rows.rgaaAudits].sort(byKey((r) => r.id)),
    customReferentiels: [...rows.customReferentiels].sort((a, b) => byText(a.id, b.id) || a.dataVersion - b.dataVersion),
    aiSuggestions: [...rows.aiSuggestions].sort(byKey((r) => r.id)),
  };
}

const tables = (db: WorkspaceDb) => [db.candidates, db.evaluations, db.assessments, db.evidence, db.decisions, db.history, db.gapTexts, db.rgaaAudits, db.customReferentiels, db.aiSuggestions];

/** One evaluation and everything it needs, read in one consistent snapshot. */
export function collectEvaluation(db: WorkspaceDb, evaluationId: string): Promise<RowsWithSeq> {
  return db.transaction('r', tables(db), async () => {
    const evaluation = await db.evaluations.get(evaluationId);
    if (!evaluation) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    const [candidate, assessments, evidence, decisions, history, gapTexts, rgaaAudits, custom, aiSuggestions] = await Promise.all([
      db.candidates.get(evaluation.candidateId),
      db.assessments.where('evaluationId').equals(evaluationId).toArray(),
      db.evidence.where('evaluationId').equals(evaluationId).toArray(),
      db.decisions.where('evaluationId').equals(evaluationId).toArray(),
      db.history.where('evaluationId').equals(evaluationId).toArray(),
      db.gapTexts.where('certificationId').equals(evaluation.certificationId).toArray(),
      db.rgaaAudits.where('evaluationId').equals(evaluationId).toArray(),
      db.customReferentiels.get([evaluation.certificationId, evaluation.referentielVersion]),
      db.aiSuggestions.where('evaluationId').equals(evaluationId).toArray(),
    ]);
    return sorted({
      candidates: candidate ? [candidate] : [],
      evaluations: [evaluation],
      assessments,
      evidence,
      decisions,
      history,
      gapTexts,
      rgaaAudits,
      customReferentiels: custom ? [custom] : [],
      aiSuggestions,
    });
  });
}

/** The whole workspace. */
export function collectAll(db: WorkspaceDb): Promise<RowsWithSeq> {
  return db.transaction('r', tables(db), async () =>
    sorted({
      candidates: await db.candidates.toArray(),
      evaluations: await db.evaluations.toArray(),
      assessments: await db.assessments.toArray(),
      evidence: await db.evidence.toArray(),
      decisions: await db.decisions.toArray(),
      history: await db.history.toArray(),
      gapTexts: await db.gapTexts.toArray(),
      rgaaAudits: await db.rgaaAudits.toArray(),
      customReferentiels: await db.customReferentiels.toArray(),
      aiSuggestions: await db.aiSuggestions.toArray(),
    }),
  );
}

/** The (certification, version) pairs the evaluations were made with. */
function referentielsOf(data: EnvelopeDataT): Envelope['referentiels'] {
  const seen = new Map<string, { id: string; dataVersion: number }>();
  for (const e of data.evaluations) seen.set(`${e.certificationId}\u0000${e.referentielVersion}`, { id: e.certificationId, dataVersion: e.referentielVersion });
  return [...seen.values()].sort((a, b) => byText(a.id, b.id) || a.dataVersion - b.dataVersion);
}

export interface BackupOptions {
  now?: number;
  grilleVersion?: string;
}

export async function buildEnvelope(db: WorkspaceDb, scope: BackupScope, options: BackupOptions = {}): Promise<Envelope> {
  const rows = scope === 'all' ? await collectAll(db) : await collectEvaluation(db, scope.evaluationId);
  // Screenshots are encoded outside the read transaction (it would close on a non-database await).
  const data = await toEnvelopeData(rows);
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    grilleVersion: options.grilleVersion ?? grilleVersion,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    referentiels: referentielsOf(data),
    scope: scope === 'all' ? 'all' : 'evaluation',
    data,
  };
}

/** The envelope as a JSON Blob, serialised row by row: no single string holds every screenshot. */
export function envelopeBlob(envelope: Envelope): Blob {
  const { data, ...head } = envelope;
  const parts: string[] = [];
  let buffer = `${JSON.stringify(head).slice(0, -1)},"data":{`;
  const push = (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      parts.push(buffer);
      buffer = '';
    }
  };
  (Object.keys(data) as (keyof EnvelopeDataT)[]).forEach((table, t) => {
    push(`${t ? ',' : ''}${JSON.stringify(table)}:[`);
    data[table].forEach((row, i) => push(`${i ? ',' : ''}${JSON.stringify(row)}`));
    push(']');
  });
  parts.push(`${buffer}}}`);
  return new Blob(parts, { type: 'application/json' });
}

const slug = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

const localDate = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** « grille-camille-martin-2024-03-14.json », or « grille-sauvegarde-2024-03-14.json » for everything. */
export function backupFileName(candidateName: string | null, at: number): string {
  if (candidateName === null) return `grille-sauvegarde-${localDate(at)}.json`;
  return `grille-${slug(candidateName) || 'candidat'}-${localDate(at)}.json`;
}

/**
 * Checks the envelope as an import would: a backup that could not be imported back is refused
 * now, naming what to fix (an observation over 100 000 characters, say), not discovered later.
 */
export function checkExportable(envelope: Envelope): void {
  const parsed = EnvelopeSchema.safeParse(envelope);
  const lines = parsed.success ? integrityProblems(parsed.data) : formatIssues(parsed.error.issues, envelope, { strip: ['data'] });
  if (lines.length) throw new ExportError(`Export impossible : Grille ne pourrait pas réimporter ce fichier — ${lines[0]}`, lines);
}

export async function exportBackup(db: WorkspaceDb, scope: BackupScope, options: BackupOptions = {}): Promise<BackupFile> {
  const now = options.now ?? Date.now();
  const envelope = await buildEnvelope(db, scope, { ...options, now });
  checkExportable(envelope);
  const name = scope === 'all' ? null : (envelope.data.candidates[0]?.name ?? '');
  return { blob: envelopeBlob(envelope), fileName: backupFileName(name, now), envelope };
}
