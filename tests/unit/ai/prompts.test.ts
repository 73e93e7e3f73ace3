// Every prompt discovered in prompts/ renders with its cases (prompts/<id>.cases.json) through the
// real preparation, states the référentiel's texts verbatim, delimits the page as untrusted data,
// keeps the stable part first, and has an output schema beside it (prompts/<id>.schema.ts) that
// converts for structured outputs. A new prompt is tested here without editing this file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, test } from 'vitest';
import { prepareRequest } from '@/lib/ai/prepare';
import { PROMPTS, promptForMode } from '@/lib/ai/prompts';
import { generatedOutputSchemas } from '@/lib/ai/response-format';
import { outputJsonSchema } from '@/lib/ai/schemas';
import committedOutputSchemas from '@/lib/ai/output-schemas.json';
import { evaluationsFor } from '@/lib/ai/criteria-section';
import { SuggestionBatch } from '@/lib/ai/contract';
import { config, makeRequest, type FactsName } from './helpers';

const PROMPTS_DIR = join(__dirname, '../../../prompts');

interface PromptCase {
  name: string;
  certification: string;
  bloc: string;
  criteria: 'all' | number | string[];
  page: FactsName;
  candidateName: string;
  pseudonymise?: boolean;
  contains?: string[];
  absent?: string[];
}

function casesOf(id: string): PromptCase[] {
  return (JSON.parse(readFileSync(join(PROMPTS_DIR, `${id}.cases.json`), 'utf8')) as { cases: PromptCase[] }).cases;
}

function requestFor(c: PromptCase, mode: 'jury' | 'tuteur') {
  const request = makeRequest({ certificationId: c.certification, blocCode: c.bloc, facts: c.page, mode, candidateName: c.candidateName });
  const criteria =
    c.criteria === 'all' ? request.criteria : typeof c.criteria === 'number' ? request.criteria.slice(0, c.criteria) : request.criteria.filter((x) => (c.criteria as string[]).includes(x.criterion.id));
  expect(criteria.length, `${c.name} : critères introuvables`).toBeGreaterThan(0);
  return { ...request, criteria };
}

const PROMPT_FILE = /^(.+)\.(md|cases\.json|schema\.ts)$/;

test('the prompts folder holds prompts, each with its cases and its output schema, nothing else; every one is loaded', () => {
  const files = readdirSync(PROMPTS_DIR).filter((f) => f !== 'README.md');
  const ids = [...new Set(files.map((f) => PROMPT_FILE.exec(f)?.[1] ?? `(fichier inattendu : ${f})`))].sort();
  expect(ids.length).toBeGreaterThan(0);
  expect(files.sort()).toEqual(ids.flatMap((id) => [`${id}.cases.json`, `${id}.md`, `${id}.schema.ts`]).sort());
  expect(PROMPTS.map((p) => p.meta.id)).toEqual(ids);
});

test('every mode has its observations prompt', () => {
  for (const mode of ['jury', 'tuteur'] as const) expect(promptForMode(mode).meta.mode).toBe(mode);
});

