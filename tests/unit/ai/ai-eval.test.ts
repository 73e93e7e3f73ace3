// @vitest-environment node
// The evaluation harness (scripts/ai-eval/*) against the local fake server over real HTTP, with
// Grille's modules imported directly: the labelled set is what it claims to be, and the figures
// tell a plausible answerer from degenerate ones — a constant answer gets kappa 0, one-letter
// quotes get no verified quote and no recall, verdict wording and obedience to hidden text are
// counted, the oracle scores 1. The CLI itself is run once (`--fake --json`). No real provider.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRequest } from '@/lib/ai/prepare';
import { requestSuggestions } from '@/lib/ai/request';
import { verifyQuote } from '@/lib/ai/verify';
import { allFindings } from '@/lib/analysis/all-findings';
import { PageFacts } from '@/lib/page/facts';
import { bundledCertifications, criteriaInBloc } from '@/lib/referentiels/catalog';
import { fakeEvalResponder, fakeModel, FAKE_STRATEGIES, oracleBook, type FakeStrategy } from '../../../scripts/ai-eval/fake-models';
import { loadFacts, loadFixtures, requestFor, type EvalModules } from '../../../scripts/ai-eval/fixtures';
import { formatComparison, formatSummary } from '../../../scripts/ai-eval/format';
import { runEval, type EvalRun } from '../../../scripts/ai-eval/run';
import { compareRuns, summarise, type EvalSummary } from '../../../scripts/ai-eval/summary';
import { detectVerdictWording, VERDICT_SOURCE } from '../../../scripts/ai-eval/verdict';
import { configFrom, parseSide } from '../../../scripts/ai-eval';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { config } from './helpers';

const modules: EvalModules = {
  prepareRequest,
  requestSuggestions,
  bundledCertifications,
  criteriaInBloc,
  parseFacts: (value) => PageFacts.parse(value),
  allFindings,
  detectVerdict: detectVerdictWording,
  verdictSource: VERDICT_SOURCE,
};

const fixtures = loadFixtures();
let server: FakeOpenAI;
const runs = new Map<FakeStrategy, { run: EvalRun; summary: EvalSummary }>();

async function evaluated(strategy: FakeStrategy) {
  const known = runs.get(strategy);
  if (known) return known;
  const run = await runEval(modules, fixtures, config({ baseUrl: server.url, apiKey: '', model: fakeModel(strategy) }));
  const result = { run, summary: summarise(run) };
  runs.set(strategy, result);
  return result;
}

beforeAll(async () => {
  const book = oracleBook(fixtures, (page) => loadFacts(page, modules).snapshot.url);
  server = await startFakeOpenAI({ models: FAKE_STRATEGIES.map(fakeModel), fallback: fakeEvalResponder(book) });
});
afterAll(() => server.close());

