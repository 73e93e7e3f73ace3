// @vitest-environment node
// « Tester la connexion » and the client's settings, through the real openai SDK over real HTTP
// to the local fake server (never a real provider).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient, testConnection } from '@/lib/ai/client';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { config } from './helpers';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: 'sk-test-cle', models: ['fake-model', 'gpt4o-deploiement'] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('testConnection', () => {
  test('a known model answers with its id, through GET /models/{id}', async () => {
    await expect(testConnection(config({ baseUrl: server.url }))).resolves.toEqual({ model: 'fake-model' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models/fake-model']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-cle');
  });

  test('a wrong key: AiError wrong-key, with the French message', async () => {
    await expect(testConnection(config({ baseUrl: server.url, apiKey: 'sk-mauvaise' }))).rejects.toMatchObject({
      code: 'wrong-key',
      message: "Clé d'API refusée par le fournisseur : vérifiez-la dans les options de Grille.",
    });
  });

  test('an unknown model: AiError unknown-model, after a one-word chat completion to tell it from a missing route', async () => {
    await expect(testConnection(config({ baseUrl: server.url, model: 'gpt-9' }))).rejects.toMatchObject({ code: 'unknown-model' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models/gpt-9', 'POST /v1/chat/completions']);
  });

  test('nothing listening: AiError network', async () => {
    await expect(testConnection(config({ baseUrl: 'http://127.0.0.1:9/v1' }))).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/^Fournisseur injoignable/) });
  });

  test('cancelled through the signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(testConnection(config({ baseUrl: server.url }), { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  test('Azure: deployment in the URL, api-key header, api-version query, no Bearer', async () => {
    const azure = config({ provider: 'azure-openai', baseUrl: `${server.origin}/openai/deployments/gpt4o-deploiement`, model: 'gpt4o-deploiement', apiVersion: '2024-10-21' });
    await expect(testConnection(azure)).resolves.toEqual({ model: 'gpt4o-deploiement' });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/openai/deployments/gpt4o-deploiement/chat/completions', query: { 'api-version': '2024-10-21' } });
    expect(request!.headers['api-key']).toBe('sk-test-cle');
    expect(request!.headers.authorization).toBeUndefined();
  });
});

test('a local server without key gets a placeholder key, the SDK’s own retries are off', async () => {
  const local = await startFakeOpenAI();
  try {
    const client = createClient(config({ provider: 'ollama', baseUrl: `${local.url}/`, apiKey: '' }));
    expect(client.maxRetries).toBe(0);
    expect(client.baseURL).toBe(local.url);
    await expect(testConnection(config({ provider: 'ollama', baseUrl: local.url, apiKey: '' }))).resolves.toEqual({ model: 'fake-model' });
    expect(local.requests[0]!.headers.authorization).toBe('Bearer sans-cle');
  } finally {
    await local.close();
  }
});
