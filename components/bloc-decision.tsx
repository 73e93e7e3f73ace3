import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { setDecision } from '@/lib/workspace/decisions';
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

/** The jury's decision on the bloc, motivated unless validated; a tutor writes feedback instead. */
export function BlocDecisionForm({ db, evaluationId, mode, blocId, blocCode, current, actor }: Props) {
  const [decision, setDecisionValue] = useState<BlocDecision | null>((current?.decision as BlocDecision | null) ?? null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const ids = useId();
  useEffect(() => {
    setDecisionValue((current?.decision as BlocDecision | null) ?? null);
    setComment(current?.comment ?? '');
  }, [current?.decision, current?.comment]);

  const tutor = mode === 'tuteur';
  const needsMotivation = !tutor && decision !== null && decision !== 'valide';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setDecision(db, { evaluationId, targetType: 'bloc', targetId: blocId, decision: tutor ? null : decision, comment }, actor).then(
      () => {
        setError(null);
        setSaved(true);
      },
      setError,
    );
  };
  return (
    <form className="decision" onSubmit={submit} aria-labelledby={`decision-${ids}`}>
      <h3 id={`decision-${ids}`}>{tutor ? t('feedbackHeading', blocCode) : t('decisionHeading', blocCode)}</h3>
      {!tutor && (
        <fieldset>
          <legend>{t('decisionLegend')}</legend>
          {BLOC_DECISIONS.map((d) => (
            <label key={d}>
              <input type="radio" name={`decision-${ids}`} value={d} checked={decision === d} onChange={() => setDecisionValue(d)} /> {t(`decision_${d}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`comment-${ids}`}>{tutor ? t('feedbackLabel') : needsMotivation ? t('motivationRequired') : t('motivationLabel')}</label>
      <textarea id={`comment-${ids}`} value={comment} rows={3} required={needsMotivation} onChange={(e) => setComment(e.currentTarget.value)} />
      <button type="submit" disabled={(!tutor && decision === null) || (needsMotivation && !comment.trim())}>
        {tutor ? t('saveFeedback') : t('saveDecision')}
      </button>
      <div role="status" aria-live="polite">
        {current && (
          <p className="hint" data-testid="decision-record">
            {t('decidedBy', current.decidedBy ?? t('unknownJuror'), dateTime(current.decidedAt))}
          </p>
        )}
        {saved && <p className="hint">{t('saved')}</p>}
      </div>
      <StorageError error={error} />
    </form>
  );
}
