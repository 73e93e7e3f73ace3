// Text folding: case- and accent-insensitive comparison of French text. The one folding used by
// search, page wording matching (lib/privacy/wording), form field words
// (lib/page/snapshot/personal), pseudonymisation (lib/ai/redact) and quote verification
// (lib/ai/quote-text); each adds its own options or handling of spaces and punctuation.

export interface FoldOptions {
  /** Unicode compatibility forms too (NFKD: ﬁ → fi, ² → 2, full-width letters), and ß → ss. */
  compatibility?: boolean;
  /** Typographic apostrophes (’ ‘ ʼ ` ´) written as '. */
  apostrophes?: boolean;
}

const MARKS = /\p{M}/gu;
const APOSTROPHES = /[’‘ʼ`´]/g;

/** Lower case, no accents (nor any combining mark), ligatures œ and æ spelt out. */
export function foldText(text: string, options: FoldOptions = {}): string {
  let folded = text
    .normalize(options.compatibility ? 'NFKD' : 'NFD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
  if (options.compatibility) folded = folded.replace(/ß/g, 'ss');
  if (options.apostrophes) folded = folded.replace(APOSTROPHES, "'");
  return folded;
}

/**
 * `foldText`, keeping offsets: the folded text and, for each of its UTF-16 units, the index in
 * `text` of the character it came from (one more entry: `text.length`), so that a match in the
 * folded text can be cut from the original one.
 */
export function foldWithOffsets(text: string, options: FoldOptions = {}): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldText(ch, options);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Folds text for comparison: lower case, no diacritics, one kind of apostrophe, single spaces. */
export function foldForSearch(text: string): string {
  return foldText(text, { apostrophes: true })
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Splits a query into folded terms; every term must match for a hit. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;:.!?()«»"]+/)
    .filter((term) => term.length > 0);
}
