import { t } from '@/lib/i18n';
import type { Competency, CriterionScope } from '@/lib/referentiels/schema';

/** « Compétence C.3 », « Compétences C1.1, C1.2 » or « Tout le bloc ». */
export function scopeLabel(scope: CriterionScope, competencies: readonly Competency[]): string {
  const codes = competencies.map((c) => c.code).join(', ');
  if (scope.type === 'bloc') return t('scopeBloc');
  return scope.type === 'competency' ? t('scopeCompetency', codes) : t('scopeCompetencies', codes);
}
