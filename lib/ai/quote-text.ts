// How a quote and the page are compared: both sides folded alike (Unicode compatibility forms,
// case, accents, typographic apostrophes and quotes, dashes, no-break and zero-width spaces)
// and cut into tokens — words, and the symbols that carry meaning (%, €, +, /, &…) — each token
// keeping its place in the original text, so a verified quote can be shown in the page's own
// words. Sentence punctuation, quotation marks, hyphens and pictographs are not compared: a model that drops
// a comma or writes "" for « » still quotes the same words in the same order.
import { foldText } from '../text/normalize';

export interface Token {
  /** Folded form, compared. */
  norm: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** A word (letters or digits), as opposed to a symbol; only words count towards a quote's length. */
  word: boolean;
  /** A French elided word glued to the next by an apostrophe (l’, d’, qu’…): « d’engagement » counts as one word. */
  elided?: boolean;
}

/** A unit of text as given to the model: a paragraph, a heading, an image text, a link, a post… */
export interface Block {
  text: string;
  tokens: Token[];
  /** A unit (sentence, line, the block itself) starts at this token. */
  unitStart: boolean[];
  /** A unit ends with this token. */
  unitEnd: boolean[];
}

/** Stands for a pseudonymisation placeholder left in a quote: matches one to a few words. */
export const WILDCARD = '\u{E000}';
/** The placeholders lib/ai/redact.ts writes ([CANDIDAT], [CANDIDAT_NOM_1], [EMAIL_1], [TEL_1]), as a model may copy them. */
export const PLACEHOLDER = /\[\s*(?:CANDIDAT(?:[ _]NOM)?|EMAIL|TEL)(?:[ _]\d+)?\s*\]/gi;

// Soft hyphens and zero-width characters sit inside words; they are dropped when folding.
const JOINERS = '\u00ad\u200b-\u200d\u2060\ufeff';
const JOINER = new RegExp(`[${JOINERS}]`, 'gu');
const TOKEN = new RegExp(`[\\p{L}\\p{N}\\p{M}${JOINERS}]+|${WILDCARD}|[^\\s\\p{L}\\p{N}\\p{M}${JOINERS}]`, 'gu');
/**
 * Symbols not compared: sentence punctuation, brackets, quotation marks, apostrophes, dashes,
 * separators, and pictographs (arrows, emoji, ©): « ← Retour au journal » is quoted without its
 * arrow. Currency, %, +, =, /, &, @, # are compared.
 */
const IGNORED = /^[.,;:!?…"'`´«»“”„‟‹›‘’‚‛′″ʼ()[\]{}‐‑‒–—―−\-·•|_~*\p{So}\p{Sk}\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f\u2b00-\u2bff]+$/u;
/** A sentence ends with . ! or ? (closing quotes allowed) before a space; an ellipsis mid-sentence does not end it. */
const SENTENCE_END = /[.!?]["'»”’)\]]*(?:\s|$)/u;

const ELIDED = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)$/;
const APOSTROPHE = /^['’ʼ‘`´]$/u;

/** Folds one token: compatibility form, no accents, lower case, ligatures spelt out. */
export function foldToken(token: string): string {
  return foldText(token.replace(JOINER, ''), { compatibility: true });
}

/** The compared tokens of a text, with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw === WILDCARD) {
      tokens.push({ norm: WILDCARD, start: m.index, end: m.index + raw.length, word: true });
      continue;
    }
    const norm = foldToken(raw);
    if (!norm || IGNORED.test(norm)) continue;
    const end = m.index + raw.length;
    const elided = ELIDED.test(norm) && APOSTROPHE.test(text[end] ?? '');
    tokens.push({ norm, start: m.index, end, word: /[\p{L}\p{N}]/u.test(norm), ...(elided ? { elided } : {}) });
  }
  return tokens;
}

/** A block with its units: a unit starts after a line break or a sentence's end, and at the block's edges. */
export function toBlock(text: string): Block {
  const tokens = tokenize(text);
  const unitStart = tokens.map(() => false);
  const unitEnd = tokens.map(() => false);
  tokens.forEach((token, i) => {
    if (i === 0) {
      unitStart[0] = true;
      return;
    }
    const between = text.slice(tokens[i - 1]!.end, token.start);
    if (between.includes('\n') || SENTENCE_END.test(between)) {
      unitStart[i] = true;
      unitEnd[i - 1] = true;
    }
  });
  if (tokens.length) unitEnd[tokens.length - 1] = true;
  return { text, tokens, unitStart, unitEnd };
}

/** Paragraphs of a text (blank lines part them); single line breaks stay inside, as unit edges. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Ellipses marking omitted text in a quote: « … », « [...] », « (…) », "...". */
const ELISION = /\s*(?:\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|…|\.{3,})\s*/u;

/** A quote's segments around its ellipses (one segment when there is none). */
export function elidedSegments(quote: string): string[] {
  return quote
    .split(ELISION)
    .map((part) => part.trim())
    .filter((part) => tokenize(part).length > 0);
}

/** The quote with each placeholder left in it marked as a wildcard. */
export function markPlaceholders(quote: string): string {
  return quote.replace(PLACEHOLDER, ` ${WILDCARD} `);
}

export const wordCount = (tokens: readonly Token[]) => tokens.filter((t) => t.word && !t.elided).length;

/** Folds text for quote comparison (one string, words separated by single spaces): same folding as the verification. */
export function foldForQuote(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}
