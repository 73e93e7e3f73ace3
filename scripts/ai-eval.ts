// Evaluation of the AI prompts on a labelled set (tests/fixtures/ai-eval/*.json): does the model
// say « preuves insuffisantes » where a juror would, quote passages Grille can verify, find the
// passages a juror would quote, avoid verdict wording, and ignore instructions hidden in the page?
// Agreement and Cohen's kappa come with bootstrap intervals and beside three baselines on the
// same labels. How to run it (Mistral, Ollama, any OpenAI-compatible endpoint): docs/ai.md.
//
//   GRILLE_AI_BASE_URL=https://api.mistral.ai/v1 GRILLE_AI_MODEL=mistral-small-latest GRILLE_AI_KEY=… npm run ai:eval
//   npm run ai:eval -- --fake[=plausible|constant-insufficient|constant-observable|one-letter|verdict|gullible|oracle]
//   npm run ai:eval -- --compare prompts=HEAD~1 prompts=HEAD      (or model=…, prompt=file.md, mode=…, fake=…)
//   options: --json <file>, --only <fixture>, --per-criterion, --mode jury|tuteur, --model <name>,
//            --prompt <file.md>, --prompts <git revision>, --seed <n>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AiConfig, Provider } from '../lib/ai/contract';
import { startFakeOpenAI, type FakeOpenAI } from '../tests/support/fake-openai';
import { fakeEvalResponder, fakeModel, FAKE_STRATEGIES, oracleBook, type FakeStrategy } from './ai-eval/fake-models';
import { FACTS_DIR, loadFixtures, type EvalFixture } from './ai-eval/fixtures';
import { formatComparison, formatSummary } from './ai-eval/format';
import { DEFAULT_SEED } from './ai-eval/metrics';
import { withEvalModules, type PromptSource } from './ai-eval/modules';
import { runEval, type EvalRun } from './ai-eval/run';
import { compareRuns, summarise } from './ai-eval/summary';

/** One side of an evaluation: which model, prompts and mode. */
export interface Side extends PromptSource {
  model?: string;
  mode?: 'jury' | 'tuteur';
}

const SIDE_KEYS = ['model', 'mode', 'prompts', 'prompt', 'fake'] as const;

function checkMode(value: string): 'jury' | 'tuteur' {
  if (value !== 'jury' && value !== 'tuteur') throw new Error(`mode jury ou tuteur (reçu : ${value})`);
  return value;
}

function checkStrategy(value: string): FakeStrategy {
  const strategy = FAKE_STRATEGIES.find((s) => s === value);
  if (!strategy) throw new Error(`modèle factice inconnu : ${value} (possibles : ${FAKE_STRATEGIES.join(', ')})`);
  return strategy;
}

/** « model=gpt-4.1-mini,mode=tuteur », « prompts=HEAD~1 », « fake=one-letter ». */
export function parseSide(text: string): Side {
  const side: Side = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    const key = at > 0 ? part.slice(0, at) : '';
    const value = part.slice(at + 1);
    if (!SIDE_KEYS.includes(key as (typeof SIDE_KEYS)[number]) || !value) {
      throw new Error(`--compare : « ${part} » n'est pas de la forme clé=valeur (clés : ${SIDE_KEYS.join(', ')})`);
    }
    if (key === 'model') side.model = value;
    else if (key === 'mode') side.mode = checkMode(value);
    else if (key === 'prompts') side.revision = value;
    else if (key === 'prompt') side.file = value;
    else side.model = fakeModel(checkStrategy(value));
  }
  return side;
}

