// Matching page wording: lower-case, accents removed, so patterns stay readable (« donnees »).
import { foldText } from '../text/normalize';

/** Page wording as the patterns are written: lower case, no accents, one kind of apostrophe. */
export const fold = (text: string): string => foldText(text, { apostrophes: true });

/** A URL's path and query, decoded, folded — what a link's address says (« /politique-de-confidentialite/ »). */
export function foldUrl(href: string): string {
  try {
    const url = new URL(href);
    return fold(decodeURIComponent(`${url.pathname}${url.search}`).replace(/[-_/+.?=&]+/g, ' ')).trim();
  } catch {
    return fold(href.replace(/[-_/+.?=&]+/g, ' ')).trim();
  }
}

/** 13,2 — one decimal, French style. */
export function decimalFr(n: number): string {
  return (Math.round(n * 10) / 10).toString().replace('.', ',');
}
