// Token estimates, to show the juror the size of a request before it is sent, without shipping
// a tokenizer (o200k's tables alone weigh megabytes). The heuristic counts, per run of
// characters: a word of n letters ≈ ⌈n/7⌉ tokens, a number ⌈n/3⌉ (BPE splits digits by three),
// a run of punctuation ⌈n/3⌉, a line break 1, spaces 0 (merged into the next word). Measured
// against o200k (GPT-4o, GPT-4.1, GPT-5) on the sample site's pages, the five référentiels and
// the output schema, it lands between −5 % and +19 % (+14 % overall): slightly high, which is
// the safe side for a budget. cl100k (GPT-4) counts about 20 % more than o200k for French;
// Mistral's and local models' tokenizers differ too: an estimate, shown as such.
const RUNS = /(\p{L}+)|(\p{N}+)|(\s+)|([^\p{L}\p{N}\s]+)/gu;

export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const m of text.matchAll(RUNS)) {
    if (m[1]) tokens += Math.ceil(m[1].length / 7);
    else if (m[2]) tokens += Math.ceil(m[2].length / 3);
    else if (m[3]) tokens += m[3].includes('\n') ? 1 : 0;
    else if (m[4]) tokens += Math.ceil(m[4].length / 3);
  }
  return tokens;
}

/** Chat formats add a few tokens per message (role, separators) and to prime the answer. */
export const TOKENS_PER_MESSAGE = 4;
export const TOKENS_PER_REQUEST = 3;

export function estimateMessagesTokens(messages: readonly { role: string; content: string }[]): number {
  return messages.reduce((sum, m) => sum + TOKENS_PER_MESSAGE + estimateTokens(m.content), TOKENS_PER_REQUEST);
}
