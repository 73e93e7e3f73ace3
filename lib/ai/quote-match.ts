// Whether a quote is a real passage of the page. Verified means: its tokens (quote-text.ts) match
// a contiguous run of one block's tokens, word for word, and the quote is at least MIN_WORDS
// words long — or is a whole unit (a sentence, a line, a heading, an image text, a link…) shorter
// than that. An elided quote (« … », « […] », "...") is verified only when each segment meets
// the same rule and the segments appear in order inside one block, at most MAX_GAP words apart.
// A quote verified this way is given back in the page's own words (case, accents, typography).
//
// Accents: a quote whose accents the model dropped (« gere » for « gère ») is the same passage —
// same words, same order — and verifies; the juror is shown the page's spelling. Pseudonymisation
// placeholders left in a quote ([CANDIDAT]…) match one to MAX_PLACEHOLDER_WORDS words, and such a
// match is reported as such, never as verified.
import { elidedSegments, markPlaceholders, tokenize, WILDCARD, wordCount, type Block, type Token } from './quote-text';

export const MIN_WORDS = 5;
/** Words an ellipsis may stand for between two segments: about two sentences. */
export const MAX_GAP = 40;
export const MAX_PLACEHOLDER_WORDS = 4;

export type QuoteLocation =
  | { where: 'visible'; passage: string }
  | { where: 'hidden' }
  | { where: 'placeholders' }
  | { where: 'too-short' }
  | { where: 'absent' };

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Every end (exclusive) at which `segment` matches `block` from token `at`. */
function endsFrom(segment: readonly Token[], si: number, block: Block, at: number): number[] {
  if (si === segment.length) return [at];
  const token = segment[si]!;
  if (token.norm === WILDCARD) {
    const out: number[] = [];
    for (let k = 1; k <= MAX_PLACEHOLDER_WORDS && at + k <= block.tokens.length; k++) out.push(...endsFrom(segment, si + 1, block, at + k));
    return out;
  }
  if (at >= block.tokens.length || block.tokens[at]!.norm !== token.norm) return [];
  return endsFrom(segment, si + 1, block, at + 1);
}

function occurrences(segment: readonly Token[], block: Block): Span[] {
  const spans: Span[] = [];
  const first = segment[0]?.norm;
  for (let at = 0; at < block.tokens.length; at++) {
    if (first !== WILDCARD && block.tokens[at]!.norm !== first) continue;
    for (const end of endsFrom(segment, 0, block, at)) spans.push({ start: at, end });
  }
  return spans;
}

/** Long enough, or a whole unit of the block. */
const acceptable = (segment: readonly Token[], block: Block, span: Span) =>
  wordCount(segment) >= MIN_WORDS || (block.unitStart[span.start]! && block.unitEnd[span.end - 1]!);

/** Spans for each segment, in order, inside the block and close together; null when there is none. */
function placeSegments(segments: readonly (readonly Token[])[], block: Block): Span[] | null {
  const candidates = segments.map((segment) => occurrences(segment, block).filter((span) => acceptable(segment, block, span)));
  const place = (i: number, after: number | null): Span[] | null => {
    if (i === segments.length) return [];
    for (const span of candidates[i]!) {
      if (after !== null && (span.start < after || span.start - after > MAX_GAP)) continue;
      const rest = place(i + 1, span.end);
      if (rest) return [span, ...rest];
    }
    return null;
  };
  return place(0, null);
}

const CLOSING = /^[.!?…»”"')\]]+/u;
const OPENING = /[«“"'(\[—–-][\s\u00a0\u202f]*$/u;

/** The page's text for a span, with the punctuation around it when the quote has some there too. */
function passageOf(block: Block, span: Span, edges: { opening: boolean; closing: boolean }): string {
  let start = block.tokens[span.start]!.start;
  let end = block.tokens[span.end - 1]!.end;
  if (edges.opening) start -= OPENING.exec(block.text.slice(0, start))?.[0].length ?? 0;
  if (edges.closing) end += CLOSING.exec(block.text.slice(end))?.[0].length ?? 0;
  return block.text.slice(start, end);
}

interface Reading {
  segments: Token[][];
  hasPlaceholder: boolean;
}

/** The quote read whole (an ellipsis may be the page's own punctuation), then as elided segments. */
function readings(quote: string): Reading[] {
  const marked = markPlaceholders(quote);
  const whole = tokenize(marked);
  const parts = elidedSegments(marked).map(tokenize);
  const out: Reading[] = [];
  const hasPlaceholder = whole.some((t) => t.norm === WILDCARD);
  if (whole.length) out.push({ segments: [whole], hasPlaceholder });
  if (parts.length > 1) out.push({ segments: parts, hasPlaceholder });
  return out;
}

function findIn(blocks: readonly Block[], reading: Reading): { block: Block; spans: Span[] } | null {
  for (const block of blocks) {
    const spans = placeSegments(reading.segments, block);
    if (spans) return { block, spans };
  }
  return null;
}

/** Where a quote is: a verified passage (in the page's words), hidden text only, only with placeholders, too short, or nowhere. */
export function locateIn(quote: string, visible: readonly Block[], hidden: readonly Block[]): QuoteLocation {
  const ways = readings(quote);
  if (!ways.length) return { where: 'absent' };
  const trimmed = quote.trim();
  const closing = /[.!?…]["'»”)\]]*$/u.test(trimmed);
  const opening = /^[«“"'(\[—–-]/u.test(trimmed);
  for (const way of ways.filter((w) => !w.hasPlaceholder)) {
    const found = findIn(visible, way);
    if (found) {
      const last = found.spans.length - 1;
      const passage = found.spans.map((span, i) => passageOf(found.block, span, { opening: opening && i === 0, closing: closing && i === last })).join(' […] ');
      return { where: 'visible', passage };
    }
  }
  for (const way of ways.filter((w) => !w.hasPlaceholder)) if (findIn(hidden, way)) return { where: 'hidden' };
  for (const way of ways.filter((w) => w.hasPlaceholder)) if (findIn(visible, way) || findIn(hidden, way)) return { where: 'placeholders' };
  // A short quote (or segment) that is no whole unit cannot be verified, in the page or not: that is the reason given.
  const short = ways.some((way) => way.segments.some((s) => wordCount(s) < MIN_WORDS));
  return short ? { where: 'too-short' } : { where: 'absent' };
}
