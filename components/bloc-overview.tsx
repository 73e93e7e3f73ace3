import { t } from '@/lib/i18n';
import type { Bloc, Certification } from '@/lib/referentiels/schema';

/** Bloc title, modality, expected production and its competencies, as the document states them. */
export function BlocOverview({ certification, bloc }: { certification: Certification; bloc: Bloc }) {
  return (
    <section className="bloc-overview" aria-labelledby="bloc-title">
      <h2 id="bloc-title">
        {t('blocLabel', bloc.code, bloc.title)}
        {bloc.optional && <span className="badge"> {t('blocOption')}</span>}
      </h2>
      <p className="source">
        {t('dataVersion', certification.sourceFile, String(certification.dataVersion))}
        {certification.titleSource === 'inferred' && ` — ${t('titleInferred')}`}
      </p>
      {bloc.modality && (
        <details open>
          <summary>{t('modality')}</summary>
          <p className="preserve-lines" data-testid="bloc-modality">{bloc.modality}</p>
        </details>
      )}
      {bloc.production && (
        <details>
          <summary>{t('production')}</summary>
          <p className="preserve-lines">{bloc.production}</p>
        </details>
      )}
      <details>
        <summary>{t('competencies', String(bloc.competencies.length))}</summary>
        <ul className="competencies">
          {bloc.competencies.map((c) => (
            <li key={c.id} data-competency-code={c.code}>
              <strong>{c.code}</strong>
              {c.codeSource === 'assigned' && <span className="hint"> ({t('competencyAssignedCode')})</span>}{' '}
              {c.gap ? <em className="criterion-gap">{t('gapText')}</em> : <span className="preserve-lines">{c.text}</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
