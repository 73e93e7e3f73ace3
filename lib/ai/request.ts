// Sends a prepared request and turns the answer into verified suggestions. Streaming (progress,
// cancel through the signal), a watchdog that ends a silent stream after the configured timeout,
// up to three attempts with exponential backoff for rate limits (honouring Retry-After), provider
// errors and network failures — never for a wrong key, an unknown model or a refusal. Structured
// output (json_schema); a provider that rejects it (older Ollama, some compatible servers) gets
// json_object, then no response_format, the prompt itself describing the JSON expected. An answer
// that does not fit the schema gets one repair request; then it is an error. An empty answer (no
// choices, no text) is its own error: there is nothing to repair. Placeholders are restored
// before quotes are checked against the original page.
import type OpenAI from 'openai';
import type { AiConfig, PreparedRequest, SuggestionBatch, SuggestionRun } from './contract';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import { createClient } from './client';
import { AiError, maskSecrets } from './errors';
import { toAiError } from './errors-map';
import { parseBatch } from './parse-answer';
import { promptById, type OutputSchema } from './prompts';
import { restore } from './redact';
import { responseFormatFor } from './response-format';
import { checkBatch } from './verify';

export const MAX_ATTEMPTS = 3;
/** A Retry-After longer than this is not waited for: the juror is told to come back later. */
export const MAX_RETRY_WAIT_MS = 60_000;
export const DEFAULT_BACKOFF_MS = 1_000;

export interface RequestSuggestionsOptions {
  signal?: AbortSignal;
  /** Characters of the answer received so far (current attempt). */
  onProgress?: (receivedChars: number) => void;
  /** The ORIGINAL page (not pseudonymised): quotes are verified against it. */
  snapshot: PageSnapshot;
  /** The findings of this analysis: finding references are checked against them. */
  findings: readonly Finding[];
  /** The evaluation's evidence items: evidence references are checked against them (none given: every one is flagged). */
  evidenceIds?: readonly string[];
  now?: () => number;
  /** First backoff delay (doubles each attempt); tests make it small. */
  backoffMs?: number;
}

type Message = { role: 'system' | 'user' | 'assistant'; content: string };
type Format = 'json_schema' | 'json_object' | 'none';
type Usage = NonNullable<SuggestionRun['usage']>;

interface Completion {
  content: string;
  refusal: string;
  finishReason: string | null;
  model: string | null;
  usage: Usage | null;
}

interface Settings {
  format: Format;
  includeUsage: boolean;
}

const RETRIED: ReadonlySet<string> = new Set(['rate-limited', 'provider-down', 'network']);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AiError('cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AiError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A 400/422 saying a parameter is not supported: which one we can drop. */
function unsupportedParameter(error: AiError): 'response_format' | 'stream_options' | null {
  if (error.status !== 400 && error.status !== 422) return null;
  const cause = error.cause as { message?: string } | undefined;
  const text = `${cause?.message ?? ''}`;
  if (/response_format|json_schema|structured output|json mode/i.test(text)) return 'response_format';
  if (/stream_options|include_usage/i.test(text)) return 'stream_options';
  return null;
}

/** One streamed completion; the watchdog aborts it when nothing arrives for timeoutMs. */
async function streamOnce(
  client: OpenAI,
  config: AiConfig,
  messages: readonly Message[],
  schema: OutputSchema,
  settings: Settings,
  options: RequestSuggestionsOptions,
): Promise<Completion> {
  const { signal } = options;
  if (signal?.aborted) throw new AiError('cancelled');
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);
  };
  const result: Completion = { content: '', refusal: '', finishReason: null, model: null, usage: null };
  try {
    arm();
    const stream = await client.chat.completions.create(
      {
        model: config.model,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        stream: true,
        ...(settings.includeUsage ? { stream_options: { include_usage: true } } : {}),
        ...(settings.format === 'json_schema'
          ? { response_format: responseFormatFor(schema) }
          : settings.format === 'json_object'
            ? { response_format: { type: 'json_object' as const } }
            : {}),
      },
      { signal: controller.signal },
    );
    for await (const chunk of stream) {
      arm();
      result.model ??= chunk.model || null;
      const choice = chunk.choices[0];
      if (choice?.delta?.content) {
        result.content += choice.delta.content;
        options.onProgress?.(result.content.length);
      }
      if (choice?.delta?.refusal) result.refusal += choice.delta.refusal;
      if (choice?.finish_reason) result.finishReason = choice.finish_reason;
      if (chunk.usage) {
        result.usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          cachedTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? null,
        };
      }
    }
    // The SDK ends an aborted stream quietly: say why it ended.
    if (signal?.aborted) throw new AiError('cancelled');
    if (timedOut) throw new AiError('timeout');
    return result;
  } catch (e) {
    if (e instanceof AiError) throw e;
    if (signal?.aborted) throw new AiError('cancelled', { cause: e });
    if (timedOut) throw new AiError('timeout', { cause: e });
    throw toAiError(e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** One completion with retries and format fallbacks; settings are updated in place for the next call. */
async function complete(
  client: OpenAI,
  config: AiConfig,
  messages: readonly Message[],
  schema: OutputSchema,
  settings: Settings,
  options: RequestSuggestionsOptions,
): Promise<Completion> {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await streamOnce(client, config, messages, schema, settings, options);
    } catch (e) {
      const error = toAiError(e);
      const unsupported = unsupportedParameter(error);
      if (unsupported === 'response_format' && settings.format !== 'none') {
        settings.format = settings.format === 'json_schema' ? 'json_object' : 'none';
        attempt--; // a different request, not a retry of the same one
        continue;
      }
      if (unsupported === 'stream_options' && settings.includeUsage) {
        settings.includeUsage = false;
        attempt--;
        continue;
      }
      if (!RETRIED.has(error.code) || !error.retryable || attempt >= MAX_ATTEMPTS) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > MAX_RETRY_WAIT_MS) throw error;
      await sleep(error.retryAfterMs ?? backoff * 2 ** (attempt - 1), options.signal);
    }
  }
}

