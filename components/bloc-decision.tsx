import { useCallback, useId, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { useFormDraft, type FormDraft } from '@/lib/hooks/use-form-draft';
import { useUnsaved } from '@/lib/hooks/use-unsaved';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { setDecision } from '@/lib/workspace/decisions';
import { draftsOf } from '@/lib/drafts/store';
import { BLOC_DECISIONS, type BlocDecision, type DecisionRow, type EvaluationMode } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  mode: EvaluationMode;
  blocId: string;
  blocCode: string;
  current: DecisionRow | undefined;
  actor: string | null;
}

const dateTime = (ms: number) => new Date(ms).toLocaleString(t('lang') === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * The jury's decision on the bloc, motivated unless validated; a tutor writes feedback instead.
 * Saved by its button (a decision is the jury's act, not a keystroke): until then it says
 * « non enregistré », its text is kept as a draft, and leaving the evaluation asks first.
 */
export function BlocDecisionForm({ db, evaluationId, mode, blocId, blocCode, current, actor }: Props) {
  const tutor = mode === 'tuteur';
  const stored = useMemo(() => ({ text: current?.comment ?? '', choice: current?.decision ?? null }), [current?.comment, current?.decision]);
  const form = useFormDraft({ drafts: draftsOf(db), field: { kind: 'decision', evaluationId, targetId: blocId }, stored, who: actor });
  const decision = tutor ? null : (form.choice as BlocDecision | null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const ids = useId();
  const saveLabel = tutor ? t('saveFeedback') : t('saveDecision');
  useUnsaved(form.dirty, tutor ? t('unsavedFeedback', blocCode) : t('unsavedDecision', blocCode), form.discard);

  const needsMotivation = !tutor && decision !== null && decision !== 'valide';
  const save = useCallback(() => {
    setSaved(false);
    const { text, choice } = form;
    setDecision(db, { evaluationId, targetType: 'bloc', targetId: blocId, decision: tutor ? null : (choice as BlocDecision | null), comment: text }, actor).then(
      () => {
        setError(null);
        setSaved(true);
        form.saved();
      },
      setError,
    );
  }, [db, evaluationId, blocId, tutor, actor, form]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save();
  };
  return (
    <form className="decision" onSubmit={submit} aria-labelledby={`decision-${ids}`}>
      <h3 id={`decision-${ids}`}>{tutor ? t('feedbackHeading', blocCode) : t('decisionHeading', blocCode)}</h3>
      {!tutor && (
        <fieldset>
          <legend>{t('decisionLegend')}</legend>
          {BLOC_DECISIONS.map((d) => (
            <label key={d}>
              <input
                type="radio"
                name={`decision-${ids}`}
                value={d}
                checked={decision === d}
                onChange={() => {
                  setSaved(false);
                  form.set({ choice: d });
                }}
              />{' '}
              {t(`decision_${d}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`comment-${ids}`}>{tutor ? t('feedbackLabel') : needsMotivation ? t('motivationRequired') : t('motivationLabel')}</label>
      <textarea
        id={`comment-${ids}`}
        value={form.text}
        rows={3}
        required={needsMotivation}
        onChange={(e) => {
          setSaved(false);
          form.set({ text: e.currentTarget.value });
        }}
      />
      <button type="submit" disabled={(!tutor && decision === null) || (needsMotivation && !form.text.trim())}>
        {saveLabel}
      </button>
      <DecisionStatus form={form} current={current} tutor={tutor} saveLabel={saveLabel} saved={saved} />
      <StorageError error={error} onRetry={save} />
      <StorageError error={form.error} />
    </form>
  );
}

/** « non enregistré » while the form differs from what is stored, who decided and when, « Enregistré ». */
function DecisionStatus({ form, current, tutor, saveLabel, saved }: { form: FormDraft; current: DecisionRow | undefined; tutor: boolean; saveLabel: string; saved: boolean }) {
  return (
    <div role="status" aria-live="polite" data-testid="decision-status">
      {form.dirty && (
        <p className="unsaved-status">
          <strong className="unsaved">{t('notSaved')}</strong> {form.restored ? `${t('restoredDraft')} ` : ''}
          {t('notSavedDecision', saveLabel)}
        </p>
      )}
      {current && (
        <p className="hint" data-testid="decision-record">
          {!form.dirty
            ? t('decidedBy', current.decidedBy ?? t('unknownJuror'), dateTime(current.decidedAt))
            : tutor || current.decision === null
              ? t('storedFeedback', current.decidedBy ?? t('unknownJuror'), dateTime(current.decidedAt))
              : t('storedDecision', t(`decision_${current.decision}`), current.decidedBy ?? t('unknownJuror'), dateTime(current.decidedAt))}
        </p>
      )}
      {saved && !form.dirty && <p className="hint">{t('saved')}</p>}
    </div>
  );
}
