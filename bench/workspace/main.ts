// The benchmark page: Grille's workspace modules (lib/workspace, through Dexie) and the raw
// IndexedDB baseline, side by side in one page. bench/workspace.mjs drives it step by step
// through `window.grilleBench`; every time is taken here, with performance.now().
import { assessmentsOf, observationWords, searchObservations } from '../../lib/workspace/assessments';
import { WorkspaceDb } from '../../lib/workspace/db';
import { decisionsOf } from '../../lib/workspace/decisions';
import { listEvaluations } from '../../lib/workspace/evaluations';
import { evidenceOf } from '../../lib/workspace/evidence';
import { historyOf } from '../../lib/workspace/history';
import type { AssessmentRow, EvaluationRow } from '../../lib/workspace/types';
import { createRawDatabase, deleteDatabase, describeSchema, openRawDatabase, rawListEvaluations, rawOpenEvaluation, rawPutAll, rawSearchEvaluation, rawSearchObservations, STORES, type OpenedEvaluation } from './raw';
import { emptyRows, evaluationScript, replay, rng, rowCount, simulate, type EvaluationScript, type SeasonConfig, type SeasonRows } from './season';

const GRILLE_DB = 'grille-bench-workspace';
const RAW_DB = 'grille-bench-raw';
const REPLAY_DB = 'grille-bench-saisie';

