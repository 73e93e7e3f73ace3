import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { unsavedForms, useUnsavedForms } from '@/lib/hooks/use-unsaved';

export interface LeaveGuard {
  /** Runs `leave` at once when nothing is unsaved; otherwise asks first. */
  guard: (leave: () => void) => void;
  /** The question, where the view shows it (null when not asking). */
  prompt: ReactNode;
}

/**
 * Leaving the evaluation (closing it, another bloc) with a form not saved: « Non enregistré : la
 * décision du bloc B1. Quitter sans enregistrer ? » with « Rester et enregistrer » (focused, the
 * safe answer) and « Quitter sans enregistrer » (the forms go back to what is stored).
 */
export function useLeaveGuard(): LeaveGuard {
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const guard = useCallback((leave: () => void) => {
    if (!unsavedForms().length) return leave();
    returnFocus.current = document.activeElement as HTMLElement | null;
    setLeaving(() => leave);
  }, []);
  const stay = useCallback(() => {
    setLeaving(null);
    returnFocus.current?.focus();
  }, []);
  const discard = useCallback(() => {
    const leave = leaving;
    for (const form of unsavedForms()) form.discard();
    setLeaving(null);
    leave?.();
  }, [leaving]);
  return { guard, prompt: leaving ? <LeavePrompt onStay={stay} onDiscard={discard} /> : null };
}

function LeavePrompt({ onStay, onDiscard }: { onStay: () => void; onDiscard: () => void }) {
  const forms = useUnsavedForms();
  const ids = useId();
  const stayButton = useRef<HTMLButtonElement>(null);
  useEffect(() => stayButton.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${ids}-q`}
      className="leave-guard"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onStay();
        }
      }}
    >
      <p id={`${ids}-q`}>
        <strong className="unsaved">{t('leaveQuestion', forms.map((f) => f.label).join(', '))}</strong>
      </p>
      <div className="leave-guard-buttons">
        <button type="button" ref={stayButton} onClick={onStay}>
          {t('leaveStay')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('leaveDiscard')}
        </button>
      </div>
    </div>
  );
}
