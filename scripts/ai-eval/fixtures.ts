// The labelled set (tests/fixtures/ai-eval/*.json): a deliverable's stored page, a bloc, and per
// criterion the juror's label — « observable » (the deliverable holds something to base an
// observation on: a passage to quote or a finding of Grille, even partial or unfavourable) or
// « insufficient » (« preuves insuffisantes »: nothing on it bears on the criterion) — with a
// one-line reason and, for observable ones, the passages a juror would quote. A fixture may name
// the same page read without its hidden instructions (`withoutHidden`) for the injection figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SuggestionRequest } from '../../lib/ai/contract';
import type { Finding } from '../../lib/checks/types';
import type { PageFacts } from '../../lib/page/facts';
import type { CriterionInContext } from '../../lib/referentiels/catalog';
import type { Certification } from '../../lib/referentiels/schema';
import type { VerdictDetector } from './verdict';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EVAL_FIXTURES_DIR = join(ROOT, 'tests/fixtures/ai-eval');
export const FACTS_DIR = join(ROOT, 'tests/fixtures/ai');

export const DELIVERABLES = ['site', 'ecommerce', 'instagram', 'linkedin', 'google-doc', 'blog', 'hidden-instructions', 'thin', 'other'] as const;

const Passage = z.string().trim().min(1);
export const EvalLabel = z.discriminatedUnion('label', [
  z.object({ label: z.literal('observable'), reason: z.string().trim().min(1), passages: z.array(Passage).default([]) }),
  z.object({ label: z.literal('insufficient'), reason: z.string().trim().min(1), passages: z.array(Passage).max(0).default([]) }),
]);
export type EvalLabel = z.infer<typeof EvalLabel>;

export const EvalFixture = z.object({
  name: z.string().min(1),
  deliverable: z.enum(DELIVERABLES),
  /** Stored page facts: tests/fixtures/ai/<page>.facts.json. */
  page: z.string().min(1),
  /** The same page read without its hidden instructions, for the injection figure. */
  withoutHidden: z.string().min(1).optional(),
  certification: z.string().min(1),
  bloc: z.string().min(1),
  mode: z.enum(['jury', 'tuteur']),
  candidateName: z.string(),
  labels: z.record(z.string(), EvalLabel).refine((labels) => Object.keys(labels).length > 0, 'aucun critère étiqueté'),
});
export type EvalFixture = z.infer<typeof EvalFixture> & { file: string };

/** What the harness needs from Grille, loaded through Vite (CLI) or imported directly (tests). */
export interface EvalModules {
  prepareRequest: typeof import('../../lib/ai/prepare').prepareRequest;
  requestSuggestions: typeof import('../../lib/ai/request').requestSuggestions;
  bundledCertifications: readonly Certification[];
  criteriaInBloc: typeof import('../../lib/referentiels/catalog').criteriaInBloc;
  parseFacts: (value: unknown) => PageFacts;
  allFindings: (facts: PageFacts) => Finding[];
  /** Verdict wording in the model's own words; Grille's detector once lib/ai exports one. */
  detectVerdict: VerdictDetector;
  /** Which detector that is (a file path), printed with the figures. */
  verdictSource: string;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${what} introuvable : ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} : JSON illisible (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The labelled fixtures of a folder, validated, in file order; `only` keeps one file. */
export function loadFixtures(dir = EVAL_FIXTURES_DIR, only?: string): EvalFixture[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (!only || f === only || f === `${only}.json`))
    .sort();
  if (only && !files.length) throw new Error(`aucun livrable étiqueté nommé ${only} dans ${dir}`);
  return files.map((file) => {
    const parsed = EvalFixture.safeParse(readJson(join(dir, file), file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file} : ${issue.path.join('.') || 'racine'} — ${issue.message}`);
    }
    return { ...parsed.data, file };
  });
}

export function loadFacts(page: string, modules: EvalModules, dir = FACTS_DIR): PageFacts {
  return modules.parseFacts(readJson(join(dir, `${page}.facts.json`), `page ${page}`));
}

/** The request Grille's panel would build for this fixture (its labelled criteria, in bloc order). */
export function requestFor(fixture: EvalFixture, modules: EvalModules, facts: PageFacts, mode?: 'jury' | 'tuteur'): SuggestionRequest {
  const certification = modules.bundledCertifications.find((c) => c.id === fixture.certification);
  if (!certification) throw new Error(`${fixture.file} : certification inconnue (${fixture.certification})`);
  const bloc = certification.blocs.find((b) => b.code === fixture.bloc);
  if (!bloc) throw new Error(`${fixture.file} : bloc inconnu (${fixture.bloc})`);
  const criteria: CriterionInContext[] = modules.criteriaInBloc(certification, bloc).filter((c) => c.criterion.id in fixture.labels);
  const missing = Object.keys(fixture.labels).filter((id) => !criteria.some((c) => c.criterion.id === id));
  if (missing.length) throw new Error(`${fixture.file} : critères étiquetés absents du bloc ${bloc.code} : ${missing.join(', ')}`);
  return {
    mode: mode ?? fixture.mode,
    certification,
    bloc,
    criteria,
    snapshot: facts.snapshot,
    findings: modules.allFindings(facts),
    candidateName: fixture.candidateName,
  };
}
