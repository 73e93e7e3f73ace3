import { useId, useMemo, useState } from 'react';
import type { VerifiedSuggestion } from '@/lib/ai/contract';
import { PROVIDER_PRESETS } from '@/lib/ai/providers';
import { M } from '@/lib/ai/ui-messages';
import { formatCount, formatWhen, suggestionText } from '@/lib/ai/ui-suggestions';
import { findVerdictWording, modelTexts } from '@/lib/ai/verdict';
import { pick } from '@/lib/i18n';
import type { Provider } from '@/lib/ai/contract';
import type { AiSuggestionRow } from '@/lib/workspace/types';
import { AiFactItem } from './ai-fact-item';
import { VerdictText } from './ai-verdict-text';
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

/** The verdict wording found in what the model wrote, and whether « Accepter » would copy some into the observation. */
function verdictOf(s: VerifiedSuggestion, proposed: string) {
  const words = [...new Set(modelTexts(s).flatMap((t) => findVerdictWording(t).map((r) => r.text)))];
  return { words, blocksAccept: findVerdictWording(proposed).length > 0 };
}
type Verdict = ReturnType<typeof verdictOf>;

/** One action at a time (accept, edit, reject); a failed one can be tried again as it was. */
function useCardAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const act = (work: () => Promise<void>, onDone: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const attempt = () =>
      work().then(
        () => {
          setBusy(false);
          onDone();
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
  return { busy, error, retry, act };
}

/**
 * One criterion's suggestion: the observed facts, each with its support and its problem beside it,
 * what is missing, « preuves insuffisantes », questions for the oral — and the juror's hand:
 * accept, edit, reject. Verdict wording the model wrote is marked (« c'est au jury de décider »),
 * and « Accepter » is unavailable while the text it would copy carries some: the juror rewrites
 * it first. Model text is shown as text, never as HTML; no status is shown or suggested.
 */
export function AiSuggestionCard({ row, code, findingTitle, onAccept, onEdit, onReject }: Props) {
  const s = row.suggestion;
  const ids = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const { busy, error, retry, act: run } = useCardAction();
  const act = (work: () => Promise<void>) => run(work, () => setEditing(null));
  const pending = row.action === 'pending';
  const proposed = suggestionText(s, findingTitle);
  const verdict = useMemo(() => verdictOf(s, proposed), [s, proposed]);
  return (
    <article className={`ai-suggestion finding${s.flagged ? ' finding-fail' : ''}`} aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`} className="finding-title">
        {pick(M.criterionHeading(code))}
      </h4>
      <SuggestionBody ids={ids} s={s} verdict={verdict} pending={pending} findingTitle={findingTitle} />
      <p className="hint">
        {pick(M.meta(row.model, providerLabel(row.provider), `${row.promptId} v${row.promptVersion}`, formatWhen(row.createdAt)))}
        {row.usage && ` ${pick(M.tokens(formatCount(row.usage.promptTokens), formatCount(row.usage.completionTokens)))}`}
      </p>
      {pending && editing === null && (
        <div className="finding-actions" role="group" aria-label={pick(M.criterionHeading(code))}>
          <button
            type="button"
            aria-label={pick(M.acceptFor(code))}
            aria-describedby={verdict.blocksAccept ? `${ids}-verdict` : undefined}
            disabled={busy || verdict.blocksAccept}
            onClick={() => act(() => onAccept(proposed))}
          >
            {pick(M.accept)}
          </button>
          <button type="button" aria-label={pick(M.editFor(code))} disabled={busy} onClick={() => setEditing(proposed)}>
            {pick(M.edit)}
          </button>
          <button type="button" aria-label={pick(M.rejectFor(code))} disabled={busy} onClick={() => act(onReject)}>
            {pick(M.reject)}
          </button>
        </div>
      )}
      {pending && editing !== null && (
        <SuggestionEditor ids={ids} code={code} editing={editing} onEditing={setEditing} busy={busy} proposed={proposed} verdict={verdict} onSave={() => act(() => onEdit(editing))} />
      )}
      {!pending && <SuggestionOutcome row={row} />}
      <StorageError error={error} onRetry={retry ?? undefined} />
    </article>
  );
}

/** What the model wrote: verdict wording marked, the facts, what is missing, questions for the oral. */
function SuggestionBody({ ids, s, verdict, pending, findingTitle }: { ids: string; s: VerifiedSuggestion; verdict: Verdict; pending: boolean; findingTitle: Props['findingTitle'] }) {
  return (
    <>
      {verdict.words.length > 0 && (
        <div id={`${ids}-verdict`} className="ai-verdict">
          <p>
            <strong>⚠ {pick(M.verdictHeading)}</strong> {pick(M.verdictFound(verdict.words.map((w) => `« ${w} »`).join(', ')))}
          </p>
          {pending && verdict.blocksAccept && <p>{pick(M.verdictBlocked)}</p>}
        </div>
      )}
      {s.facts.some((f) => (f.problems ?? []).length > 0) && <p className="ai-flagged">⚠ {pick(M.flagged)}</p>}
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
              <AiFactItem key={i} fact={fact} findingTitle={findingTitle} />
            ))}
          </ul>
        </>
      )}
      <ModelTextList heading={pick(M.missing)} texts={s.missing} />
      <ModelTextList heading={pick(M.questions)} texts={s.questions} />
    </>
  );
}

function ModelTextList({ heading, texts }: { heading: string; texts: readonly string[] }) {
  if (texts.length === 0) return null;
  return (
    <>
      <h5 className="ai-subheading">{heading}</h5>
      <ul>
        {texts.map((text, i) => (
          <li key={i}>
            <VerdictText text={text} />
          </li>
        ))}
      </ul>
    </>
  );
}

interface EditorProps {
  ids: string;
  code: string;
  editing: string;
  onEditing: (text: string | null) => void;
  busy: boolean;
  proposed: string;
  verdict: Verdict;
  onSave: () => void;
}

/** The juror's rewrite of the proposed text, verdict wording still in it marked. */
function SuggestionEditor({ ids, code, editing, onEditing, busy, proposed, verdict, onSave }: EditorProps) {
  const editVerdict = findVerdictWording(editing);
  // A text worded as a verdict is the juror's to rewrite: saved only once changed.
  const unchanged = verdict.blocksAccept && editing.trim() === proposed.trim();
  return (
    <div className="ai-edit">
      <label htmlFor={`${ids}-edit`}>{pick(M.editLabel(code))}</label>
      <textarea id={`${ids}-edit`} className="evidence-note" rows={6} value={editing} aria-describedby={editVerdict.length ? `${ids}-edit-hint ${ids}-edit-verdict` : `${ids}-edit-hint`} onChange={(e) => onEditing(e.currentTarget.value)} autoFocus />
      <p id={`${ids}-edit-hint`} className="hint">
        {pick(M.editHint)}
      </p>
      {editVerdict.length > 0 && (
        <p id={`${ids}-edit-verdict`} className="ai-verdict">
          ⚠ {unchanged ? pick(M.verdictUnchanged) : pick(M.verdictStill(editVerdict.map((r) => `« ${r.text} »`).join(', ')))}
        </p>
      )}
      <button type="button" disabled={busy || !editing.trim() || unchanged} onClick={onSave}>
        {pick(M.saveEdit)}
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => onEditing(null)}>
        {pick(M.cancel)}
      </button>
    </div>
  );
}

/** What the juror did with it, and the text saved. */
function SuggestionOutcome({ row }: { row: AiSuggestionRow }) {
  const who = row.actedBy ?? pick(M.someone);
  const when = row.actedAt ? formatWhen(row.actedAt) : '';
  return (
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
  );
}