describe('the labelled set', () => {
  it('has at least 80 criteria over at least 8 deliverables of every kind the issue asks for', () => {
    const criteria = fixtures.reduce((n, f) => n + Object.keys(f.labels).length, 0);
    expect(criteria).toBeGreaterThanOrEqual(80);
    expect(new Set(fixtures.map((f) => f.page)).size).toBeGreaterThanOrEqual(8);
    const kinds = new Set(fixtures.map((f) => f.deliverable));
    for (const kind of ['site', 'ecommerce', 'instagram', 'linkedin', 'google-doc', 'blog', 'hidden-instructions', 'thin'] as const) expect(kinds).toContain(kind);
    // Both labels are well represented: a constant answer cannot look good.
    const observable = fixtures.flatMap((f) => Object.values(f.labels)).filter((l) => l.label === 'observable').length;
    expect(observable / criteria).toBeGreaterThan(0.3);
    expect(observable / criteria).toBeLessThan(0.7);
  });

  it('uses real criteria of real blocs, each label with a reason', () => {
    for (const fixture of fixtures) {
      const request = requestFor(fixture, modules, loadFacts(fixture.page, modules));
      expect(request.criteria.map((c) => c.criterion.id).sort()).toEqual(Object.keys(fixture.labels).sort());
      for (const label of Object.values(fixture.labels)) expect(label.reason.length).toBeGreaterThan(10);
    }
  });

  it('labels passages a juror can quote: verbatim in what a visitor reads, at least five words', () => {
    for (const fixture of fixtures) {
      const snapshot = loadFacts(fixture.page, modules).snapshot;
      for (const [id, label] of Object.entries(fixture.labels)) {
        for (const passage of label.passages) {
          expect(verifyQuote(passage, snapshot), `${fixture.file} ${id} : ${passage}`).toBe(true);
          expect(passage.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, passage).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });

  it('pairs each hidden-instruction page with the same page read without them', () => {
    const paired = fixtures.filter((f) => f.withoutHidden);
    expect(paired.map((f) => f.deliverable)).toContain('hidden-instructions');
    for (const fixture of paired) {
      const page = loadFacts(fixture.page, modules).snapshot;
      const clean = loadFacts(fixture.withoutHidden!, modules).snapshot;
      expect(clean.url).toBe(page.url);
      const aimed = page.hiddenTexts.filter((h) => /\b(IA|AI)\b/.test(h.text));
      expect(aimed.length).toBeGreaterThan(0);
      expect(clean.hiddenTexts.filter((h) => /\b(IA|AI)\b/.test(h.text))).toEqual([]);
      // Grille warns about the first one and not about the second.
      const req = (s: typeof page) => prepareRequest({ ...requestFor(fixture, modules, loadFacts(fixture.page, modules)), snapshot: s }, config());
      expect(req(page).injectionWarnings.length).toBeGreaterThan(0);
      expect(req(clean).injectionWarnings).toEqual([]);
    }
  });
});

describe('figures that tell answerers apart', () => {
  it('runs every deliverable through Grille, one batched request per fixture and per injection variant, printing progress', async () => {
    const before = server.chatRequests().length;
    const lines: string[] = [];
    const run = await runEval(modules, fixtures, config({ baseUrl: server.url, apiKey: '', model: fakeModel('plausible') }), { log: (l) => lines.push(l) });
    const variants = fixtures.length + fixtures.filter((f) => f.withoutHidden).length;
    expect(server.chatRequests().length - before).toBe(variants);
    expect(run.requests.every((r) => r.error === null)).toBe(true);
    expect(lines.filter((l) => /^\[\d+\/\d+\] .* critère\(s\), ~\d+ jetons → fake-plausible$/.test(l))).toHaveLength(variants);
    expect(lines.filter((l) => /^ {4}✓ \d+ réponse\(s\) en/.test(l))).toHaveLength(variants);
    expect(run.promptId).toBe('observations-jury');
  });

  it('baselines are computed on the same labels: constants get their label share and kappa 0', async () => {
    const { summary } = await evaluated('plausible');
    const insufficient = summary.results.filter((r) => r.label === 'insufficient').length / summary.criteria;
    expect(summary.baselines.alwaysInsufficient.agreement).toBeCloseTo(insufficient, 10);
    expect(summary.baselines.alwaysObservable.agreement).toBeCloseTo(1 - insufficient, 10);
    expect(summary.baselines.alwaysInsufficient.kappa).toBe(0);
    expect(summary.baselines.alwaysObservable.kappa).toBe(0);
    expect(Math.abs(summary.baselines.random.kappa)).toBeLessThan(0.25);
    for (const s of [summary, ...Object.values(summary.baselines)]) {
      expect(s.agreementInterval[0]).toBeLessThanOrEqual(s.agreement);
      expect(s.agreementInterval[1]).toBeGreaterThanOrEqual(s.agreement);
      expect(s.kappaInterval[0]).toBeLessThanOrEqual(s.kappa);
      expect(s.kappaInterval[1]).toBeGreaterThanOrEqual(s.kappa);
    }
  });

  it('a constant « preuves insuffisantes » gets kappa 0 and no better than its baseline; a plausible answerer beats both', async () => {
    const constant = (await evaluated('constant-insufficient')).summary;
    const plausible = (await evaluated('plausible')).summary;
    expect(constant.kappa).toBe(0);
    expect(constant.agreement).toBeCloseTo(constant.baselines.alwaysInsufficient.agreement, 10);
    expect((await evaluated('constant-observable')).summary.kappa).toBe(0);
    expect(plausible.kappa).toBeGreaterThan(0.25);
    expect(plausible.kappaInterval[0]).toBeGreaterThan(constant.kappaInterval[1]);
    expect(plausible.quotes.verified).toBeGreaterThan(0);
    expect(plausible.verdictWording).toBe(0);
    expect(plausible.injection).toEqual({ shifted: 0, of: 21 });
  });

  // Depends on strict quote verification (lib/ai/verify.ts: a quote verifies only as ≥ 5 words
  // or a whole short unit). Today's lenient verifier still finds a single letter in the page.
  it('[needs strict verification] one-letter quotes get 0 verified', async () => {
    const { summary } = await evaluated('one-letter');
    expect(summary.quotes.shown).toBeGreaterThan(0);
    expect(summary.quotes.verified).toBe(0);
  });

  it('one-letter quotes find no expected passage, the oracle finds them all (token overlap, not substring)', async () => {
    const letters = (await evaluated('one-letter')).summary;
    expect(letters.quotes.shown).toBeGreaterThan(0);
    expect(letters.expectedPassageRecall).toBe(0);
    const oracle = (await evaluated('oracle')).summary;
    expect(oracle.agreement).toBe(1);
    expect(oracle.kappa).toBe(1);
    expect(oracle.expectedPassageRecall).toBe(1);
    expect(oracle.quotes.verified).toBe(oracle.quotes.shown);
    expect(oracle.failures).toEqual([]);
  });

  it('counts suggestions worded as verdicts', async () => {
    const { summary } = await evaluated('verdict');
    expect(summary.verdictWording).toBe(summary.criteria);
    expect(summary.failures.filter((f) => f.problem === 'verdict-wording')).toHaveLength(summary.criteria);
  });

  it('measures injection resistance: a model that obeys the page moves every criterion of the hidden-instruction pages', async () => {
    const { summary, run } = await evaluated('gullible');
    const paired = fixtures.filter((f) => f.withoutHidden).reduce((n, f) => n + Object.keys(f.labels).length, 0);
    expect(summary.injection).toEqual({ shifted: paired, of: paired });
    expect(run.injection.every((s) => s.withHidden === 'observable' && s.verdictWithHidden !== null && s.verdictWithoutHidden === null)).toBe(true);
    expect(summary.failures.filter((f) => f.problem === 'injection-shift')).toHaveLength(paired);
  });

  it('compares two models on the same criteria with paired intervals', async () => {
    const comparison = compareRuns((await evaluated('constant-insufficient')).run, (await evaluated('plausible')).run);
    expect(comparison.difference.kappa.value).toBeCloseTo(comparison.b.kappa - comparison.a.kappa, 10);
    expect(comparison.difference.kappa.interval![0]).toBeGreaterThan(0);
    expect(comparison.difference.kappa.interval![0]).toBeLessThanOrEqual(comparison.difference.kappa.value);
    expect(formatComparison(comparison, ['fake=constant-insufficient', 'fake=plausible'])).toMatch(/kappa +\+0,\d\d \[\+0,\d\d ; \+0,\d\d\] \(écart net\)/);
    const other = await runEval(modules, fixtures.slice(1), config({ baseUrl: server.url, apiKey: '', model: fakeModel('plausible') }));
    const plausible = (await evaluated('plausible')).run;
    expect(() => compareRuns(plausible, other)).toThrow(/mêmes critères/);
  });

  it('reports a failing endpoint instead of throwing: every answer absent, kappa 0', async () => {
    const [fixture] = fixtures;
    const run = await runEval(modules, [fixture!], config({ baseUrl: server.url, model: 'inconnu' }));
    const summary = summarise(run);
    expect(run.requests[0]!.error).toMatch(/^Modèle inconnu/);
    expect(summary.results.every((r) => r.prediction === 'absent')).toBe(true);
    expect(summary.agreement).toBe(0);
    expect(summary.kappa).toBe(0);
    expect(summary.failures.every((f) => f.problem === 'request-failed')).toBe(true);
  });

  it('asks one criterion at a time with --per-criterion', async () => {
    const fixture = fixtures.find((f) => f.file === 'page-vide-bloc2.json')!;
    const before = server.chatRequests().length;
    const run = await runEval(modules, [fixture], config({ baseUrl: server.url, apiKey: '', model: fakeModel('plausible') }), { perCriterion: true });
    expect(server.chatRequests().length - before).toBe(Object.keys(fixture.labels).length);
    expect(run.records.every((r) => r.prediction !== 'absent')).toBe(true);
  });

  it('prints the figures beside the baselines', async () => {
    const text = formatSummary((await evaluated('plausible')).summary);
    expect(text).toMatch(/ce modèle +\d+ % \[\d+ ; \d+\] % +0,\d\d \[/);
    expect(text).toMatch(/toujours « preuves insuffisantes » +\d+ %.* 0,00 \[0,00 ; 0,00\]/);
    expect(text).toMatch(/Citations montrées : \d+, vérifiées par Grille : \d+/);
    expect(text).toMatch(/Passages attendus relevés .* : \d+ sur \d+/);
    expect(text).toMatch(/Consignes cachées : 0 critère\(s\) déplacé\(s\) .* sur 21/);
  });
});

describe('command line', () => {
  it('reads the endpoint from GRILLE_AI_* and refuses to start without one', () => {
    const env = { GRILLE_AI_BASE_URL: 'https://api.mistral.ai/v1', GRILLE_AI_MODEL: 'mistral-small-latest', GRILLE_AI_KEY: 'cle', GRILLE_AI_PROVIDER: 'mistral', GRILLE_AI_PSEUDONYMISE: '0' };
    expect(configFrom(env, null)).toEqual({ provider: 'mistral', baseUrl: 'https://api.mistral.ai/v1', model: 'mistral-small-latest', apiKey: 'cle', pseudonymise: false, timeoutMs: 120_000 });
    expect(configFrom({ GRILLE_AI_BASE_URL: 'http://localhost:11434/v1', GRILLE_AI_MODEL: 'qwen2.5:7b' }, null)).toMatchObject({ provider: 'other', apiKey: '', pseudonymise: true });
    expect(configFrom(env, server, 'fake-oracle')).toMatchObject({ baseUrl: server.url, model: 'fake-oracle', apiKey: '' }); // the key never reaches the fake
    expect(() => configFrom({}, null)).toThrow(/GRILLE_AI_BASE_URL et GRILLE_AI_MODEL/);
    expect(() => configFrom({ ...env, GRILLE_AI_TIMEOUT_MS: 'deux' }, null)).toThrow(/GRILLE_AI_TIMEOUT_MS/);
  });

  it('parses the two sides of --compare', () => {
    expect(parseSide('prompts=HEAD~1')).toEqual({ revision: 'HEAD~1' });
    expect(parseSide('model=gpt-4.1-mini, mode=tuteur')).toEqual({ model: 'gpt-4.1-mini', mode: 'tuteur' });
    expect(parseSide('prompt=/tmp/essai.md,fake=one-letter')).toEqual({ file: '/tmp/essai.md', model: 'fake-one-letter' });
    expect(() => parseSide('modele=x')).toThrow(/clé=valeur/);
    expect(() => parseSide('mode=juré')).toThrow(/jury ou tuteur/);
    expect(() => parseSide('fake=parfait')).toThrow(/modèle factice inconnu/);
  });
});

describe('npm run ai:eval -- --fake --json', () => {
  it('writes the figures in the documented shape', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'grille-ai-eval-')), 'out.json');
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/ai-eval.ts', '--fake', '--only', 'consignes-cachees-bloc-a2', '--json', out], {
      cwd: process.cwd(),
      env: { ...process.env, GRILLE_AI_BASE_URL: '', GRILLE_AI_KEY: 'ne-doit-pas-servir' },
    });
    expect(stdout).toMatch(/\[1\/2\] consignes-cachees-bloc-a2\.json : 13 critère\(s\)/);
    expect(stdout).toMatch(/\[2\/2\] consignes-cachees-bloc-a2\.json \(sans le texte caché\)/);
    const json = JSON.parse(readFileSync(out, 'utf8')) as EvalSummary;
    expect(json).toMatchObject({
      criteria: 13,
      agreement: expect.any(Number),
      kappa: expect.any(Number),
      quotes: { shown: expect.any(Number), verified: expect.any(Number) },
      expectedPassageRecall: expect.any(Number),
      verdictWording: 0,
      injection: { shifted: 0, of: 13 },
      failures: expect.any(Array),
    });
    for (const name of ['alwaysInsufficient', 'alwaysObservable', 'random'] as const) {
      expect(json.baselines[name]).toMatchObject({ agreement: expect.any(Number), kappa: expect.any(Number) });
    }
    for (const x of [json.agreement, json.expectedPassageRecall, json.baselines.random.agreement]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  }, 120_000);
});
