// @vitest-environment node
// The evaluation harness (scripts/ai-eval.ts) run once against the local fake server, with
// Grille's modules imported directly: fixtures load, requests go out, answers are scored.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PageFacts } from '@/lib/page/facts';
import { prepareRequest } from '@/lib/ai/prepare';
import { requestSuggestions } from '@/lib/ai/request';
import { foldForQuote } from '@/lib/ai/verify';
import { allFindings } from '@/lib/checks/all-findings';
import { bundledCertifications, criteriaInBloc } from '@/lib/referentiels/catalog';
import { fakeEvalResponder, formatReport, loadFixtures, runEval, type EvalModules } from '../../../scripts/ai-eval';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { config } from './helpers';

const modules: EvalModules = {
  prepareRequest,
  requestSuggestions,
  bundledCertifications,
  criteriaInBloc,
  parseFacts: (value) => PageFacts.parse(value),
  allFindings,
  foldForQuote,
};

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ fallback: fakeEvalResponder });
});
afterAll(() => server.close());

test('the labelled fixtures are valid: known criteria, labels with reasons', () => {
  const fixtures = loadFixtures();
  expect(fixtures.length).toBeGreaterThanOrEqual(2);
  for (const fixture of fixtures) {
    const labels = Object.values(fixture.labels);
    expect(labels.some((l) => l.supported)).toBe(true);
    expect(labels.some((l) => !l.supported)).toBe(true);
    for (const label of labels) expect(label.note).toBeTruthy();
  }
});

test('runs every fixture against the endpoint and scores agreement and quotes', async () => {
  const fixtures = loadFixtures();
  const lines: string[] = [];
  const report = await runEval(modules, fixtures, config({ baseUrl: server.url, apiKey: '' }), { log: (l) => lines.push(l) });
  const labelled = fixtures.reduce((n, f) => n + Object.keys(f.labels).length, 0);
  expect(report.results).toHaveLength(labelled);
  expect(server.chatRequests()).toHaveLength(fixtures.length); // one batched request per deliverable
  expect(report.runs.every((r) => r.error === null)).toBe(true);
  // The fake quotes the main text: every quote verifies; it says « supported » for the first half.
  expect(report.verifiedShare).toBe(1);
  expect(report.agreement).toBeGreaterThan(0);
  expect(report.agreement).toBeLessThan(1);
  const text = formatReport(report);
  expect(text).toMatch(/Accord avec les étiquettes .* : \d+ % sur \d+ critères/);
  expect(text).toMatch(/Citations vérifiées dans la page : 100 %/);
  expect(lines[0]).toMatch(/jetons envoyés/);
});

test('per-criterion mode sends one request per labelled criterion', async () => {
  const [fixture] = loadFixtures();
  const before = server.chatRequests().length;
  const report = await runEval(modules, [fixture!], config({ baseUrl: server.url, apiKey: '' }), { perCriterion: true });
  expect(server.chatRequests().length - before).toBe(Object.keys(fixture!.labels).length);
  expect(report.results.every((r) => r.supported !== null)).toBe(true);
});

test('a failing endpoint is reported, not thrown', async () => {
  const [fixture] = loadFixtures();
  const report = await runEval(modules, [fixture!], config({ baseUrl: server.url, model: 'inconnu' }));
  expect(report.runs[0]!.error).toMatch(/^Modèle inconnu/);
  expect(report.results.every((r) => r.supported === null && !r.agrees)).toBe(true);
  expect(formatReport(report)).toMatch(/Demandes en échec/);
});
