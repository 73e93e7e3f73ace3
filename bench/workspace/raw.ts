// The baseline: the same work with IndexedDB's own API, no Dexie. Its object stores and indexes
// are read from Grille's SCHEMA_VERSIONS, so both sides store and query the same structures.
import { SCHEMA_VERSIONS } from '../../lib/workspace/db';
import { foldForSearch } from '../../lib/text/normalize';
import type { AssessmentRow, CandidateRow, DecisionRow, EvaluationRow, EvidenceRow, HistoryRow } from '../../lib/workspace/types';
import type { SeasonRows } from './season';

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
export const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction abandonnée'));
  });

interface IndexSpec { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean; auto: boolean }
/** Dexie's schema syntax: `++seq, evaluationId, *words, [a+b], &unique`. */
function parseIndex(spec: string): IndexSpec {
  const s = spec.trim();
  const auto = s.startsWith('++');
  const unique = s.startsWith('&');
  const multiEntry = s.startsWith('*');
  const name = s.replace(/^(\+\+|&|\*)/, '');
  const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
  return { name, keyPath, unique, multiEntry, auto };
}

export function deleteDatabase(name: string) {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // « blocked » only means a connection is still closing: the deletion goes on once it is.
  });
}

/**
 * The stores as Grille's database has them after its last version: each version adds stores or
 * redefines some (Dexie keeps the others as they were) and `null` deletes one, so every version
 * is folded in order — a version that adds a store never breaks the baseline.
 */
export function currentStores(versions: readonly { stores: Record<string, string | null> }[] = SCHEMA_VERSIONS): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const { stores: declared } of versions) {
    for (const [name, spec] of Object.entries(declared)) {
      if (spec === null) delete stores[name];
      else stores[name] = spec;
    }
  }
  return stores;
}

/** A new database with Grille's stores and indexes, created without Dexie. */
export function createRawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [storeName, spec] of Object.entries(currentStores())) {
        const [primary, ...indexes] = spec.split(',').map(parseIndex);
        const store = db.createObjectStore(storeName, { keyPath: primary!.keyPath, autoIncrement: primary!.auto });
        for (const idx of indexes) store.createIndex(idx.name, idx.keyPath, { unique: idx.unique, multiEntry: idx.multiEntry });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every store of a database with its key and indexes, one line each: two databases built alike describe alike. */
export function describeSchema(db: IDBDatabase): string[] {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  const key = (k: string | string[] | null) => JSON.stringify(k);
  return [...db.objectStoreNames].sort().map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return `${i}=${key(index.keyPath)}${index.unique ? ' unique' : ''}${index.multiEntry ? ' multiEntry' : ''}`;
    });
    return `${name}: key ${key(store.keyPath)}${store.autoIncrement ? ' auto' : ''}; ${indexes.join(', ')}`;
  });
}

/** An existing database (Grille's, written through Dexie), opened at its current version. */
export function openRawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export const STORES = ['candidates', 'evaluations', 'assessments', 'evidence', 'decisions', 'history'] as const;

/** One readwrite transaction over every store, `put` for each row, resolved on commit. */
export async function rawPutAll(db: IDBDatabase, rows: SeasonRows): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite');
  const finished = done(tx);
  for (const store of STORES) {
    const os = tx.objectStore(store);
    for (const row of rows[store]) os.put(row);
  }
  await finished;
}

export interface OpenedEvaluation {
  evaluation: EvaluationRow;
  candidate: CandidateRow | undefined;
  assessments: AssessmentRow[];
  evidence: EvidenceRow[];
  decisions: DecisionRow[];
  history: HistoryRow[];
}

export async function rawOpenEvaluation(db: IDBDatabase, id: string): Promise<OpenedEvaluation> {
  const tx = db.transaction(['evaluations', 'candidates', 'assessments', 'evidence', 'decisions', 'history'], 'readonly');
  const byEvaluation = <T>(store: string) => request(tx.objectStore(store).index('evaluationId').getAll(id) as IDBRequest<T[]>);
  const [evaluation, assessments, evidence, decisions, history] = await Promise.all([
    request(tx.objectStore('evaluations').get(id) as IDBRequest<EvaluationRow>),
    byEvaluation<AssessmentRow>('assessments'),
    byEvaluation<EvidenceRow>('evidence'),
    byEvaluation<DecisionRow>('decisions'),
    byEvaluation<HistoryRow>('history'), // index order, then primary key: oldest first
  ]);
  const candidate = await request(tx.objectStore('candidates').get(evaluation.candidateId) as IDBRequest<CandidateRow | undefined>);
  evidence.sort((a, b) => a.capturedAt - b.capturedAt);
  return { evaluation, candidate, assessments, evidence, decisions, history };
}

/** Every evaluation, most recently changed first, with its candidate. */
export async function rawListEvaluations(db: IDBDatabase): Promise<{ evaluation: EvaluationRow; candidate: CandidateRow | undefined }[]> {
  const tx = db.transaction(['evaluations', 'candidates'], 'readonly');
  const [evaluations, candidates] = await Promise.all([
    request(tx.objectStore('evaluations').index('updatedAt').getAll() as IDBRequest<EvaluationRow[]>),
    request(tx.objectStore('candidates').getAll() as IDBRequest<CandidateRow[]>),
  ]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return evaluations.reverse().map((evaluation) => ({ evaluation, candidate: byId.get(evaluation.candidateId) }));
}

const queryTerms = (query: string) => [...new Set(foldForSearch(query).split(/[^a-z0-9]+/).filter((w) => w.length >= 2))];
const matches = (terms: string[], observation: string) => {
  const words = foldForSearch(observation).split(/[^a-z0-9]+/);
  return terms.every((t) => words.some((w) => w.length >= 2 && w.startsWith(t)));
};

/** One evaluation's assessments (its index), folding each observation. */
export async function rawSearchEvaluation(db: IDBDatabase, query: string, evaluationId: string): Promise<AssessmentRow[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const tx = db.transaction('assessments', 'readonly');
  const rows = await request(tx.objectStore('assessments').index('evaluationId').getAll(evaluationId) as IDBRequest<AssessmentRow[]>);
  return rows.filter((row) => matches(terms, row.observation));
}

/** Full scan of the assessments, in pages, folding each observation: no index used. */
export async function rawSearchObservations(db: IDBDatabase, query: string, pageSize = 2000): Promise<AssessmentRow[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const hits: AssessmentRow[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const tx = db.transaction('assessments', 'readonly');
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await request(tx.objectStore('assessments').getAll(range, pageSize) as IDBRequest<AssessmentRow[]>);
    for (const row of page) if (matches(terms, row.observation)) hits.push(row);
    if (page.length < pageSize) return hits;
    const last = page[page.length - 1]!;
    after = [last.evaluationId, last.criterionId];
  }
}
