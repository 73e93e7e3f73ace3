import { useEffect, useMemo, useRef, useState } from 'react';
import { PROVIDER_PRESETS } from '@/lib/ai/providers';
import type { Flow } from '@/lib/hooks/use-suggestion-flow';
import { M } from '@/lib/ai/ui-messages';
import { formatCount } from '@/lib/ai/ui-suggestions';
import { pick, t } from '@/lib/i18n';
import { acceptSuggestion, editSuggestion, rejectSuggestion } from '@/lib/workspace/ai-suggestions';
import type { AiSuggestionRow } from '@/lib/workspace/types';
import { AiInjectionWarnings } from './ai-injection-warnings';
import { AiMissingCriteria } from './ai-missing-criteria';
import { AiRequestPreview } from './ai-request-preview';
import { AiSuggestionCard } from './ai-suggestion-card';
import { useAiSuggestions, type AiSuggestionsState } from './ai-suggestions-provider';

function scopeLabel(state: AiSuggestionsState, flow: Extract<Flow, { scope: unknown }>) {
  const { scope } = flow;
  if (scope.kind === 'bloc') return pick(M.previewScopeBloc(state.items.length));
  if (scope.kind === 'missing') return pick(M.previewScopeMissing(scope.criterionIds.length));
  return pick(M.previewScopeCriterion(state.codes.get(scope.criterionId) ?? scope.criterionId));
}

/** Progress and outcome of the request under way, announced; errors in words with « Réessayer ». */
function FlowView({ state }: { state: AiSuggestionsState }) {
  const { flow } = state;
  const status =
    flow.step === 'running'
      ? flow.received > 0
        ? pick(M.running(formatCount(flow.received)))
        : pick(M.starting)
      : flow.step === 'stopped'
        ? pick(M.stopped)
        : flow.step === 'done'
          ? flow.count
            ? pick(M.done(flow.count))
            : pick(M.doneNone)
          : '';
  const error = flow.step === 'error' || flow.step === 'failed' ? pick(flow.error.text) : '';
  return (
    <div ref={state.flowRef} tabIndex={-1} className="ai-flow">
      {flow.step === 'preview' && <AiRequestPreview prepared={flow.prepared} config={flow.config} scopeLabel={scopeLabel(state, flow)} onSend={state.send} onCancel={state.dismiss} />}
      <div role="status" aria-live="polite" className="ai-status">
        {status && <p>{status}</p>}
      </div>
      {flow.step === 'running' && (
        <button type="button" onClick={state.stop}>
          {pick(M.stop)}
        </button>
      )}
      {flow.step === 'done' && (
        <>
          {flow.unasked.length > 0 && <p className="notice">{pick(M.unasked(flow.unasked.map((id) => `« ${id} »`).join(', ')))}</p>}
          <AiMissingCriteria
            missing={flow.missing}
            asked={flow.asked}
            items={state.items}
            codes={state.codes}
            onAsk={(criterionIds) => state.prepare({ kind: 'missing', criterionIds })}
          />
          <AiInjectionWarnings warnings={flow.warnings} />
        </>
      )}
      <div role="alert" className="ai-error">
        {error && <p>{error}</p>}
      </div>
      {flow.step === 'error' && (
        <div className="ai-actions">
          {flow.error.retryable && (
            <button type="button" onClick={state.send}>
              {pick(M.retry)}
            </button>
          )}{' '}
          <button type="button" onClick={state.dismiss}>
            {pick(M.cancel)}
          </button>
        </div>
      )}
    </div>
  );
}

