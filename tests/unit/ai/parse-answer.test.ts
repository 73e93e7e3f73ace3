import { expect, test } from 'vitest';
import { parseBatch } from '@/lib/ai/parse-answer';

const suggestion = { criterionId: 'c1', facts: [], missing: [], insufficientEvidence: true, questions: [] };

test.each([
  ['a plain object', JSON.stringify({ suggestions: [suggestion] })],
  ['a code fence', '```json\n' + JSON.stringify({ suggestions: [suggestion] }) + '\n```'],
  ['a sentence around it', `Voici ma réponse : ${JSON.stringify({ suggestions: [suggestion] })} Bonne journée.`],
  ['a bare list', JSON.stringify([suggestion])],
  ['a bare suggestion', JSON.stringify(suggestion)],
])('reads %s', (_, content) => {
  expect(parseBatch(content)).toEqual({ ok: true, batch: { suggestions: [suggestion] } });
});

test('says what is wrong', () => {
  expect(parseBatch('')).toMatchObject({ ok: false, error: expect.stringMatching(/^JSON invalide/) });
  expect(parseBatch('{"suggestions": [')).toMatchObject({ ok: false, error: expect.stringMatching(/^JSON invalide/) });
  expect(parseBatch(JSON.stringify({ suggestions: [{ ...suggestion, questions: 'une' }] }))).toMatchObject({ ok: false, error: expect.stringMatching(/^format non conforme \(suggestions\.0\.questions : /) });
  // A status slipped in by the model is not a field of the schema: stripped, never kept.
  const withStatus = parseBatch(JSON.stringify({ suggestions: [{ ...suggestion, status: 'acquis' }] }));
  expect(withStatus.ok && 'status' in withStatus.batch.suggestions[0]!).toBe(false);
});
