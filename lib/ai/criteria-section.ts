// The référentiel's words as the prompt states them: certification, bloc, evaluation modalities
// and production expected, competencies and criteria — verbatim from the data, never rephrased.
// The certification, bloc and modalities are the stable part (system message); competencies and
// criteria the variable part.
import type { CriterionInContext } from '../referentiels/catalog';
import type { Bloc, Certification, Evaluation } from '../referentiels/schema';

const GAP = '(texte absent du référentiel converti : à compléter par le jury)';

export function formatCertification(certification: Certification): string {
  return [`Titre : ${certification.title}`, ...(certification.rncp ? [`Numéro RNCP : ${certification.rncp}`] : [])].join('\n');
}

export function formatBloc(bloc: Bloc): string {
  return `Bloc ${bloc.code} : ${bloc.title}${bloc.optional ? ' (bloc optionnel ou au choix)' : ''}`;
}

const codesOf = (bloc: Bloc, ids: readonly string[]) => bloc.competencies.filter((c) => ids.includes(c.id)).map((c) => c.code);

export function formatEvaluations(bloc: Bloc): string {
  const numbered = bloc.evaluations.length > 1;
  return bloc.evaluations
    .map((ev, i) =>
      [
        ...(numbered ? [`Modalité ${i + 1} — ${ev.competencyIds.length ? `compétences ${codesOf(bloc, ev.competencyIds).join(', ')}` : 'tout le bloc'}`] : []),
        `Modalité d'évaluation : ${ev.modality.trim()}`,
        `Production attendue : ${ev.production.trim()}`,
      ].join('\n'),
    )
    .join('\n\n');
}

/** The evaluations that cover a criterion (all of them when it is attached to the whole bloc). */
export function evaluationsFor(item: CriterionInContext): Evaluation[] {
  const ids = item.criterion.scope.competencyIds;
  const covering = item.bloc.evaluations.filter((ev) => ev.competencyIds.length === 0 || ev.competencyIds.some((id) => ids.includes(id)));
  return ids.length && covering.length ? covering : item.bloc.evaluations;
}

export function formatCompetencies(criteria: readonly CriterionInContext[]): string {
  const bloc = criteria[0]?.bloc;
  if (!bloc) return '';
  const used = new Set(criteria.flatMap((c) => c.criterion.scope.competencyIds));
  const lines = bloc.competencies.filter((c) => used.has(c.id)).map((c) => `- ${c.code} : ${c.gap ? GAP : c.text.trim()}`);
  return lines.length ? lines.join('\n') : 'Les critères demandés sont rattachés au bloc entier, sans compétence particulière.';
}

export function formatCriteria(criteria: readonly CriterionInContext[]): string {
  return criteria
    .map((item, i) => {
      const evaluations = evaluationsFor(item);
      const numbered = item.bloc.evaluations.length > 1;
      const codes = item.competencies.map((c) => c.code);
      return [
        `## Critère ${i + 1} sur ${criteria.length}`,
        `criterionId : ${item.criterion.id}`,
        `${codes.length > 1 ? 'Compétences' : 'Compétence'} : ${codes.length ? codes.join(', ') : 'le bloc entier'}`,
        ...(item.criterion.heading ? [`Regroupement : ${item.criterion.heading.trim()}`] : []),
        `Critère : ${item.criterion.gap ? GAP : item.criterion.text.trim()}`,
        ...(numbered ? [`${evaluations.length > 1 ? "Modalités d'évaluation" : "Modalité d'évaluation"} : ${evaluations.map((ev) => item.bloc.evaluations.indexOf(ev) + 1).join(', ')}`] : []),
      ].join('\n');
    })
    .join('\n\n');
}

export const criteriaCount = (n: number) => (n === 1 ? 'un critère' : `${n} critères`);
