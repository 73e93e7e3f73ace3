// The evaluation as the terminal prints it: the model's agreement and kappa beside the baselines
// on the same labels, the quote, passage, verdict and injection figures, a line per deliverable,
// the failures to look at; and, for --compare, B against A with the intervals of the differences.
import type { Interval } from './metrics';
import type { Comparison, Difference, EvalSummary, LabelScores } from './summary';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const num = (x: number, digits = 2) => x.toFixed(digits).replace('.', ',').replace(/^-0,00$/, '0,00');
const range = (i: Interval, f: (x: number) => string) => `[${f(i[0])} ; ${f(i[1])}]`;
const pctRange = (i: Interval) => range(i, (x) => `${Math.round(x * 100)}`) + ' %';

function scoreLine(title: string, s: LabelScores): string {
  return `  ${title.padEnd(40)}${`${pct(s.agreement)} ${pctRange(s.agreementInterval)}`.padEnd(22)}${num(s.kappa)} ${range(s.kappaInterval, (x) => num(x))}`;
}

const MAX_FAILURES = 25;

export function formatSummary(s: EvalSummary): string {
  const prompt = s.promptId ? `prompt ${s.promptId} v${s.promptVersion}` : 'prompt inconnu (aucune réponse)';
  const lines = [
    '',
    `Résultats — modèle ${s.model}, ${prompt}, ${s.criteria} critères sur ${s.deliverables} livrables étiquetés`,
    `  ${''.padEnd(40)}${'accord [IC 95 %]'.padEnd(22)}kappa de Cohen [IC 95 %]`,
    scoreLine('ce modèle', s),
    scoreLine('toujours « preuves insuffisantes »', s.baselines.alwaysInsufficient),
    scoreLine('toujours « observable »', s.baselines.alwaysObservable),
    scoreLine('au hasard (pile ou face, graine fixe)', s.baselines.random),
    `  (intervalles : bootstrap de 1 000 tirages des critères, graine fixe)`,
    '',
    `Citations montrées : ${s.quotes.shown}, vérifiées par Grille : ${s.quotes.verified}${s.quotes.shown ? ` (${pct(s.quotes.verified / s.quotes.shown)})` : ''}`,
    `Passages attendus relevés (recouvrement de mots ≥ 0,5 avec une citation) : ${s.passages.found} sur ${s.passages.labelled} (${pct(s.expectedPassageRecall)})`,
    `Suggestions formulées comme un verdict (statut, note, décision) : ${s.verdictWording} sur ${s.criteria} (détecteur : ${s.verdictDetector})`,
    `Consignes cachées : ${s.injection.shifted} critère(s) déplacé(s) vers « observable » ou vers un verdict, sur ${s.injection.of}`,
  ];
  const byFixture = new Map<string, { n: number; agree: number }>();
  for (const r of s.results) {
    const f = byFixture.get(r.fixture) ?? { n: 0, agree: 0 };
    f.n++;
    if (r.label === r.prediction) f.agree++;
    byFixture.set(r.fixture, f);
  }
  lines.push('', 'Par livrable (accord) :', ...[...byFixture].map(([file, f]) => `  ${file.padEnd(34)}${f.agree}/${f.n}`));
  if (s.failures.length) {
    lines.push('', `À regarder (${s.failures.length}) :`);
    for (const f of s.failures.slice(0, MAX_FAILURES)) lines.push(`  ${f.fixture} ${f.criterionId} — ${f.problem} : ${f.detail}`);
    if (s.failures.length > MAX_FAILURES) {
      const rest = s.failures.length - MAX_FAILURES;
      lines.push(`  … et ${rest} ${rest === 1 ? 'autre' : 'autres'} (toutes dans le fichier --json)`);
    }
  }
  return lines.join('\n');
}

function diffLine(title: string, d: Difference, asPct: boolean): string {
  const f = (x: number) => (asPct ? `${x >= 0 ? '+' : ''}${Math.round(x * 100)}` : `${x >= 0 ? '+' : ''}${num(x)}`);
  const value = asPct ? `${f(d.value)} points` : f(d.value);
  const interval = d.interval ? ` ${range(d.interval, f)}${asPct ? ' points' : ''}` : '';
  const clear = d.interval && (d.interval[0] > 0 || d.interval[1] < 0) ? ' (écart net)' : d.interval ? ' (écart dans le bruit)' : '';
  return `  ${title.padEnd(30)}${value}${interval}${clear}`;
}

export function formatComparison(c: Comparison, names: [string, string]): string {
  const count = (title: string, d: Difference) => `  ${title.padEnd(30)}${d.value >= 0 ? '+' : ''}${d.value}${d.interval ? ` [${d.interval[0]} ; ${d.interval[1]}]` : ''}`;
  return [
    `A = ${names[0]} (${c.a.model}) · B = ${names[1]} (${c.b.model}) — mêmes ${c.a.criteria} critères`,
    `  ${''.padEnd(30)}A${' '.repeat(14)}B`,
    `  ${'accord'.padEnd(30)}${pct(c.a.agreement).padEnd(15)}${pct(c.b.agreement)}`,
    `  ${'kappa'.padEnd(30)}${num(c.a.kappa).padEnd(15)}${num(c.b.kappa)}`,
    `  ${'citations vérifiées'.padEnd(30)}${`${c.a.quotes.verified}/${c.a.quotes.shown}`.padEnd(15)}${c.b.quotes.verified}/${c.b.quotes.shown}`,
    `  ${'passages attendus relevés'.padEnd(30)}${pct(c.a.expectedPassageRecall).padEnd(15)}${pct(c.b.expectedPassageRecall)}`,
    `  ${'formulations de verdict'.padEnd(30)}${String(c.a.verdictWording).padEnd(15)}${c.b.verdictWording}`,
    `  ${'déplacés par le texte caché'.padEnd(30)}${`${c.a.injection.shifted}/${c.a.injection.of}`.padEnd(15)}${c.b.injection.shifted}/${c.b.injection.of}`,
    '',
    'B − A (intervalle à 95 % : bootstrap apparié sur les mêmes critères) :',
    diffLine('accord', c.difference.agreement, true),
    diffLine('kappa', c.difference.kappa, false),
    diffLine('part de citations vérifiées', c.difference.verifiedShare, true),
    diffLine('passages attendus relevés', c.difference.expectedPassageRecall, true),
    count('formulations de verdict', c.difference.verdictWording),
    count('déplacés par le texte caché', c.difference.injectionShifted),
  ].join('\n');
}
