import { useCallback, useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { clearDraft, writeDraft } from '@/lib/workspace/drafts';
import { useSavedText } from '@/lib/hooks/use-saved-text';
import { ASSESSMENT_STATUSES, type AssessmentRow, type AssessmentStatus } from '@/lib/workspace/types';
import { StorageError } from './storage-error';
import { AiAssistedMarker } from './ai-assisted-marker';

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  criterionId: string;
  /** « C2.1 · critère 2 »: names the status group and the observation field. */
  code: string;
  assessment: AssessmentRow | undefined;
  actor: string | null;
}

/** The juror's status and observation for one criterion. Nothing here is ever set automatically. */
export function CriterionAssessment({ db, evaluationId, criterionId, code, assessment, actor }: Props) {
  const stored = assessment?.status ?? 'non-evalue';
  // The juror's click shows at once; the stored status takes over once written (or the write failed).
  const [optimistic, setOptimistic] = useState<AssessmentStatus | null>(null);
  const status = optimistic ?? stored;
  const [pendingExemption, setPendingExemption] = useState(false);
  const [reason, setReason] = useState(assessment?.exemptionReason ?? '');
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const ids = useId();

  const apply = useCallback(
    (next: AssessmentStatus, exemptionReason?: string) => {
      setOptimistic(next);
      const attempt = () =>
        setStatus(db, { evaluationId, criterionId, status: next, exemptionReason }, actor).then(
          () => {
            setError(null);
            setRetry(null);
            setPendingExemption(false);
          },
          (e: unknown) => {
            setOptimistic(null);
            setError(e);
            setRetry(() => attempt);
          },
        );
      void attempt();
    },
    [db, evaluationId, criterionId, actor],
  );

  const observation = useSavedText(
    assessment?.observation ?? '',
    useCallback(
      async (text: string) => {
        await saveObservation(db, evaluationId, criterionId, text, actor);
        clearDraft(evaluationId, criterionId, text);
      },
      [db, evaluationId, criterionId, actor],
    ),
    useCallback((text: string) => writeDraft({ evaluationId, criterionId, text, who: actor, at: Date.now() }), [evaluationId, criterionId, actor]),
  );

  useEffect(() => {
    if (optimistic !== null && optimistic === stored) setOptimistic(null);
  }, [optimistic, stored]);

  const shown: AssessmentStatus = pendingExemption ? 'exempte' : status;
  return (
    <div className="assessment">
      <fieldset className="status-group" role="radiogroup" aria-label={t('statusOf', code)}>
        <legend className="visually-hidden">{t('statusOf', code)}</legend>
        {ASSESSMENT_STATUSES.map((s) => (
          <label key={s} className={`status status-${s}`}>
            <input
              type="radio"
              name={`status-${ids}`}
              value={s}
              checked={shown === s}
              onChange={() => {
                if (s === 'exempte') {
                  setPendingExemption(true);
                  setReason(assessment?.exemptionReason ?? '');
                } else {
                  setPendingExemption(false);
                  apply(s);
                }
              }}
            />
            {t(`status_${s}`)}
          </label>
        ))}
      </fieldset>
      {(pendingExemption || status === 'exempte') && (
        <div className="exemption">
          <label htmlFor={`reason-${ids}`}>{t('exemptionReason')}</label>
          <textarea
            id={`reason-${ids}`}
            value={pendingExemption ? reason : (assessment?.exemptionReason ?? '')}
            readOnly={!pendingExemption}
            onChange={(e) => setReason(e.currentTarget.value)}
            aria-describedby={`reason-hint-${ids}`}
            rows={2}
          />
          <p id={`reason-hint-${ids}`} className="hint">
            {t('exemptionHint')}
          </p>
          {pendingExemption ? (
            <>
              <button type="button" disabled={!reason.trim()} onClick={() => apply('exempte', reason)}>
                {t('saveExemption')}
              </button>{' '}
              <button type="button" onClick={() => setPendingExemption(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setPendingExemption(true)}>
              {t('editExemption')}
            </button>
          )}
        </div>
      )}
      <label htmlFor={`observation-${ids}`} className="observation-label">
        {t('observationOf', code)}
        <AiAssistedMarker aiAssisted={assessment?.aiAssisted} />
      </label>
      <textarea
        id={`observation-${ids}`}
        className="observation"
        value={observation.value}
        rows={3}
        onChange={(e) => observation.onChange(e.currentTarget.value)}
        onBlur={() => void observation.flush().then(() => commitObservations(db, evaluationId, actor, criterionId)).catch(setError)}
      />
      <StorageError error={observation.error} onRetry={() => void observation.flush()} />
      <StorageError error={error} onRetry={retry ?? undefined} />
    </div>
  );
}
