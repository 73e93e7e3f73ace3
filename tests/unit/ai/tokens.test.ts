import { expect, test } from 'vitest';
import { estimateMessagesTokens, estimateTokens } from '@/lib/ai/tokens';
import { FACTS } from './helpers';

test('counts words by length, numbers by three digits, punctuation runs, line breaks', () => {
  expect(estimateTokens('')).toBe(0);
  expect(estimateTokens('bougie')).toBe(1);
  expect(estimateTokens('communication')).toBe(2); // 13 letters
  expect(estimateTokens('2024')).toBe(2);
  expect(estimateTokens('a, b.')).toBe(4);
  expect(estimateTokens('"}]},')).toBe(2);
  expect(estimateTokens('un\ndeux\n\ntrois')).toBe(5);
});

// Reference counts with OpenAI's o200k tokenizer (gpt-tokenizer 4.0.0), measured once when the
// heuristic was tuned; the estimate must stay within −10 % … +25 % of them.
test.each([
  ['sample-home main text', FACTS['sample-home'].snapshot.mainText, 712],
  ['sample-blog-article main text', FACTS['sample-blog-article'].snapshot.mainText, 550],
])('%s is close to o200k’s count', (_, text, o200k) => {
  const ratio = estimateTokens(text) / o200k;
  expect(ratio).toBeGreaterThan(0.9);
  expect(ratio).toBeLessThan(1.25);
});

test('messages add their framing', () => {
  const messages = [
    { role: 'system', content: 'bougie' },
    { role: 'user', content: 'bougie' },
  ];
  expect(estimateMessagesTokens(messages)).toBe(3 + 2 * (4 + 1));
});
