import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import type { EvidenceSaveInput } from '@/lib/capture/to-evidence';
import { t } from '@/lib/i18n';
import { useFormDraft, type FormDraft } from '@/lib/hooks/use-form-draft';
import { useUnsaved } from '@/lib/hooks/use-unsaved';
import type { DraftField, DraftsDb } from '@/lib/drafts/store';
import { storageErrorMessage } from '@/lib/workspace/errors';
import { EvidenceRecord, type EvidenceView } from './evidence-record';

export interface EvidenceCriterionChoice {
  /** The criterion's stored id. */
  id: string;
  /** Display code, « C2.1 · critère 2 ». */
  label: string;
  /** The criterion's text, as in the référentiel. */
  text: string;
}

export type { EvidenceSaveInput };

export interface EvidenceCaptureDialogProps {
  /** The pending capture (quote, screenshot or link) — or a saved evidence row, to edit it. */
  capture: EvidenceView;
  /** The criteria it can back, in the order to show them. */
  criteria: readonly EvidenceCriterionChoice[];
  /** Ticked at first (the criterion the juror was on; an edited row's criteria). Ids not in `criteria` are kept on save. */
  initialCriterionIds?: readonly string[];
  initialNote?: string;
  mode?: 'add' | 'edit';
  /** Where the caption is kept while typed (it comes back if the panel closes or the browser dies first). */
  draft: { drafts: DraftsDb; field: DraftField; who: string | null };
  /** May return a promise: the dialog waits, and shows a failure (in French) without losing the juror's choices. */
  onSave: (input: EvidenceSaveInput) => void | Promise<void>;
  onCancel: () => void;
}

/** The criteria ticked, in the order shown, then those of another bloc that were ticked already. */
function chosenCriterionIds(criteria: readonly EvidenceCriterionChoice[], initialCriterionIds: readonly string[], checked: ReadonlySet<string>): string[] {
  const shown = new Set(criteria.map((c) => c.id));
  return [
    ...criteria.filter((c) => checked.has(c.id)).map((c) => c.id),
    // Criteria of another bloc (editing a row) are not shown here, and not dropped either.
    ...initialCriterionIds.filter((id) => !shown.has(id) && checked.has(id)),
  ];
}

/** The criteria ticked and the save: at least one criterion, a failure said without losing the juror's choices. */
function useEvidenceChoices({ criteria, initialCriterionIds, onSave, caption }: { criteria: readonly EvidenceCriterionChoice[]; initialCriterionIds: readonly string[]; onSave: EvidenceCaptureDialogProps['onSave']; caption: FormDraft }) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(initialCriterionIds));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);
  const note = caption.text;

  const toggle = (id: string, on: boolean) => {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    if (on) setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const criterionIds = chosenCriterionIds(criteria, initialCriterionIds, checked);
    if (!criteria.some((c) => checked.has(c.id))) {
      setError(t('evidenceNeedCriterion'));
      firstChoice.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({ criterionIds, note: note.trim() });
      caption.saved();
    } catch (e) {
      setError(storageErrorMessage(e, { retry: t('evidenceSave') }));
    } finally {
      setSaving(false);
    }
  };

  return { checked, toggle, error, saving, submit, firstChoice };
}

/**
 * Attaches a capture to criteria: shows what was seen (the quote as text, the screenshot, the
 * link; its address, page title and time), lets the juror tick the criteria it backs and add a
 * caption. A non-modal dialog inside the panel: focus goes to its title, Escape cancels.
 */
export function EvidenceCaptureDialog({
  capture,
  criteria,
  initialCriterionIds = [],
  initialNote = '',
  mode = 'add',
  draft,
  onSave,
  onCancel,
}: EvidenceCaptureDialogProps) {
  const ids = useId();
  const stored = useMemo(() => ({ text: initialNote, choice: null }), [initialNote]);
  const caption = useFormDraft({ ...draft, stored });
  const note = caption.text;
  // A capture being added is not saved yet at all; an edited one once its caption changed.
  useUnsaved(mode === 'add' || caption.dirty, t('unsavedEvidence'), caption.discard);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const { checked, toggle, error, saving, submit, firstChoice } = useEvidenceChoices({ criteria, initialCriterionIds, onSave, caption });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing && !saving) {
      event.stopPropagation();
      cancel();
    }
  };
  const cancel = () => {
    caption.discard();
    onCancel();
  };

  const legendId = `${ids}-legend`;
  const errorId = `${ids}-error`;
  return (
    <section role="dialog" aria-labelledby={`${ids}-title`} className="evidence-dialog" onKeyDown={onKeyDown}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t(mode === 'edit' ? 'evidenceDialogEditTitle' : 'evidenceDialogTitle')}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h3 className="visually-hidden">{t('evidenceRecord')}</h3>
        <EvidenceRecord evidence={capture} />
        <CriteriaChoice criteria={criteria} checked={checked} onToggle={toggle} firstChoice={firstChoice} legendId={legendId} errorId={error ? errorId : undefined} />
        <label htmlFor={`${ids}-note`}>{t('evidenceCaption')}</label>
        <textarea id={`${ids}-note`} className="evidence-note" rows={2} value={note} onChange={(e) => caption.set({ text: e.currentTarget.value })} />
        {caption.restored && <p className="hint">{t('restoredDraft')}</p>}
        <div role="alert" id={errorId} className="evidence-error">
          {error && <p>{error}</p>}
        </div>
        <div className="evidence-buttons">
          <button type="submit" disabled={saving || criteria.length === 0}>
            {saving ? t('evidenceSaving') : t('evidenceSave')}
          </button>{' '}
          <button type="button" onClick={cancel} disabled={saving}>
            {t('evidenceCancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface CriteriaChoiceProps {
  criteria: readonly EvidenceCriterionChoice[];
  checked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  /** Focused when saving finds none ticked. */
  firstChoice: RefObject<HTMLInputElement | null>;
  legendId: string;
  /** The error saying none is ticked, when shown. */
  errorId: string | undefined;
}

/** The criteria the capture can back, as checkboxes with their code and text. */
function CriteriaChoice({ criteria, checked, onToggle, firstChoice, legendId, errorId }: CriteriaChoiceProps) {
  return (
    <fieldset className="evidence-criteria" aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend id={legendId}>{t('evidenceCriteriaLegend')}</legend>
      {criteria.length === 0 ? (
        <p className="hint">{t('evidenceNoCriteria')}</p>
      ) : (
        criteria.map((c, i) => (
          <label key={c.id} className="evidence-choice">
            <input ref={i === 0 ? firstChoice : undefined} type="checkbox" value={c.id} checked={checked.has(c.id)} onChange={(e) => onToggle(c.id, e.currentTarget.checked)} />{' '}
            <span className="evidence-choice-label">{c.label}</span> <span className="evidence-choice-text">{c.text}</span>
          </label>
        ))
      )}
    </fieldset>
  );
}
