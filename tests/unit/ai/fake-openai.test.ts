// @vitest-environment node
// The fake server itself, as other tests (the panel's end-to-end test too) rely on it.
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { criterionIdsIn, emptyBatchFor, fault, reply, startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';

let server: FakeOpenAI;
let client: OpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ models: ['fake-model', 'autre'] });
  client = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
});
afterAll(() => server.close());

const ask = (content: string) => client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content }] });

test('lists and describes its models', async () => {
  expect((await client.models.list()).data.map((m) => m.id)).toEqual(['fake-model', 'autre']);
  expect((await client.models.retrieve('autre')).id).toBe('autre');
  await expect(client.models.retrieve('absent')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
});

test('answers scripted steps in order, then the fallback (an empty batch for the criteria asked)', async () => {
  server.enqueue(reply.content('premier'), fault.serverError(502));
  expect((await ask('a')).choices[0]!.message.content).toBe('premier');
  await expect(ask('b')).rejects.toMatchObject({ status: 502 });
  const fallback = await ask('## Critère 1 sur 2\ncriterionId : c-1\n\n## Critère 2 sur 2\ncriterionId : c-2');
  expect(JSON.parse(fallback.choices[0]!.message.content!).suggestions.map((s: { criterionId: string }) => s.criterionId)).toEqual(['c-1', 'c-2']);
});

test('streams SSE chunks with a usage chunk when asked, and records what it received', async () => {
  server.enqueue(reply.content('abcdefghij', { chunkSize: 3, usage: { prompt_tokens: 7, completion_tokens: 2 } }));
  const stream = await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true } });
  const deltas: string[] = [];
  let usage = null;
  for await (const chunk of stream) {
    if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
    if (chunk.usage) usage = chunk.usage;
  }
  expect(deltas).toEqual(['abc', 'def', 'ghi', 'j']);
  expect(usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2 });
  const last = server.requests.at(-1)!;
  expect(last).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { stream: true, messages: [{ role: 'user', content: 'x' }] } });
  expect(last.headers.authorization).toBe('Bearer k');
});

test('a responder sees the request', async () => {
  server.enqueue((request) => reply.content(String(criterionIdsIn(request).length)));
  expect((await ask('criterionId : a\ncriterionId : b')).choices[0]!.message.content).toBe('2');
  expect(emptyBatchFor(server.requests.at(-1)!)).toMatchObject({ type: 'content' });
});

test('answers CORS preflights, so an extension page can call it', async () => {
  const before = server.requests.length;
  const res = await fetch(`${server.url}/chat/completions`, {
    method: 'OPTIONS',
    headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-stainless-os' },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
  expect(server.requests.length).toBe(before);
});