function repairMessages(prepared: PreparedRequest, answer: string, error: string): Message[] {
  return [
    ...prepared.messages,
    { role: 'assistant', content: answer.slice(0, 20_000) },
    {
      role: 'user',
      content: `Ta réponse ne respecte pas le format demandé : ${error}. Renvoie uniquement l'objet JSON corrigé, conforme au format décrit (une entrée par critère demandé), sans texte autour.`,
    },
  ];
}

function addUsage(total: Usage | null, more: Usage | null): Usage | null {
  if (!more) return total;
  if (!total) return { ...more };
  return {
    promptTokens: total.promptTokens + more.promptTokens,
    completionTokens: total.completionTokens + more.completionTokens,
    cachedTokens: total.cachedTokens === null && more.cachedTokens === null ? null : (total.cachedTokens ?? 0) + (more.cachedTokens ?? 0),
  };
}

/** An answer with no text at all (no choices, or empty content): its own message, and no repair request carrying nothing. */
function checkEmpty(completion: Completion): void {
  if (!completion.content.trim()) throw new AiError('empty-answer', { retryable: true });
}

function checkRefusal(completion: Completion): void {
  const refusal = completion.refusal.trim();
  if (refusal) {
    const said = maskSecrets(refusal.replace(/\s+/g, ' ')).slice(0, 200);
    throw new AiError('refusal', { detail: { fr: `Motif donné : « ${said} »`, en: `Reason given: “${said}”` } });
  }
  if (completion.finishReason === 'content_filter') throw new AiError('refusal');
}

/** Names put back, and every text in one Unicode form (NFC), so what is checked, stored and highlighted is the same string. */
function restoreBatch(batch: SuggestionBatch, redactions: ReadonlyMap<string, string>): SuggestionBatch {
  const r = (text: string) => restore(text.normalize('NFC'), redactions);
  return {
    suggestions: batch.suggestions.map((s) => ({
      ...s,
      facts: s.facts.map((f) => ({ ...f, text: r(f.text), quote: f.quote === null ? null : r(f.quote) })),
      missing: s.missing.map(r),
      questions: s.questions.map(r),
    })),
  };
}

export async function requestSuggestions(prepared: PreparedRequest, config: AiConfig, options: RequestSuggestionsOptions): Promise<SuggestionRun> {
  if (!config.baseUrl || !config.model) throw new AiError('not-configured');
  const now = options.now ?? Date.now;
  const startedAt = now();
  const prompt = promptById(prepared.promptId);
  if (!prompt) throw new AiError('failed', { detail: { fr: `Prompt inconnu : ${prepared.promptId}.`, en: `Unknown prompt: ${prepared.promptId}.` } });
  const schema = prompt.outputSchema;
  const client = createClient(config);
  const settings: Settings = { format: 'json_schema', includeUsage: true };

  const first = await complete(client, config, prepared.messages, schema, settings, options);
  checkRefusal(first);
  checkEmpty(first);
  let usage = addUsage(null, first.usage);
  let model = first.model;
  let parsed = parseBatch(first.content);
  if (!parsed.ok) {
    const second = await complete(client, config, repairMessages(prepared, first.content, parsed.error), schema, settings, options);
    checkRefusal(second);
    checkEmpty(second);
    usage = addUsage(usage, second.usage);
    model ??= second.model;
    parsed = parseBatch(second.content);
    if (!parsed.ok) {
      throw new AiError('bad-output', { detail: { fr: `(${parsed.error})`, en: `(${parsed.error})` } });
    }
  }

  const batch = restoreBatch(parsed.batch, prepared.redactions);
  const checked = checkBatch(batch, options.snapshot, options.findings, { requestedCriterionIds: prepared.criterionIds, evidenceIds: options.evidenceIds ?? [] });
  return {
    promptId: prepared.promptId,
    promptVersion: prepared.promptVersion,
    provider: config.provider,
    model: model || config.model,
    startedAt,
    finishedAt: now(),
    usage,
    suggestions: checked.suggestions,
    injectionWarnings: prepared.injectionWarnings,
    missingCriterionIds: checked.missingCriterionIds,
    unaskedCriterionIds: checked.unaskedCriterionIds,
  };
}
