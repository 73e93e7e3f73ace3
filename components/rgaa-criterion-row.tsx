import { useCallback, useId } from 'react';
import { useOptimisticChoice } from '@/lib/hooks/use-optimistic-choice';
import { useSavedText } from '@/lib/hooks/use-saved-text';
import type { RgaaCriterionData } from '@/lib/rgaa/criteria';
import { RGAA_RESULTS, type RgaaProposal } from '@/lib/rgaa/grid';
import { MSG, pick, RESULT_LABELS } from '@/lib/rgaa/messages';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { draftsOf } from '@/lib/drafts/store';
import { setCriterion, type AuditedPage } from '@/lib/rgaa/audits';
import type { RgaaCriterionResult, RgaaResult } from '@/lib/workspace/types';
import { RgaaText } from './rgaa-text';
import { StorageError } from './storage-error';

interface Props {
  db: WorkspaceDb;
  page: AuditedPage;
  criterion: RgaaCriterionData;
  entry: RgaaCriterionResult | undefined;
  /** The automated pass's proposal for this criterion, not applied yet. */
  proposal: RgaaProposal | undefined;
  who: string | null;
}

/** One RGAA criterion in the grid: the juror's result (C, NC, NA, NT) and comment. */
export function RgaaCriterionRow({ db, page, criterion, entry, proposal, who }: Props) {
  const ids = useId();
  const stored: RgaaResult = entry?.result ?? 'NT';
  const result = useOptimisticChoice(stored, entry?.source === 'juror');
  const shown = result.shown;
  const choose = (next: RgaaResult) => result.choose(next, () => setCriterion(db, page, { criterion: criterion.number, result: next }, who));

  // Each change of a comment is a history entry: saved after a longer pause than an observation
  // (its draft keeps every keystroke meanwhile).
  const comment = useSavedText({
    stored: entry?.comment ?? '',
    save: useCallback(
      (text: string, base: string) => setCriterion(db, page, { criterion: criterion.number, comment: text, commentBase: base }, who),
      [db, page, criterion.number, who],
    ),
    drafts: draftsOf(db),
    field: { kind: 'rgaa-comment', evaluationId: page.evaluationId, pageUrl: page.pageUrl, pageTitle: page.pageTitle, criterion: criterion.number },
    who,
    delayMs: 1_500,
  });

  const resultLabel = pick(MSG.resultOf(criterion.number));
  return (
    <li className={`rgaa-criterion rgaa-result-${shown}`}>
      <p className="rgaa-criterion-title" id={`${ids}-t`}>
        <strong>{criterion.number}</strong> <RgaaText text={criterion.title} />
      </p>
      <fieldset className="status-group" role="radiogroup" aria-label={resultLabel}>
        <legend className="visually-hidden">{resultLabel}</legend>
        {RGAA_RESULTS.map((r) => (
          <label key={r} className={`status rgaa-${r}`}>
            <input type="radio" name={`rgaa-${ids}`} value={r} checked={shown === r} onChange={() => choose(r)} />
            {pick(RESULT_LABELS[r])}
          </label>
        ))}
      </fieldset>
      {entry?.source === 'automated' && <p className="rgaa-automated-mark">{pick(MSG.proposed)}</p>}
      {proposal && entry?.source !== 'automated' && (
        <p className="hint">
          {pick(MSG.proposed)} : {pick(RESULT_LABELS[proposal.result])}
        </p>
      )}
      <label htmlFor={`${ids}-c`} className="observation-label">
        {pick(MSG.commentOf(criterion.number))}
      </label>
      <textarea
        id={`${ids}-c`}
        className="observation"
        rows={entry?.source === 'automated' ? 4 : 2}
        ref={comment.ref}
        value={comment.value}
        onChange={(e) => comment.onChange(e.currentTarget.value)}
        onFocus={comment.onFocus}
        onBlur={() => void comment.onBlur()}
      />
      <RgaaOfficialTests criterion={criterion} />
      <StorageError error={comment.error} onRetry={comment.retry} />
      <StorageError error={result.error} onRetry={result.retry} />
    </li>
  );
}

/** The criterion's tests as the RGAA words them, folded. */
function RgaaOfficialTests({ criterion }: { criterion: RgaaCriterionData }) {
  return (
    <details className="rgaa-tests">
      <summary>{pick(MSG.officialText)}</summary>
      <ol>
        {criterion.tests.map((t) => (
          <li key={t.number}>
            <strong>{t.number}</strong>{' '}
            {t.lines.length === 1 ? (
              <RgaaText text={t.lines[0]!} />
            ) : (
              <>
                <RgaaText text={t.lines[0]!} />
                <ul>
                  {t.lines.slice(1).map((line, i) => (
                    <li key={i}>
                      <RgaaText text={line} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
