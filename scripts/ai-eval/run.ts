// Runs the labelled set through Grille's own pipeline — prepareRequest, requestSuggestions (which
// verifies every quote with lib/ai/verify.ts) — and keeps, per criterion, what the figures need:
// the model's answer (observable, insufficient or absent), its quotes with Grille's verdict on
// each, the labelled passages it found, and any verdict wording. A fixture with `withoutHidden`
// is run a second time on that page, to see whether the hidden instructions moved an answer.
import type { AiConfig, SuggestionRun, VerifiedSuggestion } from '../../lib/ai/contract';
import type { PageFacts } from '../../lib/page/facts';
import { loadFacts, requestFor, type EvalFixture, type EvalModules } from './fixtures';
import { passageFound, type Label, type Prediction } from './metrics';
import { suggestionWording } from './verdict';

export interface ShownQuote {
  quote: string;
  /** Grille's verification (lib/ai/verify.ts), as the panel would show it. */
  verified: boolean;
  problem: string | null;
}

export interface CriterionRecord {
  fixture: string;
  deliverable: EvalFixture['deliverable'];
  criterionId: string;
  label: Label;
  reason: string;
  passages: string[];
  prediction: Prediction;
  quotes: ShownQuote[];
  /** Labelled passages covered by one of the quotes (token overlap ≥ 0.5). */
  passagesFound: number;
  verdictWording: string | null;
  error: string | null;
}

export interface InjectionRecord {
  fixture: string;
  criterionId: string;
  withHidden: Prediction;
  withoutHidden: Prediction;
  verdictWithHidden: string | null;
  verdictWithoutHidden: string | null;
  /** Moved from insufficient to observable, or gained verdict wording, because of the hidden text. */
  shifted: boolean;
}

export interface RequestRecord {
  fixture: string;
  variant: 'page' | 'withoutHidden';
  criteria: number;
  estimatedTokens: number;
  error: string | null;
}

export interface EvalRun {
  model: string;
  /** The verdict-wording detector used. */
  verdictSource: string;
  promptId: string | null;
  promptVersion: number | null;
  records: CriterionRecord[];
  injection: InjectionRecord[];
  requests: RequestRecord[];
}

export interface RunOptions {
  mode?: 'jury' | 'tuteur';
  /** One request per criterion instead of one per bloc. */
  perCriterion?: boolean;
  log?: (line: string) => void;
  /** Where the page facts are (tests/fixtures/ai by default). */
  factsDir?: string;
}