interface State {
  config: SeasonConfig & { batch: number };
  scripts: EvaluationScript[];
  /** The simulated season, one SeasonRows per transaction. */
  batches: SeasonRows[];
  grille?: WorkspaceDb;
  raw?: IDBDatabase;
}
let state: State | null = null;
const must = () => {
  if (!state) throw new Error('prepare() d’abord');
  return state;
};
const sortedKeys = (_: string, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v;

async function closeAll() {
  const s = must();
  s.grille?.close();
  s.raw?.close();
  s.grille = undefined;
  s.raw = undefined;
  for (const name of [GRILLE_DB, RAW_DB, REPLAY_DB]) await deleteDatabase(name);
}

async function usage() {
  const e = await navigator.storage.estimate();
  return { usage: e.usage ?? 0, indexedDB: (e as { usageDetails?: { indexedDB?: number } }).usageDetails?.indexedDB ?? null };
}

/** The rows of one evaluation, ids replaced by their role, as JSON: comparable across databases. */
function canonical(o: Omit<OpenedEvaluation, 'evaluation'> & { evaluation: EvaluationRow }) {
  const ids = new Map<string, string>([
    [o.evaluation.id, 'EVALUATION'],
    [o.evaluation.candidateId, 'CANDIDATE'],
    ...o.evaluation.jurors.map((j, i) => [j.id, `JUROR${i}`] as [string, string]),
    ...o.evaluation.deliverables.map((d, i) => [d.id, `DELIVERABLE${i}`] as [string, string]),
    ...o.evidence.map((e, i) => [e.id, `EVIDENCE${i}`] as [string, string]),
  ]);
  const history = o.history.map(({ seq: _seq, ...h }) => h);
  const decisions = [...o.decisions].sort((a, b) => a.targetId.localeCompare(b.targetId));
  let json = JSON.stringify({ ...o, history, decisions }, sortedKeys);
  for (const [id, role] of ids) json = json.replaceAll(id, role);
  return json;
}

async function grilleOpenEvaluation(db: WorkspaceDb, id: string): Promise<OpenedEvaluation> {
  const [evaluation, assessments, evidence, decisions, history] = await Promise.all([
    db.evaluations.get(id),
    assessmentsOf(db, id),
    evidenceOf(db, id),
    decisionsOf(db, id),
    historyOf(db, id),
  ]);
  if (!evaluation) throw new Error(`évaluation ${id} introuvable`);
  const candidate = await db.candidates.get(evaluation.candidateId);
  return { evaluation, candidate, assessments, evidence, decisions, history };
}

const progress = (e: EvaluationRow, criteria: number) => Object.values(e.statusCounts).reduce((n, c) => n + (c ?? 0), 0) / criteria;

const api = {
  /** Writes the season's script and simulates its rows (not timed against anything). */
  prepare(config: SeasonConfig & { batch: number }) {
    let t = performance.now();
    const scripts = Array.from({ length: config.candidates }, (_, i) => evaluationScript(config, i));
    const scriptMs = performance.now() - t;
    t = performance.now();
    const batches: SeasonRows[] = [];
    for (let i = 0; i < scripts.length; i += config.batch) {
      const rows = emptyRows();
      for (const script of scripts.slice(i, i + config.batch)) simulate(script, rows);
      batches.push(rows);
    }
    const simulateMs = performance.now() - t;
    state = { config, scripts, batches };
    const total = emptyRows();
    const counts = Object.fromEntries(STORES.map((s) => [s, batches.reduce((n, b) => n + b[s].length, 0)]));
    for (const b of batches) for (const s of STORES) (total[s] as unknown[]).push(...b[s]);
    const lengths = total.assessments.map((a) => a.observation.length).filter((n) => n > 0);
    const wordEntries = total.assessments.reduce((n, a) => n + a.words.length, 0);
    const distinctWords = new Set(total.assessments.flatMap((a) => a.words)).size;
    const shortWords = total.assessments.reduce((n, a) => n + a.words.filter((w) => w.length <= 3).length, 0);
    // The same season in every page (each load runs on its own origin): checked by the driver.
    const fingerprint = [rowCount(total), ...STORES.map((st) => counts[st]), lengths.reduce((a, b) => a + b, 0), total.history.reduce((h, r) => (h * 31 + r.at) % 1_000_000_007, 0)].join('/');
    return {
      fingerprint, scriptMs, simulateMs, counts, rows: rowCount(total), transactions: batches.length,
      observations: { count: lengths.length, min: Math.min(...lengths), max: Math.max(...lengths), mean: lengths.reduce((a, b) => a + b, 0) / lengths.length },
      wordEntries, distinctWords, shortWords,
      actions: scripts.reduce((n, s) => n + 1 + s.actions.length, 0),
      sample: total.assessments.find((a) => a.observation.length > 250)?.observation ?? '',
    };
  },

  /**
   * Replays the first `count` evaluations through Grille's functions (createEvaluation,
   * saveObservation, commitObservations, setStatus, addEvidence, setDecision), one transaction
   * per action as a juror makes them, then checks the stored rows equal the simulated ones.
   */
  async replay(count: number) {
    const s = must();
    await deleteDatabase(REPLAY_DB);
    const db = new WorkspaceDb(REPLAY_DB);
    await db.open();
    const durations: { kind: string; ms: number }[] = [];
    const mismatches: string[] = [];
    const t = performance.now();
    const replayed: { index: number; id: string }[] = [];
    for (let index = 0; index < count; index++) {
      const { evaluationId, durations: d } = await replay(db, s.scripts[index]!);
      durations.push(...d);
      replayed.push({ index, id: evaluationId });
    }
    const totalMs = performance.now() - t;
    const simulatedAll = s.batches;
    let historyRows = 0;
    for (const { index, id } of replayed) {
      const real = await grilleOpenEvaluation(db, id);
      historyRows += real.history.length;
      const script = s.scripts[index]!;
      const batch = simulatedAll[Math.floor(index / s.config.batch)]!;
      const eid = script.ids.evaluation;
      const evaluation = batch.evaluations.find((e) => e.id === eid)!;
      const simulated = {
        evaluation,
        candidate: batch.candidates.find((c) => c.id === evaluation.candidateId),
        assessments: batch.assessments.filter((a) => a.evaluationId === eid).sort((a, b) => a.criterionId.localeCompare(b.criterionId)),
        evidence: batch.evidence.filter((e) => e.evaluationId === eid).sort((a, b) => a.capturedAt - b.capturedAt),
        decisions: batch.decisions.filter((d) => d.evaluationId === eid),
        history: batch.history.filter((h) => h.evaluationId === eid),
      };
      const a = canonical(real);
      const b = canonical(simulated);
      if (a !== b) {
        let i = 0;
        while (a[i] === b[i]) i++;
        mismatches.push(`évaluation ${index} : …${a.slice(Math.max(0, i - 80), i + 80)}… ≠ …${b.slice(Math.max(0, i - 80), i + 80)}…`);
      }
    }
    db.close();
    await deleteDatabase(REPLAY_DB);
    const byKind: Record<string, number[]> = {};
    for (const d of durations) (byKind[d.kind] ??= []).push(d.ms);
    return { evaluations: count, actions: durations.length, totalMs, durations: durations.map((d) => d.ms), byKind, historyRows, mismatches };
  },

  /**
   * The baseline's own check: the database it builds without Dexie has exactly the stores, keys
   * and indexes Dexie builds from SCHEMA_VERSIONS. Returns the lines that differ (none when alike).
   */
  async checkBaseline() {
    must();
    await closeAll();
    const grille = new WorkspaceDb(GRILLE_DB);
    await grille.open();
    grille.close();
    const fromDexie = await openRawDatabase(GRILLE_DB);
    const raw = await createRawDatabase(RAW_DB);
    const a = describeSchema(fromDexie);
    const b = describeSchema(raw);
    fromDexie.close();
    raw.close();
    await closeAll();
    return { stores: a.length, differences: [...a.filter((l) => !b.includes(l)).map((l) => `Grille  ${l}`), ...b.filter((l) => !a.includes(l)).map((l) => `brut    ${l}`)] };
  },

  /** Loads the whole simulated season into an empty origin, through Dexie or raw IndexedDB. */
  async load(side: 'grille' | 'raw') {
    const s = must();
    await closeAll();
    const before = await usage();
    for (const b of s.batches) for (const h of b.history) delete h.seq;
    let ms: number;
    if (side === 'grille') {
      const db = new WorkspaceDb(GRILLE_DB);
      await db.open();
      const t = performance.now();
      for (const rows of s.batches) {
        await db.transaction('rw', [db.candidates, db.evaluations, db.assessments, db.evidence, db.decisions, db.history], async () => {
          await Promise.all([
            db.candidates.bulkAdd(rows.candidates),
            db.evaluations.bulkAdd(rows.evaluations),
            db.assessments.bulkAdd(rows.assessments),
            db.evidence.bulkAdd(rows.evidence),
            db.decisions.bulkAdd(rows.decisions),
            db.history.bulkAdd(rows.history),
          ]);
        });
      }
      ms = performance.now() - t;
      s.grille = db;
    } else {
      const db = await createRawDatabase(RAW_DB);
      const t = performance.now();
      for (const rows of s.batches) await rawPutAll(db, rows);
      ms = performance.now() - t;
      s.raw = db;
    }
    const after = await usage();
    const rows = s.batches.reduce((n, b) => n + rowCount(b), 0);
    return { ms, rows, usage: after.usage - before.usage, indexedDB: after.indexedDB !== null && before.indexedDB !== null ? after.indexedDB - before.indexedDB : null };
  },

  /** Back on the origin of a Grille load: Grille's database as loaded there. */
  async attach() {
    const s = must();
    s.grille = new WorkspaceDb(GRILLE_DB);
    await s.grille.open();
  },

  /** After the last Grille load: a raw connection to the same database, for the read baselines. */
  async openForReads() {
    const s = must();
    if (!s.grille) throw new Error('la base Grille n’est pas chargée');
    s.raw?.close();
    s.raw = await openRawDatabase(GRILLE_DB);
    const counts: Record<string, number> = {};
    for (const store of STORES) counts[store] = await s.grille.table(store).count();
    return { counts, usage: await usage() };
  },

  /** Opening one evaluation, alternating Grille and raw on the same evaluations. */
  async open(runs: number) {
    const s = must();
    const db = s.grille!;
    const raw = s.raw!;
    const r = rng(s.config.seed + 7);
    const ids = (await db.evaluations.toCollection().primaryKeys()) as string[];
    const grille: number[] = [];
    const baseline: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const id = ids[Math.floor(r() * ids.length)]!;
      const order = i % 2 === 0 ? (['g', 'r'] as const) : (['r', 'g'] as const);
      const got: Record<string, OpenedEvaluation> = {};
      for (const side of order) {
        const t = performance.now();
        got[side] = side === 'g' ? await grilleOpenEvaluation(db, id) : await rawOpenEvaluation(raw, id);
        (side === 'g' ? grille : baseline).push(performance.now() - t);
      }
      if (i < 3 && canonical(got.g!) !== canonical(got.r!)) throw new Error(`ouverture de ${id} : Grille et la référence diffèrent`);
      const o = got.g!;
      rows = 1 + (o.candidate ? 1 : 0) + o.assessments.length + o.evidence.length + o.decisions.length + o.history.length;
    }
    return { grille, baseline, rows };
  },

  /** Listing every evaluation with its candidate's name and progress. */
  async list(runs: number) {
    const s = must();
    const db = s.grille!;
    const raw = s.raw!;
    const criteria = s.config.criteria;
    const grille: number[] = [];
    const baseline: number[] = [];
    let count = 0;
    let first: string[] = [];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['g', 'r'] as const) : (['r', 'g'] as const);
      const lines: Record<string, string[]> = {};
      for (const side of order) {
        const t = performance.now();
        const items = side === 'g' ? await listEvaluations(db) : await rawListEvaluations(raw);
        lines[side] = items.map(({ evaluation, candidate }) => `${candidate?.name ?? '?'} ${Math.round(progress(evaluation, criteria) * 100)} %`);
        (side === 'g' ? grille : baseline).push(performance.now() - t);
      }
      if (lines.g!.join('\n') !== lines.r!.join('\n')) throw new Error('liste : Grille et la référence diffèrent');
      count = lines.g!.length;
      first = lines.g!.slice(0, 3);
    }
    return { grille, baseline, count, first };
  },

  /** searchObservations (the *words index) against a full scan folding each observation. */
  async search(query: string, runs: number) {
    const s = must();
    const db = s.grille!;
    const raw = s.raw!;
    const grille: number[] = [];
    const baseline: number[] = [];
    let hits = { grille: 0, baseline: 0, same: true, indexEntries: 0 };
    const terms = observationWords(query);
    // searchObservations walks the term with the fewest index entries.
    const entryCounts = await Promise.all(terms.map((t) => db.assessments.where('words').startsWith(t).count()));
    const pivot = terms[entryCounts.indexOf(Math.min(...entryCounts))]!;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['g', 'r'] as const) : (['r', 'g'] as const);
      const got: Record<string, AssessmentRow[]> = {};
      for (const side of order) {
        const t = performance.now();
        got[side] = side === 'g' ? await searchObservations(db, query) : await rawSearchObservations(raw, query);
        (side === 'g' ? grille : baseline).push(performance.now() - t);
      }
      const key = (rows: AssessmentRow[]) => rows.map((a) => `${a.evaluationId}/${a.criterionId}`).sort().join(',');
      hits = { grille: got.g!.length, baseline: got.r!.length, same: key(got.g!) === key(got.r!), indexEntries: hits.indexEntries };
    }
    // How much of the index the pivot's range covers (the cursor walks every entry), and each term's.
    hits.indexEntries = await db.assessments.where('words').startsWith(pivot).count();
    const pivotRows = await db.assessments.where('words').startsWith(pivot).distinct().count();
    const termEntries: Record<string, number> = {};
    for (const t of terms) termEntries[t] = await db.assessments.where('words').startsWith(t).count();
    return { grille, baseline, hits, terms, pivot, pivotRows, termEntries };
  },

  /** The same search restricted to one evaluation (searchObservations' evaluationId), against that evaluation's rows folded. */
  async searchIn(query: string, runs: number) {
    const s = must();
    const db = s.grille!;
    const raw = s.raw!;
    const r = rng(s.config.seed + 11);
    const ids = (await db.evaluations.toCollection().primaryKeys()) as string[];
    const grille: number[] = [];
    const baseline: number[] = [];
    let same = true;
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const id = ids[Math.floor(r() * ids.length)]!;
      const order = i % 2 === 0 ? (['g', 'r'] as const) : (['r', 'g'] as const);
      const got: Record<string, AssessmentRow[]> = {};
      for (const side of order) {
        const t = performance.now();
        got[side] = side === 'g' ? await searchObservations(db, query, id) : await rawSearchEvaluation(raw, query, id);
        (side === 'g' ? grille : baseline).push(performance.now() - t);
      }
      const key = (rows: AssessmentRow[]) => rows.map((a) => a.criterionId).sort().join(',');
      same &&= key(got.g!) === key(got.r!);
      hits = got.g!.length;
    }
    return { grille, baseline, same, hits };
  },

  async finish() {
    const s = must();
    const u = await usage();
    await closeAll();
    return u;
  },
};

declare global {
  interface Window {
    grilleBench: typeof api;
  }
}
window.grilleBench = api;
document.body.dataset.ready = 'true';