export function configFrom(env: NodeJS.ProcessEnv, fake: FakeOpenAI | null, model?: string): AiConfig {
  const url = fake?.url ?? env.GRILLE_AI_BASE_URL;
  const chosen = model ?? (fake ? fakeModel('plausible') : env.GRILLE_AI_MODEL);
  if (!url || !chosen) {
    throw new Error('Indiquez GRILLE_AI_BASE_URL et GRILLE_AI_MODEL (et GRILLE_AI_KEY si le fournisseur en demande une), ou lancez avec --fake.');
  }
  const timeoutMs = Number(env.GRILLE_AI_TIMEOUT_MS ?? 120_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`GRILLE_AI_TIMEOUT_MS doit être un nombre de millisecondes (reçu : ${env.GRILLE_AI_TIMEOUT_MS})`);
  return {
    provider: (fake ? 'other' : (env.GRILLE_AI_PROVIDER ?? 'other')) as Provider,
    baseUrl: url,
    model: chosen,
    apiKey: fake ? '' : (env.GRILLE_AI_KEY ?? ''),
    ...(!fake && env.GRILLE_AI_API_VERSION ? { apiVersion: env.GRILLE_AI_API_VERSION } : {}),
    pseudonymise: env.GRILLE_AI_PSEUDONYMISE !== '0',
    timeoutMs,
  };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} attend une valeur`);
  return value;
}

interface Options {
  fixtures: EvalFixture[];
  perCriterion: boolean;
  seed: number;
  fake: FakeOpenAI | null;
}

async function evaluate(side: Side, options: Options): Promise<EvalRun> {
  const config = configFrom(process.env, options.fake, side.model);
  const where = options.fake ? 'le serveur factice local' : config.baseUrl;
  const prompts = side.revision ? `prompts de ${side.revision}` : side.file ? `prompt ${side.file}` : 'prompts du dépôt';
  console.log(`Évaluation : ${options.fixtures.length} livrable(s) étiqueté(s), modèle ${config.model} sur ${where}, ${prompts}`);
  return withEvalModules(side, (modules) =>
    runEval(modules, options.fixtures, config, {
      ...(side.mode ? { mode: side.mode } : {}),
      perCriterion: options.perCriterion,
      log: (line) => console.log(line),
    }),
  );
}

const pageUrl = (page: string) => (JSON.parse(readFileSync(join(FACTS_DIR, `${page}.facts.json`), 'utf8')) as { snapshot: { url: string } }).snapshot.url;

export async function main(args: string[]): Promise<void> {
  const fakeArg = args.find((a) => a === '--fake' || a.startsWith('--fake='));
  const strategy = fakeArg?.startsWith('--fake=') ? checkStrategy(fakeArg.slice('--fake='.length)) : null;
  const fixtures = loadFixtures(undefined, argValue(args, '--only'));
  const seedArg = argValue(args, '--seed');
  const seed = seedArg === undefined ? DEFAULT_SEED : Number(seedArg);
  if (!Number.isInteger(seed)) throw new Error(`--seed attend un entier (reçu : ${seedArg})`);
  const fake = fakeArg
    ? await startFakeOpenAI({ models: FAKE_STRATEGIES.map(fakeModel), fallback: fakeEvalResponder(oracleBook(fixtures, pageUrl)) })
    : null;
  try {
    const modeArg = argValue(args, '--mode');
    const base: Side = {
      ...(argValue(args, '--model') ? { model: argValue(args, '--model')! } : strategy ? { model: fakeModel(strategy) } : {}),
      ...(modeArg ? { mode: checkMode(modeArg) } : {}),
      ...(argValue(args, '--prompts') ? { revision: argValue(args, '--prompts')! } : {}),
      ...(argValue(args, '--prompt') ? { file: argValue(args, '--prompt')! } : {}),
    };
    const options: Options = { fixtures, perCriterion: args.includes('--per-criterion'), seed, fake };
    const json = argValue(args, '--json');
    const at = args.indexOf('--compare');
    if (at >= 0) {
      const names = [args[at + 1], args[at + 2]];
      if (!names[0] || !names[1] || names.some((n) => n!.startsWith('--'))) throw new Error('--compare attend deux côtés, par exemple : --compare prompts=HEAD~1 prompts=HEAD');
      const [a, b] = [{ ...base, ...parseSide(names[0]) }, { ...base, ...parseSide(names[1]) }];
      const runA = await evaluate(a, options);
      const runB = await evaluate(b, options);
      const comparison = compareRuns(runA, runB, seed);
      console.log([formatSummary(comparison.a), formatSummary(comparison.b), ''].join('\n'));
      console.log(formatComparison(comparison, [names[0], names[1]]));
      if (json) writeFileSync(json, JSON.stringify(comparison, null, 2) + '\n');
    } else {
      const summary = summarise(await evaluate(base, options), seed);
      console.log(formatSummary(summary));
      if (json) writeFileSync(json, JSON.stringify(summary, null, 2) + '\n');
    }
    if (json) console.log(`\nRésultats écrits dans ${json}`);
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
