// The juror's request for suggestions, step by step: prepare (shown, nothing sent) → send on the
// juror's click (host access asked in that click) → streaming progress, stoppable → the run's
// suggestions stored with the evaluation, or the failure in words with « Réessayer ». A partial
// answer names the criteria left out; asking again for them is a new request (scope 'missing').
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import { saveRun } from '../workspace/ai-suggestions';
import type { WorkspaceDb } from '../workspace/db';
import { storageErrorMessage } from '../workspace/errors';
import type { AiConfig, InjectionWarning, PreparedRequest, SuggestionRequest, SuggestionRun } from '../ai/contract';
import type { AiPanelServices } from '../ai/ui-services';
import { errorInWords, requestProviderAccess, restoreRun, type ErrorInWords } from '../ai/ui-suggestions';
import { M } from '../ai/ui-messages';

/** The whole bloc, one criterion, or the criteria a previous answer left out. */
export type Scope = { kind: 'bloc' } | { kind: 'criterion'; criterionId: string } | { kind: 'missing'; criterionIds: string[] };

interface Prepared {
  scope: Scope;
  prepared: PreparedRequest;
  config: AiConfig;
  snapshot: PageSnapshot;
  findings: readonly Finding[];
}

export type Flow =
  | { step: 'idle' }
  | ({ step: 'preview' } & Prepared)
  | ({ step: 'running'; received: number } & Prepared)
  | ({ step: 'error'; error: ErrorInWords; unsaved: SuggestionRun | null } & Prepared)
  | { step: 'stopped'; scope: Scope }
  /** Could not even prepare the request (nothing was sent). */
  | { step: 'failed'; scope: Scope; error: ErrorInWords }
  | { step: 'done'; scope: Scope; count: number; warnings: InjectionWarning[]; asked: number; missing: string[]; unasked: string[] };

export interface FlowInput {
  services: AiPanelServices;
  db: WorkspaceDb;
  evaluationId: string;
  actor: string | null;
}

/** Announcing every streamed chunk would flood a screen reader: progress updates at most this often. */
const PROGRESS_EVERY_MS = 1000;

/** The run stored: how many suggestions, what the page tried to tell the model, what was left out. */
const doneFlow = (from: Prepared, run: SuggestionRun): Flow => ({
  step: 'done',
  scope: from.scope,
  count: run.suggestions.length,
  warnings: run.injectionWarnings,
  asked: from.prepared.criterionIds.length,
  missing: run.missingCriterionIds ?? [],
  unasked: run.unaskedCriterionIds ?? [],
});

const storageFailure = (e: unknown): ErrorInWords => ({
  code: 'failed',
  retryable: true,
  text: { fr: `${M.storageFailed.fr} ${storageErrorMessage(e)}`, en: `${M.storageFailed.en} ${storageErrorMessage(e)}` },
});

interface Sending {
  services: AiPanelServices;
  db: WorkspaceDb;
  evaluationId: string;
  from: Prepared;
  /** The flow's generation this request belongs to: a later one (stop, new request, leaving) silences it. */
  mine: number;
  generation: RefObject<number>;
  controller: RefObject<AbortController | null>;
  abort: AbortController;
  /** Host access, asked in the juror's click. */
  access: Promise<boolean | null>;
  setFlow: Dispatch<SetStateAction<Flow>>;
  store: (mine: number, from: Prepared, run: SuggestionRun) => Promise<void>;
}

/** Sends the prepared request, streaming progress, then stores the run; a failure or a stop ends the flow in words. */
async function requestAndStore({ services, db, evaluationId, from, mine, generation, controller, abort, access, setFlow, store }: Sending) {
  let last = 0;
  const granted = await access;
  try {
    // Evidence references are checked against the evaluation's evidence items as they are now.
    const evidenceIds = (await db.evidence.where('evaluationId').equals(evaluationId).primaryKeys()) as string[];
    const run = await services.request(from.prepared, from.config, {
      signal: abort.signal,
      snapshot: from.snapshot,
      findings: from.findings,
      evidenceIds,
      onProgress: (received) => {
        const now = Date.now();
        if (mine !== generation.current || now - last < PROGRESS_EVERY_MS) return;
        last = now;
        setFlow((f) => (f.step === 'running' ? { ...f, received } : f));
      },
    });
    if (mine !== generation.current) return;
    await store(mine, from, restoreRun(run, from.prepared.redactions));
  } catch (e) {
    if (mine !== generation.current) return;
    if (abort.signal.aborted) {
      setFlow({ step: 'stopped', scope: from.scope });
      return;
    }
    const error = errorInWords(e);
    // Refused host access explains the network failure that follows.
    const explained = granted === false && error.code === 'network' ? { ...error, text: M.noAccess } : error;
    setFlow({ step: 'error', ...from, error: explained, unsaved: null });
  } finally {
    if (controller.current === abort) controller.current = null;
  }
}

export function useSuggestionFlow({ services, db, evaluationId, actor }: FlowInput) {
  const [flow, setFlow] = useState<Flow>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const generation = useRef(0);

  // Leaving the evaluation (or closing the panel) stops a request under way.
  useEffect(
    () => () => {
      generation.current++;
      controller.current?.abort();
    },
    [evaluationId],
  );

  /** Builds what would be sent and shows it; nothing leaves the browser. */
  const start = useCallback(
    (scope: Scope, request: SuggestionRequest, config: AiConfig) => {
      controller.current?.abort();
      generation.current++;
      try {
        setFlow({ step: 'preview', scope, config, snapshot: request.snapshot, findings: request.findings, prepared: services.prepare(request, config) });
      } catch (e) {
        setFlow({ step: 'failed', scope, error: errorInWords(e) });
      }
    },
    [services],
  );

  const store = useCallback(
    async (mine: number, from: Prepared, run: SuggestionRun) => {
      try {
        await saveRun(db, evaluationId, run, actor);
        if (mine === generation.current) setFlow(doneFlow(from, run));
      } catch (e) {
        if (mine === generation.current) setFlow({ step: 'error', ...from, unsaved: run, error: storageFailure(e) });
      }
    },
    [db, evaluationId, actor],
  );

  /** Sends what the preview shows. Call it from the click: host access is asked in that task. */
  const send = useCallback(() => {
    if (flow.step !== 'preview' && flow.step !== 'error') return;
    const from: Prepared = { scope: flow.scope, prepared: flow.prepared, config: flow.config, snapshot: flow.snapshot, findings: flow.findings };
    const mine = ++generation.current;
    // A failed save keeps the answer: retrying stores it again rather than asking the model twice.
    if (flow.step === 'error' && flow.unsaved) {
      void store(mine, from, flow.unsaved);
      return;
    }
    const access = requestProviderAccess(from.config.baseUrl);
    const abort = new AbortController();
    controller.current?.abort();
    controller.current = abort;
    setFlow({ step: 'running', ...from, received: 0 });
    void requestAndStore({ services, db, evaluationId, from, mine, generation, controller, abort, access, setFlow, store });
  }, [flow, services, store, db, evaluationId]);

  const stop = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => {
    generation.current++;
    controller.current?.abort();
    setFlow({ step: 'idle' });
  }, []);

  return { flow, start, send, stop, dismiss };
}
