// Text folding for search: case-, accent- and apostrophe-insensitive comparison of French text.

/** Folds text for comparison: lower case, no diacritics, one kind of apostrophe, single spaces. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Splits a query into folded terms; every term must match for a hit. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;:.!?()«»"]+/)
    .filter((term) => term.length > 0);
}
