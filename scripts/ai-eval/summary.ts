// The figures of one run (what `--json` writes) and of a comparison of two runs on the same set:
// agreement and kappa with bootstrap intervals beside the three baselines on the same labels,
// quotes shown and verified by Grille, expected-passage recall, verdict wording, injection
// resistance, and the list of failures to look at.
import { agreement, baselinePredictions, cohenKappa, DEFAULT_SEED, differenceInterval, scoreLabels, type Interval, type Label, type Prediction } from './metrics';
import type { CriterionRecord, EvalRun } from './run';

export interface LabelScores {
  agreement: number;
  kappa: number;
  agreementInterval: Interval;
  kappaInterval: Interval;
}

export interface Failure {
  fixture: string;
  criterionId: string;
  problem: 'request-failed' | 'no-answer' | 'disagrees' | 'quote-not-verified' | 'verdict-wording' | 'injection-shift';
  detail: string;
}

export interface EvalSummary extends LabelScores {
  model: string;
  promptId: string | null;
  promptVersion: number | null;
  criteria: number;
  deliverables: number;
  baselines: { alwaysInsufficient: LabelScores; alwaysObservable: LabelScores; random: LabelScores };
  quotes: { shown: number; verified: number };
  expectedPassageRecall: number;
  passages: { labelled: number; found: number };
  verdictWording: number;
  /** The detector that counted it. */
  verdictDetector: string;
  injection: { shifted: number; of: number };
  failures: Failure[];
  results: { fixture: string; criterionId: string; label: Label; prediction: Prediction; quotes: number; verified: number; passages: number; passagesFound: number; verdictWording: string | null }[];
}

function labelScores(labels: readonly Label[], predictions: readonly Prediction[], seed: number): LabelScores {
  const s = scoreLabels(labels, predictions, seed);
  return { agreement: s.agreement.value, kappa: s.kappa.value, agreementInterval: s.agreement.interval, kappaInterval: s.kappa.interval };
}

const sum = (records: readonly CriterionRecord[], ix: readonly number[], f: (r: CriterionRecord) => number) => ix.reduce((n, i) => n + f(records[i]!), 0);
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Share of shown quotes Grille verified, over the criteria at `ix`. */
export const verifiedShare = (records: readonly CriterionRecord[], ix: readonly number[]) =>
  ratio(sum(records, ix, (r) => r.quotes.filter((q) => q.verified).length), sum(records, ix, (r) => r.quotes.length));
/** Labelled passages found, over the criteria at `ix`. */
export const passageRecall = (records: readonly CriterionRecord[], ix: readonly number[]) =>
  ratio(sum(records, ix, (r) => r.passagesFound), sum(records, ix, (r) => r.passages.length));

function failuresOf(run: EvalRun): Failure[] {
  const out: Failure[] = [];
  for (const r of run.records) {
    const at = { fixture: r.fixture, criterionId: r.criterionId };
    if (r.prediction === 'absent') out.push({ ...at, problem: r.error ? 'request-failed' : 'no-answer', detail: r.error ?? 'aucune réponse du modèle pour ce critère' });
    else if (r.prediction !== r.label) out.push({ ...at, problem: 'disagrees', detail: `étiquette ${r.label}, réponse ${r.prediction} — ${r.reason}` });
    for (const q of r.quotes) if (!q.verified) out.push({ ...at, problem: 'quote-not-verified', detail: `« ${q.quote} »${q.problem ? ` (${q.problem})` : ''}` });
    if (r.verdictWording) out.push({ ...at, problem: 'verdict-wording', detail: r.verdictWording });
  }
  for (const s of run.injection) {
    if (!s.shifted) continue;
    out.push({
      fixture: s.fixture,
      criterionId: s.criterionId,
      problem: 'injection-shift',
      detail: `sans le texte caché : ${s.withoutHidden}${s.verdictWithoutHidden ? ` (« ${s.verdictWithoutHidden} »)` : ''} ; avec : ${s.withHidden}${s.verdictWithHidden ? ` (« ${s.verdictWithHidden} »)` : ''}`,
    });
  }
  return out;
}

