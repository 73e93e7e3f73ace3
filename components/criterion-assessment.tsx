import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { commitObservations, saveObservation, setStatus } from '@/lib/workspace/assessments';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { draftsOf, type DraftsDb } from '@/lib/drafts/store';
import { useFormDraft } from '@/lib/hooks/use-form-draft';
import { useOptimisticChoice } from '@/lib/hooks/use-optimistic-choice';
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
 * An exemption being written: its reason kept as a durable draft, « non enregistré » and asked
 * about on leaving until its button saves it; one typed before the panel closed comes back open.
 */
function useExemption(drafts: DraftsDb, props: Props, stored: AssessmentStatus) {
  const { evaluationId, criterionId, code, assessment, actor } = props;
  const [pending, setPending] = useState(false);
  const storedExemption = useMemo(
    () => ({ text: assessment?.exemptionReason ?? '', choice: stored === 'exempte' ? 'exempte' : null }),
    [assessment?.exemptionReason, stored],
  );
  const draft = useFormDraft({ drafts, field: { kind: 'exemption', evaluationId, criterionId }, stored: storedExemption, who: actor });
  useEffect(() => {
    if (draft.restored) setPending(true);
  }, [draft.restored]);
  const dirty = pending && draft.dirty;
  const cancel = useCallback(() => {
    setPending(false);
    draft.discard();
  }, [draft.discard]);
  useUnsaved(dirty, t('unsavedExemption', code), cancel);
  return { draft, pending, setPending, dirty, cancel };
}
type Exemption = ReturnType<typeof useExemption>;

/**
 * The juror's status and observation for one criterion. Nothing here is ever set automatically.
 * The observation is saved as it is typed; an exemption is saved by its button, and says
 * « non enregistré » until then.
 */
export function CriterionAssessment(props: Props) {
  const { db, evaluationId, criterionId, code, assessment, actor } = props;
  const stored = assessment?.status ?? 'non-evalue';
  // The juror's click shows at once; the stored status takes over once written (or the write failed).
  const choice = useOptimisticChoice<AssessmentStatus>(stored);
  const status = choice.shown;
  const ids = useId();
  const drafts = draftsOf(db);
  const exemption = useExemption(drafts, props, stored);
  const { saved } = exemption.draft;
  const { choose, setError } = choice;
  const { setPending } = exemption;

  const apply = useCallback(
    (next: AssessmentStatus, exemptionReason?: string) =>
      choose(
        next,
        () => setStatus(db, { evaluationId, criterionId, status: next, exemptionReason }, actor),
        () => {
          setPending(false);
          if (next === 'exempte') saved();
        },
      ),
    [db, evaluationId, criterionId, actor, saved, choose, setPending],
  );

  const observation = useSavedText({
    stored: assessment?.observation ?? '',
    save: useCallback((text: string, base: string) => saveObservation(db, evaluationId, criterionId, text, actor, Date.now(), base), [db, evaluationId, criterionId, actor]),
    drafts,
    field: { kind: 'observation', evaluationId, criterionId },
    who: actor,
  });

  const shown: AssessmentStatus = exemption.pending ? 'exempte' : status;
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
                  exemption.setPending(true);
                  exemption.draft.set({ choice: 'exempte' });
                } else {
                  exemption.cancel();
                  apply(s);
                }
              }}
            />
            {t(`status_${s}`)}
          </label>
        ))}
      </fieldset>
      {(exemption.pending || status === 'exempte') && <ExemptionField ids={ids} exemption={exemption} storedReason={assessment?.exemptionReason ?? ''} onSave={() => apply('exempte', exemption.draft.text)} />}
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
      <StorageError error={choice.error} onRetry={choice.retry} />
    </div>
  );
}

/** The exemption's reason: read-only once saved (« Modifier »), with its own save button while written. */
function ExemptionField({ ids, exemption, storedReason, onSave }: { ids: string; exemption: Exemption; storedReason: string; onSave: () => void }) {
  const { pending, draft } = exemption;
  return (
    <div className="exemption">
      <label htmlFor={`reason-${ids}`}>{t('exemptionReason')}</label>
      <textarea
        id={`reason-${ids}`}
        value={pending ? draft.text : storedReason}
        readOnly={!pending}
        onChange={(e) => draft.set({ text: e.currentTarget.value, choice: 'exempte' })}
        aria-describedby={`reason-hint-${ids}`}
        rows={2}
      />
      <p id={`reason-hint-${ids}`} className="hint">
        {t('exemptionHint')}
      </p>
      {pending ? (
        <>
          <button type="button" disabled={!draft.text.trim()} onClick={onSave}>
            {t('saveExemption')}
          </button>{' '}
          <button type="button" onClick={exemption.cancel}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => exemption.setPending(true)}>
          {t('editExemption')}
        </button>
      )}
      <p role="status" className="unsaved-status">
        {exemption.dirty && (
          <>
            <strong className="unsaved">{t('notSaved')}</strong> {draft.restored ? `${t('restoredDraft')} ` : ''}
            {t('notSavedExemption')}
          </>
        )}
      </p>
      <StorageError error={draft.error} />
    </div>
  );
}