interface Answer {
  suggestions: Map<string, VerifiedSuggestion>;
  error: string | null;
  run: SuggestionRun | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

interface Context {
  modules: EvalModules;
  config: AiConfig;
  options: RunOptions;
  /** Every request made, appended to. */
  requests: RequestRecord[];
}

async function ask(fixture: EvalFixture, facts: PageFacts, variant: RequestRecord['variant'], progress: string, { modules, config, options, requests }: Context): Promise<Answer> {
  const log = options.log ?? (() => undefined);
  const request = requestFor(fixture, modules, facts, options.mode);
  const groups = options.perCriterion ? request.criteria.map((c) => [c]) : [request.criteria];
  const suggestions = new Map<string, VerifiedSuggestion>();
  let error: string | null = null;
  let last: SuggestionRun | null = null;
  for (const criteria of groups) {
    const prepared = modules.prepareRequest({ ...request, criteria }, config);
    const label = variant === 'page' ? '' : ' (sans le texte caché)';
    log(`${progress} ${fixture.file}${label} : ${criteria.length} critère(s), ~${prepared.estimatedTokens} jetons → ${config.model}`);
    const started = Date.now();
    try {
      const run = await modules.requestSuggestions(prepared, config, { snapshot: request.snapshot, findings: request.findings });
      for (const s of run.suggestions) suggestions.set(s.criterionId, s);
      last = run;
      log(`    ✓ ${run.suggestions.length} réponse(s) en ${seconds(Date.now() - started)}`);
      requests.push({ fixture: fixture.file, variant, criteria: criteria.length, estimatedTokens: prepared.estimatedTokens, error: null });
    } catch (e) {
      error = message(e);
      log(`    ✗ ${error}`);
      requests.push({ fixture: fixture.file, variant, criteria: criteria.length, estimatedTokens: prepared.estimatedTokens, error });
    }
  }
  return { suggestions, error, run: last };
}

/** Grille's reason for not verifying a fact (`problem` today, a list of `problems` in stricter versions). */
function problemOf(fact: object): string | null {
  const f = fact as { problem?: string | null; problems?: readonly string[] };
  return f.problem ?? (f.problems?.length ? f.problems.join(', ') : null);
}

const predictionOf = (s: VerifiedSuggestion | undefined): Prediction => (!s ? 'absent' : s.insufficientEvidence ? 'insufficient' : 'observable');

function verdictOf(s: VerifiedSuggestion | undefined, modules: EvalModules): string | null {
  if (!s) return null;
  for (const text of suggestionWording(s)) {
    const found = modules.detectVerdict(text);
    if (found) return found;
  }
  return null;
}

function record(fixture: EvalFixture, criterionId: string, answer: Answer, modules: EvalModules): CriterionRecord {
  const label = fixture.labels[criterionId]!;
  const s = answer.suggestions.get(criterionId);
  const quotes: ShownQuote[] = (s?.facts ?? [])
    .filter((f) => f.quote !== null)
    .map((f) => ({ quote: f.quote!, verified: f.verified === true, problem: problemOf(f) }));
  const texts = quotes.map((q) => q.quote);
  return {
    fixture: fixture.file,
    deliverable: fixture.deliverable,
    criterionId,
    label: label.label,
    reason: label.reason,
    passages: label.passages,
    prediction: predictionOf(s),
    quotes,
    passagesFound: label.passages.filter((p) => passageFound(p, texts)).length,
    verdictWording: verdictOf(s, modules),
    error: s ? null : answer.error,
  };
}

/** Runs every fixture (and the injection variants) against one endpoint and model. */
export async function runEval(modules: EvalModules, fixtures: readonly EvalFixture[], config: AiConfig, options: RunOptions = {}): Promise<EvalRun> {
  const records: CriterionRecord[] = [];
  const injection: InjectionRecord[] = [];
  const requests: RequestRecord[] = [];
  const context: Context = { modules, config, options, requests };
  let promptId: string | null = null;
  let promptVersion: number | null = null;
  const total = fixtures.length + fixtures.filter((f) => f.withoutHidden).length;
  let step = 0;
  const progress = () => `[${++step}/${total}]`;
  for (const fixture of fixtures) {
    const answer = await ask(fixture, loadFacts(fixture.page, modules, options.factsDir), 'page', progress(), context);
    promptId ??= answer.run?.promptId ?? null;
    promptVersion ??= answer.run?.promptVersion ?? null;
    const ids = Object.keys(fixture.labels);
    const mine = ids.map((id) => record(fixture, id, answer, modules));
    records.push(...mine);
    if (!fixture.withoutHidden) continue;
    const clean = await ask(fixture, loadFacts(fixture.withoutHidden, modules, options.factsDir), 'withoutHidden', progress(), context);
    for (const r of mine) {
      const other = record(fixture, r.criterionId, clean, modules);
      const moved = other.prediction === 'insufficient' && r.prediction === 'observable';
      const gainedVerdict = r.verdictWording !== null && other.verdictWording === null;
      injection.push({
        fixture: fixture.file,
        criterionId: r.criterionId,
        withHidden: r.prediction,
        withoutHidden: other.prediction,
        verdictWithHidden: r.verdictWording,
        verdictWithoutHidden: other.verdictWording,
        shifted: moved || gainedVerdict,
      });
    }
  }
  return { model: config.model, verdictSource: modules.verdictSource, promptId, promptVersion, records, injection, requests };
}
