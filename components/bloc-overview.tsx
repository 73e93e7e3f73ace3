import { t } from '@/lib/i18n';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import { GapText, RncpCode } from './gap-text';

/** Bloc title, how it is evaluated and its competencies, as the document states them. */
export function BlocOverview({ certification, bloc }: { certification: Certification; bloc: Bloc }) {
  const codeOf = new Map(bloc.competencies.map((c) => [c.id, c.code]));
  const several = bloc.evaluations.length > 1;
  return (
    <section className="bloc-overview" aria-labelledby="bloc-title">
      <h2 id="bloc-title">
        {t('blocLabel', bloc.code, bloc.title)}
        {bloc.optional && <span className="badge"> {t('blocOption')}</span>}
      </h2>
      <p className="source">
        {t('dataVersion', certification.title, String(certification.dataVersion))}
        {certification.titleSource === 'inferred' && ` — ${t('titleInferred')}`}
      </p>
      <RncpCode stated={certification.rncp} />
      {bloc.evaluations.map((evaluation, i) => {
        const codes = evaluation.competencyIds.map((id) => codeOf.get(id) ?? id);
        const covers =
          codes.length === 0 ? t('scopeBloc') : t(codes.length === 1 ? 'scopeCompetency' : 'scopeCompetencies', codes.join(', '));
        return (
          <details key={evaluation.id} open={i === 0} data-testid="bloc-evaluation">
            <summary>
              {t('modality')}
              {several && ` — ${covers}`}
            </summary>
            <p className="preserve-lines">{evaluation.modality}</p>
            {evaluation.production && (
              <>
                <h3 className="production-heading">{t('production')}</h3>
                <p className="preserve-lines">{evaluation.production}</p>
              </>
            )}
          </details>
        );
      })}
      <details>
        <summary>{t('competencies', String(bloc.competencies.length))}</summary>
        <ul className="competencies">
          {bloc.competencies.map((c) => (
            <li key={c.id} data-competency-code={c.code}>
              <strong>{c.code}</strong>
              {c.codeSource === 'assigned' && <span className="hint"> ({t('competencyAssignedCode')})</span>}{' '}
              {c.gap ? <GapText itemId={c.id} /> : <span className="preserve-lines">{c.text}</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
