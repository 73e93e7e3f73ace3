import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { DeliverableTab } from '@/lib/page/active-deliverable';
import type { DeliverableDetection } from '@/lib/page/detect-deliverable';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { addDeliverable } from '@/lib/workspace/evaluations';
import type { CandidateRow, EvaluationRow } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface Props {
  db: WorkspaceDb;
  evaluation: EvaluationRow;
  candidate: CandidateRow | undefined;
  certification: Certification | undefined;
  actor: string | null;
  onActor: (name: string) => void;
  tab: DeliverableTab | null;
  detection: DeliverableDetection | null;
  deliverableLabel: string | null;
  onClose: () => void;
}

/** Who is evaluated, against which référentiel version, by whom, on which deliverables. */
export function EvaluationHeader({ db, evaluation, candidate, certification, actor, onActor, tab, detection, deliverableLabel, onClose }: Props) {
  const [error, setError] = useState<unknown>(null);
  const tabIsDeliverable = !!tab && evaluation.deliverables.some((d) => d.url === tab.url);
  const outdated = certification && certification.dataVersion !== evaluation.referentielVersion;
  return (
    <section className="evaluation-header" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">
        {t('evaluationOf', candidate?.name ?? t('unknownCandidate'))} <span className="badge">{t(`mode_${evaluation.mode}`)}</span>
      </h2>
      <p className="hint">
        {certification?.title ?? evaluation.certificationId} — {t('referentielVersion', String(evaluation.referentielVersion))}
      </p>
      {outdated && <p className="notice">{t('referentielChanged', String(certification!.dataVersion))}</p>}
      {evaluation.jurors.length > 0 && (
        <>
          <label htmlFor="actor-select">{t('iAm')}</label>
          <select id="actor-select" value={actor ?? ''} onChange={(e) => onActor(e.currentTarget.value)}>
            {evaluation.jurors.map((j) => (
              <option key={j.id} value={j.name}>
                {j.name}
                {evaluation.mode === 'jury' ? ` (${j.external ? t('external') : t('internal')})` : ''}
              </option>
            ))}
          </select>
        </>
      )}
      <details>
        <summary>{t('deliverables', String(evaluation.deliverables.length))}</summary>
        <ul className="deliverables">
          {evaluation.deliverables.map((d) => (
            <li key={d.id}>
              {d.label} — <span className="url">{d.url}</span>
            </li>
          ))}
        </ul>
        {tab && !tabIsDeliverable && (
          <button
            type="button"
            onClick={() =>
              addDeliverable(db, evaluation.id, { url: tab.url, kind: detection?.platform ?? 'website', label: deliverableLabel ?? tab.title }, actor).then(
                () => setError(null),
                setError,
              )
            }
          >
            {t('addTabDeliverable')}
          </button>
        )}
      </details>
      <StorageError error={error} />
      <button type="button" onClick={onClose}>
        {t('closeEvaluation')}
      </button>
    </section>
  );
}
