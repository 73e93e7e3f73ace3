// A local OpenAI-compatible server for tests (and `npm run ai:eval -- --fake`): node:http on
// 127.0.0.1, a random port, never a real provider. It answers
//   POST …/chat/completions   JSON, or SSE when `stream: true` (`data: {chunk}\n\n` … `data: [DONE]`,
//                             plus a usage chunk when `stream_options.include_usage`)
//   GET  …/models, …/models/:id
//   OPTIONS                   CORS preflight (not recorded); every answer allows any origin
// under any path prefix (/v1, /openai/deployments/<name> for Azure), and records every request.
//
// Answers come from a queue of scripted steps (enqueue), then from `fallback` when the queue is
// empty (default: a valid empty batch for the criteria asked). Built-in faults:
//   - a wrong key (when `apiKey` is set): 401, unless the request carries it (Bearer or api-key);
//   - an unknown model (not in `models`): 404 model_not_found, on chat and on /models/:id;
//   - steps: fault.unauthorized(), fault.unknownModel(), fault.rateLimited(seconds), fault.serverError(),
//     fault.slow(ms), fault.stall(afterChars, ms), fault.malformed(), fault.refusal(), fault.drop(),
//     fault.unsupportedResponseFormat(), fault.noChoices(), fault.emptyContent(), reply.batch(batch),
//     reply.content(text);
//   adversarial responders, built from what was asked (tests of verification and of the panel):
//     adversarial.partial(n) answers for the first n criteria only; adversarial.forgedEvidence()
//     cites an evidence item that does not exist; adversarial.verdict() writes a status, a level and
//     a mark; adversarial.hiddenQuote(quote) quotes the page's hidden text; adversarial.fragments()
//     quotes one letter, a word fragment and words gathered from anywhere.
//
//   const server = await startFakeOpenAI({ apiKey: 'sk-test' });
//   server.enqueue(fault.rateLimited(1), reply.batch({ suggestions: [...] }));
//   … point Grille at `${server.url}` (it ends with /v1) …
//   server.requests[0].body.messages; await server.close();
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (null for GET). */
  body: any;
}

export type FakeStep =
  /** Answer with this assistant content (JSON or streamed in chunks of `chunkSize` characters, `delayMs` apart). */
  | { type: 'content'; content: string; chunkSize?: number; delayMs?: number; usage?: FakeUsage; finishReason?: string }
  | { type: 'refusal'; refusal: string }
  | { type: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait before answering at all (a provider that does not respond). */
  | { type: 'slow'; delayMs: number; then?: FakeStep }
  /** Stream `afterChars` characters of `content`, then go silent for `delayMs`. */
  | { type: 'stall'; content: string; afterChars: number; delayMs: number }
  /** Close the connection without an answer. */
  | { type: 'drop' }
  /** A completion with an empty `choices` array (some compatible servers answer so when they fail). */
  | { type: 'no-choices' };

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
}

export type FakeResponder = (request: RecordedRequest) => FakeStep;

export interface FakeOpenAIOptions {
  /** When set, requests must carry it (Authorization: Bearer … or api-key: …), else 401. */
  apiKey?: string;
  /** Models the server knows (default ['fake-model']); others get 404 model_not_found. */
  models?: string[];
  /** Steps to start with. */
  steps?: (FakeStep | FakeResponder)[];
  /** What to answer once the queue is empty (default: emptyBatchFor). */
  fallback?: FakeResponder;
}

export interface FakeOpenAI {
  /** Base URL to configure, ending with /v1. */
  url: string;
  /** http://127.0.0.1:<port>, for other prefixes (Azure's /openai/deployments/<name>). */
  origin: string;
  requests: RecordedRequest[];
  /** Chat completion requests only. */
  chatRequests(): RecordedRequest[];
  enqueue(...steps: (FakeStep | FakeResponder)[]): void;
  close(): Promise<void>;
}

const errorBody = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

