import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { CertificationSummary } from '@/lib/referentiels/summary';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { listEvaluations } from '@/lib/workspace/evaluations';

interface Props {
  db: WorkspaceDb;
  certifications: readonly CertificationSummary[];
  onOpen: (evaluationId: string) => void;
}

/** Finds an evaluation: search by candidate, most recent first, with its progress. */
export function EvaluationList({ db, certifications, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const items = useLiveQuery(() => listEvaluations(db, query), [db, query]);
  const certById = new Map(certifications.map((c) => [c.id, c]));
  return (
    <section aria-labelledby="evaluations-heading" className="evaluations">
      <h2 id="evaluations-heading">{t('evaluationsHeading')}</h2>
      <label htmlFor="evaluation-search">{t('searchCandidate')}</label>
      <input id="evaluation-search" type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {items && items.length === 0 && <p>{query ? t('noEvaluationMatch') : t('noEvaluationYet')}</p>}
      <ul className="evaluation-items">
        {items?.map(({ evaluation, candidate }) => {
          const cert = certById.get(evaluation.certificationId);
          const total = cert?.blocs.filter((b) => evaluation.blocIds.includes(b.id)).reduce((n, b) => n + b.criteriaCount, 0) ?? 0;
          const done = Object.values(evaluation.statusCounts).reduce((n, c) => n + (c ?? 0), 0);
          return (
            <li key={evaluation.id} data-evaluation-id={evaluation.id}>
              <button type="button" className="evaluation-open" onClick={() => onOpen(evaluation.id)}>
                <strong>{candidate?.name ?? t('unknownCandidate')}</strong>
                <span className="hint">
                  {' '}
                  — {cert?.title ?? evaluation.certificationId} · {t(`mode_${evaluation.mode}`)} · {t('progressShort', String(done), String(total))} ·{' '}
                  {new Date(evaluation.updatedAt).toLocaleDateString(t('lang') === 'fr' ? 'fr-FR' : 'en-GB')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
