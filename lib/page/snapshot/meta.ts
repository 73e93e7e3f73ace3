// Title, language and the head's meta tags (description, robots, canonical, viewport, charset,
// Open Graph, hreflang alternates), as declared by the page.
import { LIMITS, type PageSnapshot } from '../facts';
import { clip } from '../selector';
import { cut, cutUrl } from './text';

const OPEN_GRAPH_MAX = 50;

function metaContent(doc: Document, name: string): string | null {
  for (const meta of Array.from(doc.querySelectorAll<HTMLMetaElement>('meta[name]'))) {
    if (meta.name.trim().toLowerCase() === name) return meta.getAttribute('content') ?? '';
  }
  return null;
}

function absolute(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function declaredCharset(doc: Document): string | null {
  const meta = doc.querySelector('meta[charset]');
  if (meta) return meta.getAttribute('charset')?.trim() ?? '';
  for (const m of Array.from(doc.querySelectorAll('meta[http-equiv]'))) {
    if (m.getAttribute('http-equiv')?.toLowerCase() !== 'content-type') continue;
    const match = /charset\s*=\s*["']?([^\s"';]+)/i.exec(m.getAttribute('content') ?? '');
    if (match?.[1]) return match[1];
  }
  return null;
}

export function collectMeta(doc: Document, base: string): PageSnapshot['meta'] {
  const text = (value: string | null, max: number) => (value === null ? null : clip(value, max));
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  const openGraph: Record<string, string> = {};
  for (const meta of Array.from(doc.querySelectorAll('meta[property]'))) {
    const key = (meta.getAttribute('property') ?? '').trim();
    if (!/^og:/i.test(key) || key.length > 100 || key in openGraph) continue;
    if (Object.keys(openGraph).length >= OPEN_GRAPH_MAX) break;
    openGraph[key] = clip(meta.getAttribute('content') ?? '', LIMITS.text);
  }
  const hreflang = Array.from(doc.querySelectorAll('link[rel~="alternate" i][hreflang][href]'))
    .slice(0, 50)
    .map((link) => ({ lang: cut(link.getAttribute('hreflang')?.trim() ?? '', 40), href: cutUrl(absolute(link.getAttribute('href') ?? '', base), LIMITS.url) }));
  return {
    description: text(metaContent(doc, 'description'), LIMITS.text),
    robots: text(metaContent(doc, 'robots'), 200),
    canonical: canonical ? cutUrl(absolute(canonical.getAttribute('href') ?? '', base), LIMITS.url) : null,
    viewport: text(metaContent(doc, 'viewport'), 200),
    charset: text(declaredCharset(doc), 40),
    openGraph,
    hreflang,
  };
}

export function pageTitle(doc: Document): string {
  return clip(doc.title ?? '', LIMITS.text);
}

export function pageLang(doc: Document): string {
  return cut((doc.documentElement.getAttribute('lang') ?? '').trim(), 40);
}