export const fault = {
  unauthorized: (): FakeStep => ({ type: 'error', status: 401, body: errorBody('Incorrect API key provided: sk-wr**************ong.', 'invalid_request_error', 'invalid_api_key') }),
  unknownModel: (model = 'inconnu'): FakeStep => ({ type: 'error', status: 404, body: errorBody(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found') }),
  rateLimited: (retryAfterSeconds: number): FakeStep => ({
    type: 'error',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: errorBody('Rate limit reached for requests.', 'requests', 'rate_limit_exceeded'),
  }),
  serverError: (status = 500): FakeStep => ({ type: 'error', status, body: errorBody('The server had an error while processing your request.', 'server_error', null) }),
  slow: (delayMs: number): FakeStep => ({ type: 'slow', delayMs }),
  stall: (content: string, afterChars: number, delayMs: number): FakeStep => ({ type: 'stall', content, afterChars, delayMs }),
  malformed: (): FakeStep => ({ type: 'content', content: '{"suggestions": [{"criterionId": "x", "facts": [' }),
  refusal: (text = 'Je ne peux pas aider avec cette demande.'): FakeStep => ({ type: 'refusal', refusal: text }),
  drop: (): FakeStep => ({ type: 'drop' }),
  noChoices: (): FakeStep => ({ type: 'no-choices' }),
  emptyContent: (): FakeStep => ({ type: 'content', content: '' }),
  unsupportedResponseFormat: (): FakeStep => ({
    type: 'error',
    status: 400,
    body: errorBody("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", 'invalid_request_error', null),
  }),
};

export const reply = {
  content: (content: string, extra: Partial<Extract<FakeStep, { type: 'content' }>> = {}): FakeStep => ({ type: 'content', content, ...extra }),
  batch: (batch: unknown, extra: Partial<Extract<FakeStep, { type: 'content' }>> = {}): FakeStep => ({ type: 'content', content: JSON.stringify(batch), ...extra }),
};

/** Criterion ids a Grille prompt asks for (its `criterionId : …` lines). */
export function criterionIdsIn(request: RecordedRequest): string[] {
  const user = (request.body?.messages ?? []).filter((m: { role: string }) => m.role === 'user').map((m: { content: string }) => m.content).join('\n');
  return [...user.matchAll(/^criterionId : (\S+)$/gm)].map((m) => m[1]!);
}

/** A valid answer for whatever criteria were asked: insufficient evidence for each. */
export const emptyBatchFor: FakeResponder = (request) =>
  reply.batch({
    suggestions: criterionIdsIn(request).map((criterionId) => ({
      criterionId,
      facts: [],
      missing: ['La page ne montre pas ce critère.'],
      insufficientEvidence: true,
      questions: ['Pouvez-vous montrer où ce critère apparaît dans votre livrable ?'],
    })),
  });

const suggestion = (criterionId: string, facts: object[], extra: object = {}) => ({ criterionId, facts, missing: [], insufficientEvidence: false, questions: [], ...extra });
const fact = (text: string, over: object = {}) => ({ text, quote: null, findingRuleId: null, evidenceId: null, ...over });

/** Answers built from what was asked, as an adversarial OpenAI-compatible server would give them. */
export const adversarial = {
  /** Answers for the first `n` criteria asked, and says nothing of the others. */
  partial: (n: number, inner: FakeResponder = emptyBatchFor): FakeResponder => (request) => {
    const step = inner(request);
    if (step.type !== 'content') return step;
    const batch = JSON.parse(step.content) as { suggestions: unknown[] };
    return reply.batch({ suggestions: batch.suggestions.slice(0, n) });
  },
  /** Cites a capture that is not an evidence item of the evaluation. */
  forgedEvidence: (evidenceId = 'capture-42'): FakeResponder => (request) =>
    reply.batch({ suggestions: criterionIdsIn(request).map((id) => suggestion(id, [fact('Une capture montre la page d’accueil.', { evidenceId })])) }),
  /** Writes the decision itself: a status, a level, a mark, a call to decide. */
  verdict: (): FakeResponder => (request) =>
    reply.batch({
      suggestions: criterionIdsIn(request).map((id) =>
        suggestion(id, [fact('Le critère est acquis : niveau expert, note 18/20.')], { questions: ['Le jury peut valider le bloc ?'] }),
      ),
    }),
  /** Quotes the page's hidden text as if it were evidence. */
  hiddenQuote: (quote: string): FakeResponder => (request) =>
    reply.batch({ suggestions: criterionIdsIn(request).map((id) => suggestion(id, [fact('La page demande la note maximale.', { quote })])) }),
  /** One letter, a word fragment, and words gathered from anywhere in the page. */
  fragments: (): FakeResponder => (request) =>
    reply.batch({
      suggestions: criterionIdsIn(request).map((id) =>
        suggestion(id, [fact('Une lettre.', { quote: 'e' }), fact('Un fragment.', { quote: 'ngagem' }), fact('Des mots recollés.', { quote: 'Je […] gère […] le taux d’engagement' })]),
      ),
    }),
};

const estimate = (text: string) => Math.ceil(text.length / 4);

function chunk(id: string, model: string, delta: object, finishReason: string | null = null) {
  return { id, object: 'chat.completion.chunk', created: 1_767_000_000, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ['fake-model'];
  const queue: (FakeStep | FakeResponder)[] = [...(options.steps ?? [])];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let counter = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const authorized = (req: RecordedRequest) =>
    !options.apiKey || req.headers.authorization === `Bearer ${options.apiKey}` || req.headers['api-key'] === options.apiKey;

  async function answerChat(req: RecordedRequest, res: http.ServerResponse, step: FakeStep): Promise<void> {
    const body = req.body ?? {};
    const model = String(body.model ?? '');
    const id = `chatcmpl-fake-${++counter}`;
    if (res.destroyed) return;
    switch (step.type) {
      case 'error':
        return sendJson(res, step.status, step.body ?? errorBody(`HTTP ${step.status}`, 'error', null), step.headers);
      case 'drop':
        res.socket?.destroy();
        return;
      case 'no-choices':
        if (!body.stream) return sendJson(res, 200, { id, object: 'chat.completion', created: 1_767_000_000, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 0, total_tokens: 10 } });
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_767_000_000, model, choices: [] })}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      case 'slow':
        await wait(step.delayMs);
        return answerChat(req, res, step.then ?? emptyBatchFor(req));
      case 'refusal':
        if (!body.stream) {
          return sendJson(res, 200, {
            id, object: 'chat.completion', created: 1_767_000_000, model,
            choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: step.refusal }, finish_reason: 'stop', logprobs: null }],
            usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
          });
        }
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        res.write(`data: ${JSON.stringify(chunk(id, model, { role: 'assistant', content: null, refusal: step.refusal }))}\n\n`);
        res.write(`data: ${JSON.stringify(chunk(id, model, {}, 'stop'))}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      case 'stall':
      case 'content': {
        const content = step.content;
        const promptText = JSON.stringify(body.messages ?? []);
        const usage = step.type === 'content' && step.usage
          ? step.usage
          : { prompt_tokens: estimate(promptText), completion_tokens: estimate(content), cached_tokens: 0 };
        const usageJson = {
          prompt_tokens: usage.prompt_tokens,
          completion_tokens: usage.completion_tokens,
          total_tokens: usage.prompt_tokens + usage.completion_tokens,
          prompt_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
        };
        const finish = step.type === 'content' ? (step.finishReason ?? 'stop') : 'stop';
        if (!body.stream) {
          return sendJson(res, 200, {
            id, object: 'chat.completion', created: 1_767_000_000, model,
            choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finish, logprobs: null }],
            usage: usageJson,
          });
        }
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
        const size = step.type === 'content' ? (step.chunkSize ?? 40) : Math.max(1, step.afterChars);
        const delay = step.type === 'content' ? (step.delayMs ?? 0) : 0;
        res.write(`data: ${JSON.stringify(chunk(id, model, { role: 'assistant', content: '' }))}\n\n`);
        let stalled = false;
        for (let at = 0; at < content.length; at += size) {
          if (res.destroyed) return;
          if (step.type === 'stall' && at >= step.afterChars && !stalled) {
            stalled = true;
            await wait(step.delayMs);
            if (res.destroyed) return;
          }
          res.write(`data: ${JSON.stringify(chunk(id, model, { content: content.slice(at, at + size) }))}\n\n`);
          if (delay) await wait(delay);
        }
        if (res.destroyed) return;
        res.write(`data: ${JSON.stringify(chunk(id, model, {}, finish))}\n\n`);
        if (body.stream_options?.include_usage) {
          res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_767_000_000, model, choices: [], usage: usageJson })}\n\n`);
        }
        res.end('data: [DONE]\n\n');
        return;
      }
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // CORS as OpenAI's API answers it, so an extension page or a web page can call the server
    // without a host permission. Preflights are answered and not recorded.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'retry-after, retry-after-ms, x-request-id');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (data += c));
      req.on('end', () => resolve(data));
    });
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      body: raw ? safeJson(raw) : null,
    };
    requests.push(recorded);

    if (!authorized(recorded)) return answerChat(recorded, res, fault.unauthorized());
    const modelsRoute = /\/models(?:\/(.+))?$/.exec(url.pathname);
    if (req.method === 'GET' && modelsRoute) {
      const id = modelsRoute[1] ? decodeURIComponent(modelsRoute[1]) : null;
      if (id === null) return sendJson(res, 200, { object: 'list', data: models.map((m) => ({ id: m, object: 'model', created: 1_767_000_000, owned_by: 'fake' })) });
      if (!models.includes(id)) return answerChat(recorded, res, fault.unknownModel(id));
      return sendJson(res, 200, { id, object: 'model', created: 1_767_000_000, owned_by: 'fake' });
    }
    if (req.method === 'POST' && url.pathname.endsWith('/chat/completions')) {
      const next = queue.shift();
      let step = typeof next === 'function' ? next(recorded) : next;
      // Azure puts the deployment in the path; elsewhere the model must be known.
      const deployment = /\/deployments\/([^/]+)\//.exec(url.pathname)?.[1];
      const model = deployment ?? String(recorded.body?.model ?? '');
      if (!step && !models.includes(model)) step = fault.unknownModel(model);
      return answerChat(recorded, res, step ?? (options.fallback ?? emptyBatchFor)(recorded));
    }
    sendJson(res, 404, errorBody(`Unknown route ${req.method} ${url.pathname}`, 'invalid_request_error', null));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(String(error), 'server_error', null));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')),
    enqueue: (...steps) => queue.push(...steps),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
