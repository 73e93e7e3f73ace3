// axe-core's RGAA rules grouped by RGAA criterion: one finding per criterion axe touched.
// non conforme when a rule found a fault (on the elements listed), « à vérifier par le juré » when
// axe could not conclude, « conforme sur ce qui a été testé » when its tests passed — never more:
// an automated test covers only some tests of a criterion.
import { OUTCOMES, type Finding, type Outcome } from '../checks/types';
import { l, type Localized } from '../i18n/localized';
import { LIMITS, type AxeRuleResult, type ElementRef, type PageFacts } from '../page/facts';
import { compareCriteria, criterionOfTest, criterionUrl, rgaaCriterion } from './criteria';

interface Touch {
  rule: AxeRuleResult;
  /** The rule's tests that belong to this criterion. */
  tests: string[];
}

/** Criterion → the rule results whose RGAA tests belong to it. */
export function touchesByCriterion(rules: readonly AxeRuleResult[]): Map<string, Touch[]> {
  const byCriterion = new Map<string, Touch[]>();
  for (const rule of rules) {
    const tests = new Map<string, string[]>();
    for (const test of rule.rgaaTests) tests.set(criterionOfTest(test), [...(tests.get(criterionOfTest(test)) ?? []), test]);
    for (const [criterion, list] of tests) byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), { rule, tests: list }]);
  }
  return byCriterion;
}

function compareTests(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return (pa[0]! - pb[0]!) || (pa[1]! - pb[1]!) || (pa[2]! - pb[2]!);
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

function elementsOf(touches: readonly Touch[]): ElementRef[] {
  const seen = new Set<string>();
  const out: ElementRef[] = [];
  for (const { rule } of touches)
    for (const node of rule.nodes) {
      if (seen.has(node.selector) || out.length >= LIMITS.elements) continue;
      seen.add(node.selector);
      out.push({ selector: node.selector, snippet: node.snippet });
    }
  return out;
}

/** « help (3 éléments) ; help (1 élément) » — French help from axe's fr locale, rule ids in English. */
function rulesLine(touches: readonly Touch[], counted: boolean): Localized {
  const unique = [...new Map(touches.map((t) => [t.rule.id, t.rule])).values()];
  return l(
    unique.map((r) => `${r.help} [${r.id}]${counted ? ` (${plural(r.nodeCount, 'élément')})` : ''}`).join(' ; '),
    unique.map((r) => `${r.id}${counted ? ` (${plural(r.nodeCount, 'element')})` : ''}`).join('; '),
  );
}

interface Verdict {
  outcome: Outcome;
  detail: Localized;
  elements: ElementRef[];
}

function verdict(touches: readonly Touch[], tests: string): Verdict {
  const by = (o: AxeRuleResult['outcome']) => touches.filter((t) => t.rule.outcome === o);
  const failing = by('violation');
  const doubtful = by('incomplete');
  const passed = by('pass');
  if (failing.length) {
    const count = failing.reduce((n, t) => n + t.rule.nodeCount, 0);
    const rules = rulesLine(failing, true);
    const also = doubtful.length ? l(` D’autres éléments sont à vérifier par le juré : ${rulesLine(doubtful, true).fr}.`, ` Other elements are for the juror to check: ${rulesLine(doubtful, true).en}.`) : l('', '');
    return {
      outcome: 'fail',
      detail: l(
        `Non conforme : ${plural(count, 'défaut')} relevé${count > 1 ? 's' : ''} par le test automatique (tests RGAA ${tests}) sur les éléments listés — ${rules.fr}.${also.fr}`,
        `Non-compliant: ${count} fault${count > 1 ? 's' : ''} found by the automated test (RGAA tests ${tests}) on the elements listed — axe rules: ${rules.en}.${also.en}`,
      ),
      elements: elementsOf(failing),
    };
  }
  if (doubtful.length) {
    const count = doubtful.reduce((n, t) => n + t.rule.nodeCount, 0);
    const rules = rulesLine(doubtful, true);
    return {
      outcome: 'review',
      detail: l(
        `À vérifier par le juré : le test automatique (tests RGAA ${tests}) n’a pas pu conclure sur ${plural(count, 'élément')} — ${rules.fr}.`,
        `For the juror to check: the automated test (RGAA tests ${tests}) could not conclude on ${count} element${count > 1 ? 's' : ''} — axe rules: ${rules.en}.`,
      ),
      elements: elementsOf(doubtful),
    };
  }
  if (passed.length) {
    const rules = rulesLine(passed, false);
    return {
      outcome: 'pass',
      detail: l(
        `Conforme sur ce qui a été testé : seuls les tests automatisés ${tests} ont été exécutés (${rules.fr}), sans défaut relevé. Le critère reste à vérifier par le juré.`,
        `Compliant on what was tested: only the automated tests ${tests} were run (axe rules: ${rules.en}), with no fault found. The criterion still needs the juror’s check.`,
      ),
      elements: [],
    };
  }
  const rules = rulesLine(touches, false);
  return {
    outcome: 'inapplicable',
    detail: l(
      `Aucun élément de la page n’est concerné par les tests automatisés ${tests} (${rules.fr}). Le reste du critère est à vérifier par le juré.`,
      `No element of the page is concerned by the automated tests ${tests} (axe rules: ${rules.en}). The rest of the criterion is for the juror to check.`,
    ),
    elements: [],
  };
}

export function criterionFinding(criterion: string, touches: readonly Touch[], facts: PageFacts): Finding {
  const official = rgaaCriterion(criterion);
  const title = official ? `${criterion} — ${official.title}` : `${criterion}`;
  const run = touches.filter((t) => t.rule.outcome !== 'inapplicable');
  const tests = [...new Set((run.length ? run : touches).flatMap((t) => t.tests))].sort(compareTests).join(', ');
  const { outcome, detail, elements } = verdict(touches, tests);
  return {
    ruleId: `rgaa-${criterion}`,
    family: 'rgaa',
    topics: ['accessibility'],
    rgaa: [criterion],
    title: l(`Critère ${title}`, `Criterion ${title}`),
    outcome,
    detail,
    elements,
    data: {
      criterion,
      tests,
      rules: [...new Set(touches.map((t) => t.rule.id))].join(', '),
      faults: touches.filter((t) => t.rule.outcome === 'violation').reduce((n, t) => n + t.rule.nodeCount, 0),
      toCheck: touches.filter((t) => t.rule.outcome === 'incomplete').reduce((n, t) => n + t.rule.nodeCount, 0),
      axeVersion: facts.axe?.version ?? null,
    },
    source: { label: `RGAA 4.1.2 — critère ${criterion}`, url: criterionUrl(criterion) },
    url: facts.snapshot.url,
    pageTitle: facts.snapshot.title,
    analyzedAt: facts.analyzedAt,
  };
}

/** One finding per RGAA criterion axe touched: faults first, then doubts, passes, inapplicable; by criterion within. */
export function axeFindings(facts: PageFacts): Finding[] {
  if (!facts.axe) return [];
  return [...touchesByCriterion(facts.axe.rules)]
    .map(([criterion, touches]) => criterionFinding(criterion, touches, facts))
    .sort((a, b) => OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome) || compareCriteria(a.rgaa[0]!, b.rgaa[0]!));
}
