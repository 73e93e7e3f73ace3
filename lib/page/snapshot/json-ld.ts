// Structured data: the JSON-LD blocks as written (cut), the types they declare (top-level
// entities and @graph members), and how many blocks do not parse.
import { LIMITS, type PageSnapshot } from '../facts';
import { cut } from './text';

const TYPES_MAX = 50;

function typesOf(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) typesOf(item, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const entity = value as Record<string, unknown>;
  const type = entity['@type'];
  for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string' && t.trim()) out.add(cut(t.trim(), 100));
  if (entity['@graph'] !== undefined) typesOf(entity['@graph'], out);
}

export function parseJsonLd(sources: readonly string[]): PageSnapshot['jsonLd'] {
  const types = new Set<string>();
  let invalid = 0;
  for (const source of sources) {
    try {
      typesOf(JSON.parse(source), types);
    } catch {
      invalid += 1;
    }
  }
  return {
    types: [...types].slice(0, TYPES_MAX),
    blocks: sources.slice(0, LIMITS.jsonLd).map((s) => cut(s, LIMITS.jsonLdChars)),
    invalid,
  };
}

export function collectJsonLd(doc: Document): PageSnapshot['jsonLd'] {
  const sources = Array.from(doc.querySelectorAll('script[type]'))
    .filter((s) => /^\s*application\/ld\+json\s*(;|$)/i.test(s.getAttribute('type') ?? ''))
    .map((s) => (s.textContent ?? '').trim());
  return parseJsonLd(sources);
}
