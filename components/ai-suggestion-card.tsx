import { useId, useState } from 'react';
import { PROVIDER_PRESETS } from '@/lib/ai/providers';
import { M } from '@/lib/ai/ui-messages';
import { formatCount, formatWhen, suggestionText } from '@/lib/ai/ui-suggestions';
import { pick } from '@/lib/i18n';
import type { Provider } from '@/lib/ai/contract';
import type { AiSuggestionRow } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface Props {
  row: AiSuggestionRow;
  /** « C1 · critère 2 ». */
  code: string;
  findingTitle: (ruleId: string) => string | null;
  onAccept: (text: string) => Promise<void>;
  onEdit: (text: string) => Promise<void>;
  onReject: () => Promise<void>;
}

const providerLabel = (provider: string) => PROVIDER_PRESETS[provider as Provider]?.label ?? provider;

/**
 * One criterion's suggestion: the observed facts with their quotes (verified in the page or not),
 * references to findings, what is missing, « preuves insuffisantes », questions for the oral —
 * and the juror's hand: accept, edit, reject. Model text is shown as text, never as HTML; no
 * status is shown or suggested.
 */
export function AiSuggestionCard({ row, code, findingTitle, onAccept, onEdit, onReject }: Props) {
  const s = row.suggestion;
  const ids = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const pending = row.action === 'pending';

  const act = (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const attempt = () =>
      work().then(
        () => {
          setBusy(false);
          setEditing(null);
          setRetry(null);
        },
        (e: unknown) => {
          setBusy(false);
          setError(e);
          setRetry(() => () => {
            setBusy(true);
            void attempt();
          });
        },
      );
    void attempt();
  };

  const who = row.actedBy ?? pick(M.someone);
  const when = row.actedAt ? formatWhen(row.actedAt) : '';
  return (
    <article className={`ai-suggestion finding${s.flagged ? ' finding-fail' : ''}`} aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`} className="finding-title">
        {pick(M.criterionHeading(code))}
      </h4>
      {s.flagged && <p className="ai-flagged">⚠ {pick(M.flagged)}</p>}
      {s.insufficientEvidence && (
        <p className="ai-insufficient">
          <strong>{pick(M.insufficient)}</strong>
        </p>
      )}
      {s.facts.length > 0 && (
        <>
          <h5 className="ai-subheading">{pick(M.facts)}</h5>
          <ul className="ai-facts">
            {s.facts.map((fact, i) => (
              <li key={i}>
                {fact.text}
                {fact.quote && (
                  <>
                    <blockquote className="evidence-quote">{fact.quote}</blockquote>
                    {fact.verified === true && <span className="ai-quote-verified">✓ {pick(M.quoteVerified)}</span>}
                    {fact.verified === false && (
                      <span className="ai-quote-unverified">
                        <strong>⚠ {pick(M.quoteUnverified)}</strong>
                      </span>
                    )}
                  </>
                )}
                {fact.findingRuleId && <p className="hint">{pick(M.findingRef(findingTitle(fact.findingRuleId) ?? fact.findingRuleId))}</p>}
                {fact.evidenceId && <p className="hint">{pick(M.evidenceRef)}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.missing.length > 0 && (
        <>
          <h5 className="ai-subheading">{pick(M.missing)}</h5>
          <ul>
            {s.missing.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {s.questions.length > 0 && (
        <>
          <h5 className="ai-subheading">{pick(M.questions)}</h5>
          <ul>
            {s.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">
        {pick(M.meta(row.model, providerLabel(row.provider), `${row.promptId} v${row.promptVersion}`, formatWhen(row.createdAt)))}
        {row.usage && ` ${pick(M.tokens(formatCount(row.usage.promptTokens), formatCount(row.usage.completionTokens)))}`}
      </p>
      {pending && editing === null && (
        <div className="finding-actions" role="group" aria-label={pick(M.criterionHeading(code))}>
          <button type="button" aria-label={pick(M.acceptFor(code))} disabled={busy} onClick={() => act(() => onAccept(suggestionText(s, findingTitle)))}>
            {pick(M.accept)}
          </button>
          <button type="button" aria-label={pick(M.editFor(code))} disabled={busy} onClick={() => setEditing(suggestionText(s, findingTitle))}>
            {pick(M.edit)}
          </button>
          <button type="button" aria-label={pick(M.rejectFor(code))} disabled={busy} onClick={() => act(onReject)}>
            {pick(M.reject)}
          </button>
        </div>
      )}
      {pending && editing !== null && (
        <div className="ai-edit">
          <label htmlFor={`${ids}-edit`}>{pick(M.editLabel(code))}</label>
          <textarea id={`${ids}-edit`} className="evidence-note" rows={6} value={editing} aria-describedby={`${ids}-edit-hint`} onChange={(e) => setEditing(e.currentTarget.value)} autoFocus />
          <p id={`${ids}-edit-hint`} className="hint">
            {pick(M.editHint)}
          </p>
          <button type="button" disabled={busy || !editing.trim()} onClick={() => act(() => onEdit(editing))}>
            {pick(M.saveEdit)}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setEditing(null)}>
            {pick(M.cancel)}
          </button>
        </div>
      )}
      {!pending && (
        <div className="ai-outcome">
          <p>
            <strong>
              {row.action === 'accepted' && pick(M.actionAccepted(who, when))}
              {row.action === 'edited' && pick(M.actionEdited(who, when))}
              {row.action === 'rejected' && pick(M.actionRejected(who, when))}
            </strong>
          </p>
          {row.finalText && (
            <>
              <p className="hint">{pick(M.savedText)} :</p>
              <blockquote className="evidence-quote">{row.finalText}</blockquote>
            </>
          )}
        </div>
      )}
      <StorageError error={error} onRetry={retry ?? undefined} />
    </article>
  );
}
