// Merging two edits of one text made from the same starting point (two panels typing in the same
// observation, or a draft recovered after a crash over a text changed since): every word either
// side added is kept. A three-way merge (node-diff3) over words and the spaces between them.
import { diff3Merge } from 'node-diff3';

const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/**
 * `base` is the text both edits started from, `stored` what is stored now (the other side's edit),
 * `mine` this side's. Where both changed the same passage differently, the stored passage comes
 * first, then this side's: nobody's words are dropped.
 */
export function mergeTexts(base: string, mine: string, stored: string): string {
  if (stored === base || stored === mine) return mine;
  if (mine === base) return stored;
  const regions = diff3Merge(tokens(stored), tokens(base), tokens(mine));
  let out = '';
  for (const region of regions) {
    if (region.ok) out += region.ok.join('');
    else if (region.conflict) {
      const theirs = region.conflict.a.join('');
      const own = region.conflict.b.join('');
      out += theirs && own && !/\s$/.test(theirs) && !/^\s/.test(own) ? `${theirs} ${own}` : theirs + own;
    }
  }
  return out;
}
