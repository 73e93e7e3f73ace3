import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n';
import { storageErrorMessage } from '@/lib/workspace/errors';
import type { EvidenceRow } from '@/lib/workspace/types';
import { EvidenceRecord } from './evidence-record';

interface Props {
  item: EvidenceRow;
  onRemove: (id: string) => void | Promise<void>;
  onEditCriteria?: (item: EvidenceRow) => void;
  /** Called once the removal succeeded, to move focus off the vanishing item. */
  onRemoved?: () => void;
}

/** « Retirer » behind a confirmation that takes the focus (on « Annuler ») and gives it back. */
function useRemoveConfirmation(id: string, onRemove: Props['onRemove'], onRemoved: Props['onRemoved']) {
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after the confirmation opens or closes.
  const focusNext = useRef<'cancel' | 'remove' | null>(null);

  useEffect(() => {
    if (focusNext.current === 'cancel') cancelButton.current?.focus();
    if (focusNext.current === 'remove') removeButton.current?.focus();
    focusNext.current = null;
  });

  const ask = () => {
    focusNext.current = 'cancel';
    setError(null);
    setConfirming(true);
  };
  const dismiss = () => {
    focusNext.current = 'remove';
    setConfirming(false);
  };
  const confirm = async () => {
    setRemoving(true);
    try {
      await onRemove(id);
      onRemoved?.();
    } catch (e) {
      setError(storageErrorMessage(e, { kept: false, retry: t('evidenceRemove') }));
      focusNext.current = 'remove';
      setConfirming(false);
    } finally {
      setRemoving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !removing) {
      event.stopPropagation();
      dismiss();
    }
  };
  return { confirming, removing, error, ask, dismiss, confirm, onKeyDown, removeButton, cancelButton };
}

/**
 * One piece of evidence in a list: its record, the juror's caption, and « Retirer » behind an
 * inline confirmation (« Retirer cette preuve ? » Confirmer / Annuler) that takes the focus and
 * gives it back.
 */
export function EvidenceItem({ item, onRemove, onEditCriteria, onRemoved }: Props) {
  const ids = useId();
  const { confirming, removing, error, ask, dismiss, confirm, onKeyDown, removeButton, cancelButton } = useRemoveConfirmation(item.id, onRemove, onRemoved);

  const titleId = `${ids}-title`;
  const questionId = `${ids}-question`;
  return (
    <li className="evidence-item" data-evidence-id={item.id}>
      <EvidenceRecord evidence={item} size="thumbnail" titleId={titleId} />
      {item.note && (
        <p className="evidence-caption">
          <span className="evidence-caption-label">{t('evidenceNote')} :</span> {item.note}
        </p>
      )}
      <div className="evidence-actions">
        {confirming ? (
          <div className="evidence-confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
            <p id={questionId}>{t('evidenceRemoveQuestion')}</p>
            <button type="button" onClick={() => void confirm()} disabled={removing} aria-describedby={titleId}>
              {t('evidenceRemoveConfirm')}
            </button>{' '}
            <button type="button" ref={cancelButton} onClick={dismiss} disabled={removing}>
              {t('evidenceRemoveCancel')}
            </button>
          </div>
        ) : (
          <>
            {onEditCriteria && (
              <>
                <button type="button" onClick={() => onEditCriteria(item)} aria-describedby={titleId}>
                  {t('evidenceEditCriteria')}
                </button>{' '}
              </>
            )}
            <button type="button" ref={removeButton} onClick={ask} aria-describedby={titleId}>
              {t('evidenceRemove')}
            </button>
          </>
        )}
      </div>
      {error && (
        <div role="alert" className="evidence-error">
          <p>{error}</p>
        </div>
      )}
    </li>
  );
}