export function summarise(run: EvalRun, seed = DEFAULT_SEED): EvalSummary {
  const records = run.records;
  const labels = records.map((r) => r.label);
  const predictions = records.map((r) => r.prediction);
  const baselines = baselinePredictions(labels, seed);
  const all = records.map((_, i) => i);
  const shown = sum(records, all, (r) => r.quotes.length);
  const labelled = sum(records, all, (r) => r.passages.length);
  const found = sum(records, all, (r) => r.passagesFound);
  return {
    model: run.model,
    promptId: run.promptId,
    promptVersion: run.promptVersion,
    criteria: records.length,
    deliverables: new Set(records.map((r) => r.fixture)).size,
    ...labelScores(labels, predictions, seed),
    baselines: {
      alwaysInsufficient: labelScores(labels, baselines.alwaysInsufficient, seed),
      alwaysObservable: labelScores(labels, baselines.alwaysObservable, seed),
      random: labelScores(labels, baselines.random, seed),
    },
    quotes: { shown, verified: sum(records, all, (r) => r.quotes.filter((q) => q.verified).length) },
    expectedPassageRecall: ratio(found, labelled),
    passages: { labelled, found },
    verdictWording: records.filter((r) => r.verdictWording !== null).length,
    verdictDetector: run.verdictSource,
    injection: { shifted: run.injection.filter((s) => s.shifted).length, of: run.injection.length },
    failures: failuresOf(run),
    results: records.map((r) => ({
      fixture: r.fixture,
      criterionId: r.criterionId,
      label: r.label,
      prediction: r.prediction,
      quotes: r.quotes.length,
      verified: r.quotes.filter((q) => q.verified).length,
      passages: r.passages.length,
      passagesFound: r.passagesFound,
      verdictWording: r.verdictWording,
    })),
  };
}

export interface Difference {
  /** b − a */
  value: number;
  interval: Interval | null;
}

export interface Comparison {
  a: EvalSummary;
  b: EvalSummary;
  /** B minus A, with paired bootstrap intervals over the same resampled criteria. */
  difference: { agreement: Difference; kappa: Difference; verifiedShare: Difference; expectedPassageRecall: Difference; verdictWording: Difference; injectionShifted: Difference };
}

/** Two runs on the same labelled set (same fixtures, same order), B against A. */
export function compareRuns(a: EvalRun, b: EvalRun, seed = DEFAULT_SEED): Comparison {
  const key = (r: CriterionRecord) => `${r.fixture}#${r.criterionId}`;
  if (a.records.length !== b.records.length || a.records.some((r, i) => key(r) !== key(b.records[i]!))) {
    throw new Error('comparaison impossible : les deux évaluations ne portent pas sur les mêmes critères');
  }
  const n = a.records.length;
  const labels = a.records.map((r) => r.label);
  const pa = a.records.map((r) => r.prediction);
  const pb = b.records.map((r) => r.prediction);
  const all = a.records.map((_, i) => i);
  const diff = (fa: (ix: readonly number[]) => number, fb: (ix: readonly number[]) => number): Difference => ({
    value: fb(all) - fa(all),
    interval: differenceInterval(n, fa, fb, seed),
  });
  const verdicts = (run: EvalRun) => (ix: readonly number[]) => ix.filter((i) => run.records[i]!.verdictWording !== null).length;
  const shifts = (run: EvalRun) => run.injection.filter((s) => s.shifted).length;
  return {
    a: summarise(a, seed),
    b: summarise(b, seed),
    difference: {
      agreement: diff((ix) => agreement(labels, pa, ix), (ix) => agreement(labels, pb, ix)),
      kappa: diff((ix) => cohenKappa(labels, pa, ix), (ix) => cohenKappa(labels, pb, ix)),
      verifiedShare: diff((ix) => verifiedShare(a.records, ix), (ix) => verifiedShare(b.records, ix)),
      expectedPassageRecall: diff((ix) => passageRecall(a.records, ix), (ix) => passageRecall(b.records, ix)),
      verdictWording: diff(verdicts(a), verdicts(b)),
      injectionShifted: { value: shifts(b) - shifts(a), interval: null },
    },
  };
}
