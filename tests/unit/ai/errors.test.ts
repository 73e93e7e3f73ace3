// toAiError on the SDK's own error classes, built as the SDK builds them from a response.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AI_ERROR_CODES } from '@/lib/ai/contract';
import { AiError, maskSecrets, retryAfterFrom } from '@/lib/ai/errors';
import { toAiError } from '@/lib/ai/errors-map';

/** As the SDK does with a response: the JSON body's `error` member describes the error. */
const apiError = (status: number, error: object = {}, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error }, undefined, new Headers(headers));

describe('toAiError', () => {
  test.each([
    ['401', apiError(401, { message: 'Incorrect API key provided: sk-abcdefghijklmnop', code: 'invalid_api_key' }), 'wrong-key'],
    ['403', apiError(403, { message: 'forbidden' }), 'wrong-key'],
    ['404 model', apiError(404, { message: 'The model `gpt-9` does not exist', code: 'model_not_found' }), 'unknown-model'],
    ['404 Azure deployment', apiError(404, { message: 'The API deployment for this resource does not exist.', code: 'DeploymentNotFound' }), 'unknown-model'],
    ['404 route', apiError(404, { message: 'Not Found' }), 'failed'],
    ['429', apiError(429, { message: 'Rate limit reached' }, { 'retry-after': '7' }), 'rate-limited'],
    ['429 quota', apiError(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }), 'rate-limited'],
    ['500', apiError(500, { message: 'oops' }), 'provider-down'],
    ['503', apiError(503, {}), 'provider-down'],
    ['408', apiError(408, {}), 'timeout'],
    ['400', apiError(400, { message: 'Invalid value for temperature' }), 'failed'],
    ['400 context', apiError(400, { message: "This model's maximum context length is 8192 tokens", code: 'context_length_exceeded' }), 'failed'],
    ['timeout', new APIConnectionTimeoutError(), 'timeout'],
    ['connection', new APIConnectionError({ message: 'Connection error.' }), 'network'],
    ['user abort', new APIUserAbortError(), 'cancelled'],
    ['DOM abort', new DOMException('aborted', 'AbortError'), 'cancelled'],
    ['fetch TypeError', new TypeError('Failed to fetch'), 'network'],
    ['zod', z.object({ a: z.string() }).safeParse({}).error, 'bad-output'],
    ['anything else', new Error('boom'), 'failed'],
  ] as const)('%s → %s', (_, error, code) => {
    const mapped = toAiError(error);
    expect(mapped).toBeInstanceOf(AiError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).not.toMatch(/sk-abcdefghijklmnop/);
  });

  test('Retry-After is carried, and said in the message', () => {
    const error = toAiError(apiError(429, {}, { 'retry-after': '7' }));
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000, retryable: true });
    expect(error.message).toBe('Le fournisseur limite le nombre de requêtes : réessayez dans 7 s.');
    expect(toAiError(apiError(429, { code: 'insufficient_quota', message: 'quota' })).retryable).toBe(false);
  });

  test('Ollama’s string error naming the model is an unknown model', () => {
    expect(toAiError(APIError.generate(404, { error: 'model "llama9" not found, try pulling it first' }, undefined, new Headers())).code).toBe('unknown-model');
  });

  test('a context overflow says so', () => {
    expect(toAiError(apiError(400, { message: 'maximum context length exceeded', code: 'context_length_exceeded' })).message).toMatch(/dépasse la taille/);
  });

  test('an AiError passes through', () => {
    const error = new AiError('refusal');
    expect(toAiError(error)).toBe(error);
  });
});

test('each code has a French sentence and an English one', () => {
  const messages = AI_ERROR_CODES.map((code) => new AiError(code));
  for (const error of messages) {
    expect(error.message).toMatch(/^[A-ZÉ].+[.)]$/);
    expect(error.text.en).toMatch(/^[A-Z].+[.)]$/);
  }
  expect(new Set(messages.map((m) => m.message)).size).toBe(AI_ERROR_CODES.length);
  expect(new AiError('wrong-key').message).toBe("Clé d'API refusée par le fournisseur : vérifiez-la dans les options de Grille.");
  expect(new AiError('refusal').message).toMatch(/^Le modèle a refusé de répondre/);
  expect(new AiError('network').message).toMatch(/^Fournisseur injoignable/);
  expect(new AiError('not-configured').message).toMatch(/^Aucun fournisseur d'IA n'est configuré : ouvrez les options de Grille/);
});

test('retryAfterFrom reads milliseconds, seconds and HTTP dates', () => {
  expect(retryAfterFrom(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
  expect(retryAfterFrom(new Headers({ 'retry-after': '2' }))).toBe(2000);
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  expect(retryAfterFrom(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), now)).toBe(30_000);
  expect(retryAfterFrom(new Headers({}))).toBeUndefined();
});

test('maskSecrets hides keys in a provider’s message', () => {
  expect(maskSecrets('Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789')).not.toMatch(/abcdefghij/);
});
