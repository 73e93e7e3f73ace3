// Pseudonymisation of what is sent to a model: the candidate's name (full, and each part of it),
// e-mail addresses and phone numbers become stable placeholders — [CANDIDAT], [CANDIDAT_NOM_1],
// [EMAIL_1], [TEL_1] — and are restored in what comes back. Each distinct spelling met in the
// page gets its own placeholder, so restoring gives back the exact text of the page (and quotes
// can be verified against it). Names match case- and accent-insensitively, whole words only.
import { foldWithOffsets } from '../text/normalize';

export interface RedactOptions {
  candidateName: string;
  /** Other names to hide (other members of a group project…). */
  extraNames?: readonly string[];
  /** Continue an earlier redaction: same originals keep their placeholders, numbering goes on. */
  redactions?: Map<string, string>;
}

export interface Redaction {
  text: string;
  /** Placeholder → original text, as it appeared. */
  redactions: Map<string, string>;
}

/** Particles and very short parts are not hidden on their own: « de », « Le », « Li »… */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'y', 'e', 'el', 'al', 'ben', 'bin', 'ibn', 'mc', 'saint', 'st']);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// French numbers (+33 6 12 34 56 78, +33 (0)6…, 06 12 34 56 78, 06.12.34.56.78, 0612345678) and
// international ones (+44 20 7946 0958, +1 (555) 123-4567); digits not glued to other digits.
const PHONE = new RegExp(
  [
    String.raw`(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?[1-9](?:[\s.\-]?\d{2}){4}`,
    String.raw`0[1-9](?:[\s.\-]?\d{2}){4}`,
    String.raw`(?:\+|00)(?!33)[1-9]\d{0,2}[\s.\-]?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){1,4}`,
  ]
    .map((p) => `(?<![\\d+])${p}(?!\\d)`)
    .join('|'),
  'g',
);

/** Hyphens, apostrophes and spaces count as spaces in names (one for one: offsets are kept). */
const SEPARATORS = /[\s\-‐‑–—'’]/g;

/** Folded text (lower case, no diacritics, separators as spaces) and, for each folded unit, the index of the original character. */
const foldWithMap = (text: string) => foldWithOffsets(text.replace(SEPARATORS, ' '));

const foldName = (name: string) => foldWithMap(name.trim()).folded.replace(/ +/g, ' ').trim();
const isLetter = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** The candidate's full name, then its parts (longest first), as folded search strings. */
function nameTargets(candidateName: string, extraNames: readonly string[]): { folded: string; kind: 'full' | 'part' }[] {
  const targets: { folded: string; kind: 'full' | 'part' }[] = [];
  const add = (folded: string, kind: 'full' | 'part') => {
    if (folded && !targets.some((t) => t.folded === folded)) targets.push({ folded, kind });
  };
  const names = [candidateName, ...extraNames].map(foldName).filter(Boolean);
  for (const name of names) add(name, 'full');
  // A name written « Nom Prénom » must match too.
  for (const name of names) {
    const words = name.split(' ');
    if (words.length === 2) add(`${words[1]} ${words[0]}`, 'full');
  }
  const parts = names.flatMap((n) => n.split(' ')).filter((p) => p.length >= 3 && !PARTICLES.has(p));
  for (const part of [...new Set(parts)].sort((a, b) => b.length - a.length)) add(part, 'part');
  return targets;
}

interface Span {
  start: number;
  end: number;
  kind: 'full' | 'part' | 'email' | 'phone';
}

function findNameSpans(text: string, targets: { folded: string; kind: 'full' | 'part' }[]): Span[] {
  if (!targets.length) return [];
  const { folded, origin } = foldWithMap(text);
  // Collapse runs of spaces in the search space too, keeping the map.
  let squeezed = '';
  const map: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === ' ' && squeezed.endsWith(' ')) continue;
    squeezed += folded[i];
    map.push(i);
  }
  map.push(folded.length);
  const spans: Span[] = [];
  for (const target of targets) {
    let from = 0;
    for (;;) {
      const at = squeezed.indexOf(target.folded, from);
      if (at < 0) break;
      const end = at + target.folded.length;
      from = at + 1;
      if (isLetter(squeezed[at - 1]) || isLetter(squeezed[end])) continue;
      spans.push({ start: origin[map[at]!]!, end: origin[map[end]!]!, kind: target.kind });
    }
  }
  return spans;
}

function findPatternSpans(text: string, re: RegExp, kind: 'email' | 'phone'): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind }));
}

/** Keeps the earliest, then longest, of overlapping spans. */
function resolveOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

const PREFIX: Record<Span['kind'], string> = { full: 'CANDIDAT', part: 'CANDIDAT_NOM', email: 'EMAIL', phone: 'TEL' };

function placeholderFor(original: string, kind: Span['kind'], redactions: Map<string, string>): string {
  for (const [placeholder, value] of redactions) {
    if (value === original && placeholder.startsWith(`[${PREFIX[kind]}`) && (kind !== 'full' || !placeholder.startsWith('[CANDIDAT_NOM'))) return placeholder;
  }
  const prefix = PREFIX[kind];
  const taken = [...redactions.keys()].filter((p) => (kind === 'full' ? /^\[CANDIDAT(?:_\d+)?\]$/.test(p) : p.startsWith(`[${prefix}_`))).length;
  // The first spelling of the full name is plainly [CANDIDAT]; others are numbered.
  const placeholder = kind === 'full' ? (taken === 0 ? '[CANDIDAT]' : `[CANDIDAT_${taken + 1}]`) : `[${prefix}_${taken + 1}]`;
  redactions.set(placeholder, original);
  return placeholder;
}

/** Replaces the candidate's name, e-mail addresses and phone numbers with placeholders. */
export function redact(text: string, options: RedactOptions): Redaction {
  const redactions = options.redactions ?? new Map<string, string>();
  const spans = resolveOverlaps([
    ...findPatternSpans(text, EMAIL, 'email'),
    ...findNameSpans(text, nameTargets(options.candidateName, options.extraNames ?? [])),
    ...findPatternSpans(text, PHONE, 'phone'),
  ]);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + placeholderFor(text.slice(span.start, span.end), span.kind, redactions);
    at = span.end;
  }
  return { text: out + text.slice(at), redactions };
}

/** A redactor sharing one placeholder table across many texts (a whole request). */
export function createRedactor(options: Omit<RedactOptions, 'redactions'> & { enabled: boolean }) {
  const redactions = new Map<string, string>();
  return {
    redactions,
    redact: (text: string) => (options.enabled ? redact(text, { ...options, redactions }).text : text),
  };
}

/** Puts the originals back (placeholders matched whatever case the model wrote them in). */
export function restore(text: string, redactions: ReadonlyMap<string, string>): string {
  if (!redactions.size) return text;
  const lookup = new Map([...redactions].map(([placeholder, original]) => [placeholder.toUpperCase(), original]));
  return text.replace(/\[(?:CANDIDAT(?:_NOM)?|EMAIL|TEL)(?:_\d+)?\]/gi, (p) => lookup.get(p.toUpperCase()) ?? p);
}
