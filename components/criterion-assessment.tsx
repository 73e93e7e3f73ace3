import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { draftsOf } from '@/lib/drafts/store';
import { useFormDraft } from '@/lib/hooks/use-form-draft';
import { useSavedText } from '@/lib/hooks/use-saved-text';
import { useUnsaved } from '@/lib/hooks/use-unsaved';
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

/**
 * The juror's status and observation for one criterion. Nothing here is ever set automatically.
 * The observation is saved as it is typed; an exemption is saved by its button, and says
 * « non enregistré » until then.
 */
export function CriterionAssessment({ db, evaluationId, criterionId, code, assessment, actor }: Props) {
  const stored = assessment?.status ?? 'non-evalue';
  // The juror's click shows at once; the stored status takes over once written (or the write failed).
  const [optimistic, setOptimistic] = useState<AssessmentStatus | null>(null);
  const status = optimistic ?? stored;
  const [pendingExemption, setPendingExemption] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const ids = useId();
  const drafts = draftsOf(db);
  const storedExemption = useMemo(
    () => ({ text: assessment?.exemptionReason ?? '', choice: stored === 'exempte' ? 'exempte' : null }),
    [assessment?.exemptionReason, stored],
  );
  const exemption = useFormDraft({ drafts, field: { kind: 'exemption', evaluationId, criterionId }, stored: storedExemption, who: actor });
  // An exemption typed before the panel closed comes back open, « non enregistré ».
  useEffect(() => {
    if (exemption.restored) setPendingExemption(true);
  }, [exemption.restored]);
  const exemptionDirty = pendingExemption && exemption.dirty;
  const cancelExemption = useCallback(() => {
    setPendingExemption(false);
    exemption.discard();
  }, [exemption.discard]);
  useUnsaved(exemptionDirty, t('unsavedExemption', code), cancelExemption);

  const apply = useCallback(
    (next: AssessmentStatus, exemptionReason?: string) => {
      setOptimistic(next);
      const attempt = () =>
        setStatus(db, { evaluationId, criterionId, status: next, exemptionReason }, actor).then(
          () => {
            setError(null);
            setRetry(null);
            setPendingExemption(false);
            if (next === 'exempte') exemption.saved();
          },
          (e: unknown) => {
            setOptimistic(null);
            setError(e);
            setRetry(() => attempt);
          },
        );
      void attempt();
    },
    [db, evaluationId, criterionId, actor, exemption.saved],
  );

  const observation = useSavedText({
    stored: assessment?.observation ?? '',
    save: useCallback((text: string, base: string) => saveObservation(db, evaluationId, criterionId, text, actor, Date.now(), base), [db, evaluationId, criterionId, actor]),
    drafts,
    field: { kind: 'observation', evaluationId, criterionId },
    who: actor,
  });

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
                  exemption.set({ choice: 'exempte' });
                } else {
                  cancelExemption();
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
            value={pendingExemption ? exemption.text : (assessment?.exemptionReason ?? '')}
            readOnly={!pendingExemption}
            onChange={(e) => exemption.set({ text: e.currentTarget.value, choice: 'exempte' })}
            aria-describedby={`reason-hint-${ids}`}
            rows={2}
          />
          <p id={`reason-hint-${ids}`} className="hint">
            {t('exemptionHint')}
          </p>
          {pendingExemption ? (
            <>
              <button type="button" disabled={!exemption.text.trim()} onClick={() => apply('exempte', exemption.text)}>
                {t('saveExemption')}
              </button>{' '}
              <button type="button" onClick={cancelExemption}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setPendingExemption(true)}>
              {t('editExemption')}
            </button>
          )}
          <p role="status" className="unsaved-status">
            {exemptionDirty && (
              <>
                <strong className="unsaved">{t('notSaved')}</strong> {exemption.restored ? `${t('restoredDraft')} ` : ''}
                {t('notSavedExemption')}
              </>
            )}
          </p>
          <StorageError error={exemption.error} />
        </div>
      )}
      <label htmlFor={`observation-${ids}`} className="observation-label">
        {t('observationOf', code)}
        <AiAssistedMarker aiAssisted={assessment?.aiAssisted} />
      </label>
      <textarea
        id={`observation-${ids}`}
        className="observation"
        ref={observation.ref}
        value={observation.value}
        rows={3}
        onChange={(e) => observation.onChange(e.currentTarget.value)}
        onFocus={observation.onFocus}
        onBlur={() => void observation.onBlur().then(() => commitObservations(db, evaluationId, actor, criterionId)).catch(setError)}
      />
      <StorageError error={observation.error} onRetry={observation.retry} />
      <StorageError error={error} onRetry={retry ?? undefined} />
    </div>
  );
}
