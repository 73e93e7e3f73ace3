// Evaluation harness for the prompts (not run in CI): runs them on labelled deliverables
// (tests/fixtures/ai-eval/*.json: a stored page, a bloc, and per criterion whether the page
// supports an observation and which quotes a good answer would give) against a real endpoint,
// and reports how often the model agrees with the labels on « preuves insuffisantes », the share
// of its quotes found in the page, and the expected quotes it found.
//
//   GRILLE_AI_BASE_URL=https://api.openai.com/v1 GRILLE_AI_MODEL=gpt-4.1-mini GRILLE_AI_KEY=sk-… npm run ai:eval
//   npm run ai:eval -- --fake            against the local fake server (checks the harness itself)
//   options: --mode jury|tuteur (overrides the fixtures'), --per-criterion (one request per
//   criterion instead of one per bloc), --json <file> (raw results), --only <fixture file name>
// Other variables: GRILLE_AI_PROVIDER (default other), GRILLE_AI_API_VERSION (Azure),
// GRILLE_AI_TIMEOUT_MS (default 120000), GRILLE_AI_PSEUDONYMISE=0 to send names as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AiConfig, Provider, SuggestionRequest, SuggestionRun } from '../lib/ai/contract';
import type { Finding } from '../lib/checks/types';
import type { PageFacts } from '../lib/page/facts';
import type { CriterionInContext } from '../lib/referentiels/catalog';
import type { Certification } from '../lib/referentiels/schema';
import { withProjectModules } from '../bench/ai-tokens/load-modules.mjs';
import { criterionIdsIn, reply, startFakeOpenAI, type FakeResponder } from '../tests/support/fake-openai';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EVAL_FIXTURES_DIR = join(ROOT, 'tests/fixtures/ai-eval');
const FACTS_DIR = join(ROOT, 'tests/fixtures/ai');

export interface EvalLabel {
  supported: boolean;
  expectedQuotes: string[];
  note?: string;
}

export interface EvalFixture {
  name: string;
  /** Stored page facts: tests/fixtures/ai/<page>.facts.json. */
  page: string;
  certification: string;
  bloc: string;
  mode: 'jury' | 'tuteur';
  candidateName: string;
  labels: Record<string, EvalLabel>;
}

/** What the harness needs from Grille, loaded through Vite (CLI) or imported directly (tests). */
export interface EvalModules {
  prepareRequest: typeof import('../lib/ai/prepare').prepareRequest;
  requestSuggestions: typeof import('../lib/ai/request').requestSuggestions;
  bundledCertifications: readonly Certification[];
  criteriaInBloc: typeof import('../lib/referentiels/catalog').criteriaInBloc;
  parseFacts: (value: unknown) => PageFacts;
  allFindings: (facts: PageFacts) => Finding[];
  foldForQuote: typeof import('../lib/ai/verify').foldForQuote;
}

export interface CriterionResult {
  fixture: string;
  criterionId: string;
  label: EvalLabel;
  /** null: the model gave no suggestion for this criterion. */
  supported: boolean | null;
  agrees: boolean;
  quotes: number;
  verifiedQuotes: number;
  expectedFound: number;
  error: string | null;
}

export interface EvalReport {
  results: CriterionResult[];
  runs: { fixture: string; run: SuggestionRun | null; error: string | null }[];
  agreement: number;
  verifiedShare: number | null;
  expectedFoundShare: number | null;
}

export function loadFixtures(dir = EVAL_FIXTURES_DIR, only?: string): EvalFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (!only || f === only || f === `${only}.json`))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as EvalFixture);
}

function requestFor(fixture: EvalFixture, modules: EvalModules, mode?: 'jury' | 'tuteur'): SuggestionRequest {
  const certification = modules.bundledCertifications.find((c) => c.id === fixture.certification);
  if (!certification) throw new Error(`${fixture.name} : certification inconnue (${fixture.certification})`);
  const bloc = certification.blocs.find((b) => b.code === fixture.bloc);
  if (!bloc) throw new Error(`${fixture.name} : bloc inconnu (${fixture.bloc})`);
  const criteria: CriterionInContext[] = modules.criteriaInBloc(certification, bloc).filter((c) => c.criterion.id in fixture.labels);
  const missing = Object.keys(fixture.labels).filter((id) => !criteria.some((c) => c.criterion.id === id));
  if (missing.length) throw new Error(`${fixture.name} : critères étiquetés absents du bloc : ${missing.join(', ')}`);
  const facts = modules.parseFacts(JSON.parse(readFileSync(join(FACTS_DIR, `${fixture.page}.facts.json`), 'utf8')));
  return { mode: mode ?? fixture.mode, certification, bloc, criteria, snapshot: facts.snapshot, findings: modules.allFindings(facts), candidateName: fixture.candidateName };
}