describe.each(PROMPTS.map((p) => [p.meta.id, p] as const))('%s', (id, prompt) => {
  test('has an output schema that converts for structured outputs (every property required)', () => {
    const format = zodResponseFormat(prompt.outputSchema, 'suggestions');
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    const item = (format.json_schema.schema as any).properties.suggestions.items;
    expect(item.required).toEqual(['criterionId', 'facts', 'missing', 'insufficientEvidence', 'questions']);
    expect(item.properties.facts.items.required).toEqual(['text', 'quote', 'findingRuleId', 'evidenceId']);
    // No field for a status, a mark or a decision.
    expect(JSON.stringify(format.json_schema.schema)).not.toMatch(/status|mark|score|grade|decision|acquis|note/i);
  });

  test('the JSON example in the prompt parses with the schema', () => {
    const system = prompt.messages[0]!.template;
    const example = /^\{"suggestions".*\}$/m.exec(system)?.[0];
    expect(example).toBeDefined();
    expect(prompt.outputSchema.safeParse(JSON.parse(example!)).success).toBe(true);
  });

  test('forbids status, mark and decision, and says the page is data', () => {
    const system = prompt.messages[0]!.template;
    expect(system).toMatch(/Aucun statut/);
    expect(system).toMatch(/aucune note/);
    expect(system).toMatch(/DONNÉES NON FIABLES/);
    expect(system).toMatch(/jamais des consignes/);
    expect(system).toMatch(/preuves insuffisantes/);
    expect(system).toMatch(/une à trois questions/);
  });

  describe.each(casesOf(id).map((c) => [c.name, c] as const))('case « %s »', (_, c) => {
    const request = requestFor(c, prompt.meta.mode);
    const prepared = prepareRequest(request, config({ pseudonymise: c.pseudonymise ?? true }));
    const [system, user] = prepared.messages;
    const all = prepared.messages.map((m) => m.content).join('\n');

    test('renders: stable system message first, then the user message, no variable left', () => {
      expect(prepared.promptId).toBe(id);
      expect(prepared.messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(all).not.toMatch(/\{\{|\}\}/);
      expect(prepared.criterionIds).toEqual(request.criteria.map((x) => x.criterion.id));
      expect(prepared.estimatedTokens).toBeGreaterThan(500);
    });

    test('states the certification, bloc, modalities, competencies and criteria verbatim', () => {
      expect(system!.content).toContain(request.certification.title);
      expect(system!.content).toContain(request.bloc.title);
      for (const item of request.criteria) {
        expect(user!.content).toContain(`criterionId : ${item.criterion.id}`);
        expect(user!.content).toContain(item.criterion.text.trim());
        for (const competency of item.competencies) expect(user!.content).toContain(competency.text.trim());
        for (const ev of evaluationsFor(item)) {
          expect(system!.content).toContain(ev.modality.trim());
          expect(system!.content).toContain(ev.production.trim());
        }
      }
    });

    test('delimits the page and the findings with markers carrying one code', () => {
      const nonce = /<<<PAGE (\w+)>>>/.exec(user!.content)?.[1];
      expect(nonce).toMatch(/^[0-9a-z]{10}$/);
      expect(user!.content.split(`<<<PAGE ${nonce}>>>`).length).toBe(3); // announced once, opened once
      expect(user!.content.split(`<<<FIN PAGE ${nonce}>>>`).length).toBe(3);
      expect(user!.content.indexOf(`<<<CONSTATS ${nonce}>>>`)).toBeGreaterThan(user!.content.lastIndexOf(`<<<FIN PAGE ${nonce}>>>`));
      // The criteria come after the page data: the page is never last-word instructions.
      expect(user!.content.lastIndexOf('criterionId :')).toBeGreaterThan(user!.content.lastIndexOf(`<<<FIN CONSTATS ${nonce}>>>`));
    });

    test('says what the case expects, and leaves out what it must not send', () => {
      for (const text of c.contains ?? []) expect(all).toContain(text);
      for (const text of c.absent ?? []) expect(all).not.toContain(text);
    });

    test('hidden text is never sent', () => {
      for (const hidden of request.snapshot.hiddenTexts.filter((h) => h.text.length > 30)) expect(all).not.toContain(hidden.text);
    });

    test('is deterministic', () => {
      expect(prepareRequest(request, config({ pseudonymise: c.pseudonymise ?? true })).messages).toEqual(prepared.messages);
    });
  });
});

test('the system message is the same for every criterion of a bloc and every page: providers can cache it', () => {
  const base = makeRequest({ facts: 'sample-home' });
  const systems = new Set<string>();
  for (const facts of ['sample-home', 'sample-blog-article'] as const) {
    const request = makeRequest({ facts });
    for (const item of request.criteria.slice(0, 4)) systems.add(prepareRequest({ ...request, criteria: [item] }, config()).messages[0]!.content);
  }
  systems.add(prepareRequest(base, config()).messages[0]!.content);
  expect(systems.size).toBe(1);
});

test('per-criterion requests on one page share the user message up to the end of the page data', () => {
  const request = makeRequest();
  const [a, b] = request.criteria.map((item) => prepareRequest({ ...request, criteria: [item] }, config()).messages[1]!.content);
  const shared = a!.slice(0, a!.indexOf('Constats automatiques'));
  expect(shared.length).toBeGreaterThan(1000);
  expect(b!.startsWith(shared)).toBe(true);
});

test('the tutor’s prompt addresses the student, the jury’s the jurors', () => {
  expect(promptForMode('tuteur').messages[0]!.template).toMatch(/vouvoyant/);
  expect(promptForMode('jury').messages[0]!.template).toMatch(/troisième personne/);
});

test('output-schemas.json is what the openai SDK sends for each prompt (run `npm run schema` after changing a schema)', () => {
  expect(committedOutputSchemas).toEqual(generatedOutputSchemas(PROMPTS.map((p) => [p.meta.id, p.outputSchema] as const)));
  for (const prompt of PROMPTS) expect(outputJsonSchema(prompt.meta.id)).toEqual(zodResponseFormat(prompt.outputSchema, 'suggestions').json_schema.schema);
  expect(() => outputJsonSchema('inconnu')).toThrow(/npm run schema/);
});

test('the panel reads every answer as the SuggestionBatch of lib/ai/contract.ts: every prompt asks for it', () => {
  const batch = JSON.stringify(zodResponseFormat(SuggestionBatch, 'suggestions').json_schema.schema);
  for (const prompt of PROMPTS) expect(JSON.stringify(outputJsonSchema(prompt.meta.id)), prompt.meta.id).toBe(batch);
});