/** The suggestions kept with the evaluation, in the référentiel's order: pending first, then those handled. */
function Results({ state }: { state: AiSuggestionsState }) {
  const { rows, items, codes, db, actor, findingTitle } = state;
  const order = useMemo(() => new Map(items.map((item, i) => [item.criterion.id, i])), [items]);
  const sorted = useMemo(
    () => [...(rows ?? [])].sort((a, b) => (order.get(a.criterionId) ?? 1e9) - (order.get(b.criterionId) ?? 1e9) || b.createdAt - a.createdAt),
    [rows, order],
  );
  // Another bloc's suggestions stay with their bloc.
  const shown = sorted.filter((r) => order.has(r.criterionId));
  const pending = shown.filter((r) => r.action === 'pending');
  const handled = shown.filter((r) => r.action !== 'pending');
  // A handled card moves to the list below: the focus goes on to the next suggestion to handle.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!focusNext || !list.current) return;
    const next =
      [...list.current.querySelectorAll<HTMLElement>('[data-suggestion]')].find((el) => el.dataset.suggestion === focusNext) ??
      list.current.querySelector<HTMLElement>('.ai-handled > summary');
    if (next) {
      next.focus();
      setFocusNext(null);
    }
  }, [focusNext, rows]);
  const acted = (row: AiSuggestionRow) => (work: Promise<void>) =>
    work.then(() => {
      const i = pending.findIndex((r) => r.id === row.id);
      setFocusNext((pending[i + 1] ?? pending[i - 1])?.id ?? '-');
    });
  const card = (row: AiSuggestionRow) => (
    <li key={row.id} data-suggestion={row.id} tabIndex={-1}>
      <AiSuggestionCard
        row={row}
        code={codes.get(row.criterionId) ?? row.criterionId}
        findingTitle={findingTitle}
        onAccept={(text) => acted(row)(acceptSuggestion(db, row.id, text, actor))}
        onEdit={(text) => acted(row)(editSuggestion(db, row.id, text, actor))}
        onReject={() => acted(row)(rejectSuggestion(db, row.id, actor))}
      />
    </li>
  );
  if (!shown.length) return null;
  return (
    <div ref={list}>
      {pending.length > 0 && (
        <>
          <h3>{pick(M.resultsHeading)}</h3>
          <ul className="finding-list ai-results">{pending.map(card)}</ul>
        </>
      )}
      {handled.length > 0 && (
        <details className="ai-handled">
          <summary>{pick(M.handledHeading(handled.length))}</summary>
          <ul className="finding-list">{handled.map(card)}</ul>
        </details>
      )}
    </div>
  );
}

/**
 * « Suggestions d'observations (IA) » inside an open evaluation (under AiSuggestionsProvider):
 * how to set an endpoint up when there is none, the page to analyse first, the bloc's request
 * (one batched request), the preview before sending, progress, errors, and the suggestions.
 */
export function AiSuggestionsSection() {
  const state = useAiSuggestions();
  if (!state) return null;
  const { config, analysed, analysis, flow } = state;
  const ready = config.status === 'ready' && config.config !== null && analysed;
  const busy = flow.step === 'running';
  return (
    <section className="ai-suggestions" aria-labelledby="ai-suggestions-heading">
      <h2 id="ai-suggestions-heading">{pick(M.heading)}</h2>
      <p className="hint">{pick(M.intro)}</p>
      {config.status === 'loading' && <p role="status">{pick(M.loadingConfig)}</p>}
      {config.status === 'ready' && !config.config && (
        <div className="notice ai-setup">
          <p>{pick(M.notConfigured)}</p>
          <button type="button" onClick={state.services.openOptions}>
            {pick(M.openOptions)}
          </button>
        </div>
      )}
      {config.status === 'ready' && config.config && !analysed && <p className="notice">{pick(M.analyseFirst(t('analysisRun')))}</p>}
      {config.status === 'ready' && config.config && (
        <p className="hint">
          {pick(M.endpoint(config.config.model, PROVIDER_PRESETS[config.config.provider]?.label ?? config.config.provider))}
          {analysed && analysis?.analyzedUrl ? ` ${pick(M.analysedPage(analysis.analyzedUrl))}` : ''}
        </p>
      )}
      {ready && (
        <>
          <button type="button" disabled={busy} onClick={() => state.prepare({ kind: 'bloc' })}>
            {pick(M.wholeBloc(state.items.length))}
          </button>
          <p className="hint">{pick(M.perCriterionHint)}</p>
        </>
      )}
      <FlowView state={state} />
      <Results state={state} />
    </section>
  );
}