function score(fixture: EvalFixture, run: SuggestionRun | null, error: string | null, modules: EvalModules): CriterionResult[] {
  const fold = modules.foldForQuote;
  return Object.entries(fixture.labels).map(([criterionId, label]) => {
    const suggestion = run?.suggestions.find((s) => s.criterionId === criterionId);
    const quotes = suggestion?.facts.filter((f) => f.quote !== null) ?? [];
    const supported = suggestion ? !suggestion.insufficientEvidence : null;
    const expectedFound = label.expectedQuotes.filter((expected) => quotes.some((q) => fold(q.quote!).includes(fold(expected)) || fold(expected).includes(fold(q.quote!)))).length;
    return {
      fixture: fixture.name,
      criterionId,
      label,
      supported,
      agrees: supported === label.supported,
      quotes: quotes.length,
      verifiedQuotes: quotes.filter((q) => q.verified).length,
      expectedFound,
      error,
    };
  });
}

const share = (a: number, b: number) => (b === 0 ? null : a / b);

export async function runEval(
  modules: EvalModules,
  fixtures: readonly EvalFixture[],
  config: AiConfig,
  options: { mode?: 'jury' | 'tuteur'; perCriterion?: boolean; log?: (line: string) => void } = {},
): Promise<EvalReport> {
  const log = options.log ?? (() => undefined);
  const results: CriterionResult[] = [];
  const runs: EvalReport['runs'] = [];
  for (const fixture of fixtures) {
    const request = requestFor(fixture, modules, options.mode);
    const groups = options.perCriterion ? request.criteria.map((c) => [c]) : [request.criteria];
    const merged: SuggestionRun[] = [];
    let error: string | null = null;
    for (const criteria of groups) {
      const prepared = modules.prepareRequest({ ...request, criteria }, config);
      log(`→ ${fixture.name} : ${criteria.length} critère(s), ~${prepared.estimatedTokens} jetons envoyés`);
      try {
        merged.push(await modules.requestSuggestions(prepared, config, { snapshot: request.snapshot, findings: request.findings }));
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        log(`  ✗ ${error}`);
      }
    }
    const run = merged.length ? { ...merged[0]!, suggestions: merged.flatMap((r) => r.suggestions) } : null;
    runs.push({ fixture: fixture.name, run, error });
    results.push(...score(fixture, run, error, modules));
  }
  const quotes = results.reduce((n, r) => n + r.quotes, 0);
  const expected = results.reduce((n, r) => n + (r.label.expectedQuotes.length ? 1 : 0), 0);
  return {
    results,
    runs,
    agreement: share(results.filter((r) => r.agrees).length, results.length) ?? 0,
    verifiedShare: share(results.reduce((n, r) => n + r.verifiedQuotes, 0), quotes),
    expectedFoundShare: share(results.filter((r) => r.label.expectedQuotes.length && r.expectedFound > 0).length, expected),
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

export function formatReport(report: EvalReport): string {
  const yesNo = (b: boolean | null) => (b === null ? 'absent' : b ? 'oui' : 'non');
  const lines: string[] = [];
  let current = '';
  for (const r of report.results) {
    if (r.fixture !== current) {
      current = r.fixture;
      lines.push('', current, `  ${'critère'.padEnd(10)}${'étiquette'.padEnd(11)}${'modèle'.padEnd(9)}${'accord'.padEnd(8)}citations vérifiées · attendues trouvées`);
    }
    lines.push(
      `  ${r.criterionId.padEnd(10)}${yesNo(r.label.supported).padEnd(11)}${yesNo(r.supported).padEnd(9)}${(r.agrees ? '✓' : '✗').padEnd(8)}` +
        `${r.verifiedQuotes}/${r.quotes}${r.label.expectedQuotes.length ? ` · ${r.expectedFound}/${r.label.expectedQuotes.length}` : ''}`,
    );
  }
  lines.push(
    '',
    `Accord avec les étiquettes (observation possible ou « preuves insuffisantes ») : ${pct(report.agreement)} sur ${report.results.length} critères`,
    `Citations vérifiées dans la page : ${pct(report.verifiedShare)} (${report.results.reduce((n, r) => n + r.verifiedQuotes, 0)} sur ${report.results.reduce((n, r) => n + r.quotes, 0)})`,
    `Critères où au moins une citation attendue a été relevée : ${pct(report.expectedFoundShare)}`,
  );
  const failed = report.runs.filter((r) => r.error);
  if (failed.length) lines.push(`Demandes en échec : ${failed.map((r) => `${r.fixture} (${r.error})`).join(' ; ')}`);
  return lines.join('\n');
}

/**
 * The fake server's answers for --fake: a plausible model that quotes the first long line of the
 * page's main text for the first half of the criteria asked and finds the others unsupported. It checks the
 * harness, not a prompt.
 */
export const fakeEvalResponder: FakeResponder = (request) => {
  const user = (request.body?.messages ?? []).map((m: { content: string }) => m.content).join('\n');
  const page = /<<<PAGE (\w+)>>>\n([\s\S]*?)\n<<<FIN PAGE \1>>>/.exec(user)?.[2] ?? '';
  const main = page.slice(page.indexOf("Texte principal, tel qu'un visiteur le lit :")).split('\n').slice(1);
  const quote = main.find((line) => line.length > 40) ?? null;
  const ids = criterionIdsIn(request);
  return reply.batch({
    suggestions: ids.map((criterionId, i) => {
      const supported = i < Math.ceil(ids.length / 2);
      return {
        criterionId,
        facts: supported && quote ? [{ text: 'La page contient ce passage.', quote, findingRuleId: null, evidenceId: null }] : [],
        missing: supported ? [] : ['Rien sur la page pour ce critère.'],
        insufficientEvidence: !supported,
        questions: ['Pouvez-vous préciser ?'],
      };
    }),
  });
};

function configFromEnv(baseUrl?: string): AiConfig {
  const env = process.env;
  const url = baseUrl ?? env.GRILLE_AI_BASE_URL;
  const model = baseUrl ? 'fake-model' : env.GRILLE_AI_MODEL;
  if (!url || !model) {
    throw new Error('Indiquez GRILLE_AI_BASE_URL et GRILLE_AI_MODEL (et GRILLE_AI_KEY si le fournisseur en demande une), ou lancez avec --fake.');
  }
  return {
    provider: (baseUrl ? 'other' : (env.GRILLE_AI_PROVIDER ?? 'other')) as Provider,
    baseUrl: url,
    model,
    apiKey: baseUrl ? '' : (env.GRILLE_AI_KEY ?? ''),
    ...(env.GRILLE_AI_API_VERSION ? { apiVersion: env.GRILLE_AI_API_VERSION } : {}),
    pseudonymise: env.GRILLE_AI_PSEUDONYMISE !== '0',
    timeoutMs: Number(env.GRILLE_AI_TIMEOUT_MS ?? 120_000),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const fake = args.includes('--fake') ? await startFakeOpenAI({ fallback: fakeEvalResponder }) : null;
  try {
    const config = configFromEnv(fake?.url);
    const modeArg = argValue(args, '--mode');
    if (modeArg && modeArg !== 'jury' && modeArg !== 'tuteur') throw new Error(`--mode jury|tuteur (reçu : ${modeArg})`);
    const fixtures = loadFixtures(EVAL_FIXTURES_DIR, argValue(args, '--only'));
    const report = await withProjectModules(async (load) => {
      const [prepare, request, catalog, facts, findings, verify] = await Promise.all([
        load('/lib/ai/prepare.ts'),
        load('/lib/ai/request.ts'),
        load('/lib/referentiels/catalog.ts'),
        load('/lib/page/facts.ts'),
        load('/lib/checks/all-findings.ts'),
        load('/lib/ai/verify.ts'),
      ]);
      const modules: EvalModules = {
        prepareRequest: prepare.prepareRequest,
        requestSuggestions: request.requestSuggestions,
        bundledCertifications: catalog.bundledCertifications,
        criteriaInBloc: catalog.criteriaInBloc,
        parseFacts: (value) => facts.PageFacts.parse(value),
        allFindings: findings.allFindings,
        foldForQuote: verify.foldForQuote,
      };
      console.log(`Évaluation des prompts : ${fixtures.length} livrable(s), modèle ${config.model} sur ${fake ? 'le serveur factice local' : config.baseUrl}`);
      return runEval(modules, fixtures, config, {
        ...(modeArg ? { mode: modeArg as 'jury' | 'tuteur' } : {}),
        perCriterion: args.includes('--per-criterion'),
        log: (line) => console.log(line),
      });
    });
    console.log(formatReport(report));
    const json = argValue(args, '--json');
    if (json) writeFileSync(json, JSON.stringify(report, null, 2));
  } finally {
    await fake?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
