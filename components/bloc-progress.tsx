import { t } from '@/lib/i18n';
import type { Bloc } from '@/lib/referentiels/schema';
import type { StatusCounts } from '@/lib/workspace/summaries';
import { summarizeBloc } from '@/lib/workspace/summaries';
import type { AssessmentRow } from '@/lib/workspace/types';

export function countsText(c: StatusCounts): string {
  return t('countsLine', String(c.acquis), String(c['partiellement-acquis']), String(c['non-acquis']), String(c.exempte), String(c.remaining), String(c.total));
}

/** Per bloc and competency: how many criteria in each status, and what remains to evaluate. */
export function BlocProgress({ bloc, assessments }: { bloc: Bloc; assessments: readonly AssessmentRow[] }) {
  const summary = summarizeBloc(bloc, assessments);
  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h3 id="progress-heading">{t('progressHeading')}</h3>
      <p data-testid="bloc-progress">
        <progress value={summary.bloc.total - summary.bloc.remaining} max={summary.bloc.total} aria-label={t('progressOfBloc', bloc.code)} />{' '}
        {countsText(summary.bloc)}
      </p>
      <details>
        <summary>{t('progressByCompetency')}</summary>
        <ul className="competency-progress">
          {bloc.competencies.map((c) => {
            const counts = summary.competencies.get(c.id)!;
            return (
              <li key={c.id}>
                <strong>{c.code}</strong> — {counts.total ? countsText(counts) : t('competencyCoveredByBloc')}
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
