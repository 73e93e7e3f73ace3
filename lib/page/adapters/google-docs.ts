// Google Docs and Slides draw their text on a canvas or in deeply nested, lazily built markup:
// their DOM does not say what the document says. Their own export does. Runs panel side (an
// extension page, with the optional host access to docs.google.com the juror granted) and
// fetches the export with the juror's session (credentials: 'include'): Grille reads only what
// the juror's account may read.
//
// Hidden text: a Docs HTML export keeps each run's colour, size and highlight as class rules in
// its <style> block (`.c4{color:#ffffff;font-size:1pt}`) and a few inline styles. The export has
// no layout; its declared styles are enough (snapshot/declared-visibility.ts): white or 1-pt
// text, text coloured like its highlight or the page, is listed as hidden text and kept out of
// the document's text, as on a web page. The Slides text export carries no style at all: its
// hiddenTexts stay empty (a deck's white-on-white text is not told apart there).
import { LIMITS, type PageSnapshot } from '../facts';
import type { Localized } from '../../i18n/localized';
import { collectCounts } from '../snapshot/counts';
import { collectHeadings } from '../snapshot/headings';
import { collectImages, imageElements } from '../snapshot/images';
import { collectJsonLd } from '../snapshot/json-ld';
import { collectLinks, linkElements } from '../snapshot/links';
import { collectMeta } from '../snapshot/meta';
import { clip } from '../selector';
import { declaredVisibility } from '../snapshot/declared-visibility';
import { selectHiddenTexts } from '../snapshot/hidden-texts';
import { countWords, cut, cutUrl, tidyLines } from '../snapshot/text';

export const GOOGLE_DOCS_ORIGIN = 'https://docs.google.com';
/** Larger exports are read up to this many bytes (the snapshot keeps far less anyway). */
export const EXPORT_MAX_BYTES = 5_000_000;

export type GoogleKind = 'docs' | 'slides';

export interface GoogleExportTarget {
  kind: GoogleKind;
  id: string;
  exportUrl: string;
}

const PATH = /^\/(document|presentation)\/(?:u\/(\d+)\/)?d\/([A-Za-z0-9_-]{10,})(?:\/|$)/;

function parse(url: string): { kind: GoogleKind; id: string; user: string | null } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'docs.google.com') return null;
  // Published documents (/d/e/<id>/pub) are plain web pages: the page analysis reads them.
  const m = PATH.exec(u.pathname);
  if (!m) return null;
  return { kind: m[1] === 'document' ? 'docs' : 'slides', id: m[3]!, user: m[2] ?? null };
}

export function isGoogleDocsUrl(url: string): boolean {
  return parse(url)?.kind === 'docs';
}

export function isGoogleSlidesUrl(url: string): boolean {
  return parse(url)?.kind === 'slides';
}

/** Where the export of the document shown at `url` is; null when it is not a Docs or Slides document. */
export function googleExportTarget(url: string, base: string = GOOGLE_DOCS_ORIGIN): GoogleExportTarget | null {
  const p = parse(url);
  if (!p) return null;
  const root = base.replace(/\/+$/, '');
  // /u/1/ in the address: the juror's second Google account; authuser picks it for the export.
  const user = p.user ? `authuser=${p.user}` : '';
  const exportUrl =
    p.kind === 'docs'
      ? `${root}/document/d/${p.id}/export?format=html${user ? `&${user}` : ''}`
      : `${root}/presentation/d/${p.id}/export/txt${user ? `?${user}` : ''}`;
  return { kind: p.kind, id: p.id, exportUrl };
}

export type GoogleExportErrorCode = 'not-google-document' | 'no-access' | 'http-error' | 'unexpected-content' | 'network' | 'timeout';

/** A typed failure with the message to show the juror (French first). */
export class GoogleExportError extends Error {
  readonly code: GoogleExportErrorCode;
  readonly status: number | null;
  readonly localized: Localized;

  constructor(code: GoogleExportErrorCode, localized: Localized, status: number | null = null) {
    super(localized.fr);
    this.name = 'GoogleExportError';
    this.code = code;
    this.status = status;
    this.localized = localized;
  }
}

const NO_ACCESS: Localized = {
  fr: "Grille n'a pas pu lire le document : ouvrez-le avec un compte qui y a accès, puis réessayez.",
  en: 'Grille could not read the document: open it with an account that has access to it, then try again.',
};

function httpError(status: number): GoogleExportError {
  if (status === 404) {
    return new GoogleExportError(
      'http-error',
      { fr: "Grille n'a pas pu lire le document : Google indique qu'il n'existe pas ou plus (erreur 404).", en: 'Grille could not read the document: Google says it does not exist (error 404).' },
      status,
    );
  }
  return new GoogleExportError(
    'http-error',
    { fr: `Grille n'a pas pu lire le document : Google a répondu par une erreur ${status}. Réessayez dans un instant.`, en: `Grille could not read the document: Google answered with error ${status}. Try again in a moment.` },
    status,
  );
}

/** Google sends people without access to its sign-in page (a redirect ending in a 200). */
function isSignInUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.hostname === 'accounts.google.com' || /\/(ServiceLogin|signin|v3\/signin|AccountChooser)\b/i.test(u.pathname);
  } catch {
    return false;
  }
}

function looksLikeSignIn(doc: Document): boolean {
  return !!doc.querySelector('input[type="password" i], #identifierId, input[name="identifier"], form[action*="signin" i], form[action*="ServiceLogin" i]');
}

/** The body as text, reading at most `maxBytes` (a huge export is cut, not loaded whole). */
export async function readBounded(response: Response, maxBytes: number): Promise<{ text: string; cut: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    return text.length > maxBytes ? { text: text.slice(0, maxBytes), cut: true } : { text, cut: false };
  }
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      text += decoder.decode(value.subarray(0, value.byteLength - (bytes - maxBytes)), { stream: true });
      await reader.cancel().catch(() => undefined);
      return { text: text + decoder.decode(), cut: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), cut: false };
}

const EMPTY_META: PageSnapshot['meta'] = { description: null, robots: null, canonical: null, viewport: null, charset: null, openGraph: {}, hreflang: [] };

/** Links in an export go through Google's redirector (https://www.google.com/url?q=…): the target is what the author wrote. */
export function unwrapGoogleRedirect(href: string): string {
  try {
    const u = new URL(href);
    if (/^(www\.)?google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url') return u.searchParams.get('q') ?? href;
  } catch {
    // Not a URL: kept as written.
  }
  return href;
}

/** A Docs HTML export, as a snapshot of the document shown at `tabUrl`. */
export function snapshotFromDocsHtml(html: string, tabUrl: string, downloadCut = false): PageSnapshot {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = tabUrl;
  doc.head.prepend(base);
  // A parsed document has no window: its visibility comes from the styles it declares.
  const visibility = declaredVisibility(doc);
  const body = doc.body ? visibility.visibleText(doc.body, 4 * LIMITS.mainText) : '';
  const links = linkElements(doc);
  const images = imageElements(doc);
  const headings = collectHeadings(doc, visibility);
  const title = clip(doc.title || headings.find((h) => !h.hidden)?.text || body.split('\n')[0] || '', LIMITS.text);
  return {
    url: cutUrl(tabUrl, LIMITS.url),
    title,
    lang: cut((doc.documentElement.getAttribute('lang') ?? '').trim(), 40),
    source: 'google-docs-export',
    meta: { ...collectMeta(doc, tabUrl), canonical: null },
    headings,
    mainText: cut(body, LIMITS.mainText),
    mainTextTruncated: downloadCut || body.length > LIMITS.mainText,
    hiddenTexts: selectHiddenTexts(visibility.groups),
    jsonLd: collectJsonLd(doc),
    links: collectLinks(doc, tabUrl, visibility, links).map((l) => {
      const href = cutUrl(unwrapGoogleRedirect(l.href), LIMITS.url);
      let internal = false;
      try {
        internal = new URL(href).hostname === new URL(tabUrl).hostname;
      } catch {
        internal = false;
      }
      return { ...l, href, internal };
    }),
    images: collectImages(doc, visibility, images),
    forms: [],
    social: null,
    counts: collectCounts(doc, { links: links.length, images: images.length, words: countWords(body) }),
  };
}

/** A Slides text export (the text of each slide, in order), as a snapshot. */
export function snapshotFromSlidesText(text: string, tabUrl: string, downloadCut = false): PageSnapshot {
  const tidy = tidyLines(text.replace(/\r\n?/g, '\n'));
  return {
    url: cutUrl(tabUrl, LIMITS.url),
    // The text export has no title: the first line, usually the title slide's.
    title: clip(tidy.split('\n')[0] ?? '', LIMITS.text),
    lang: '',
    source: 'google-slides-export',
    meta: EMPTY_META,
    headings: [],
    mainText: cut(tidy, LIMITS.mainText),
    mainTextTruncated: downloadCut || tidy.length > LIMITS.mainText,
    hiddenTexts: [],
    jsonLd: { types: [], blocks: [], invalid: 0 },
    links: [],
    images: [],
    forms: [],
    social: null,
    counts: { elements: 0, ecoIndexElements: 0, links: 0, images: 0, forms: 0, iframes: 0, scripts: 0, words: countWords(tidy), h1: 0 },
  };
}

export interface FetchExportOptions {
  fetch?: typeof globalThis.fetch;
  /** Origin of the export endpoint (tests serve an imitation on 127.0.0.1). */
  base?: string;
  /** Bytes read at most (EXPORT_MAX_BYTES). */
  maxBytes?: number;
  /** Gives up on an export that does not arrive (EXPORT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A document's export usually takes a few seconds; past this, Google is not answering. */
export const EXPORT_TIMEOUT_MS = 60_000;

const TIMEOUT: Localized = {
  fr: "Google Docs n'a pas envoyé le document à temps (plus d'une minute) : réessayez dans un moment.",
  en: 'Google Docs did not send the document in time (over a minute): try again in a moment.',
};

/** Reads the document shown at `tabUrl` through its export, with the juror's Google session. */
export async function fetchGoogleExport(tabUrl: string, options: FetchExportOptions = {}): Promise<PageSnapshot> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const target = googleExportTarget(tabUrl, options.base ?? GOOGLE_DOCS_ORIGIN);
  if (!target) {
    throw new GoogleExportError('not-google-document', {
      fr: "Cette adresse n'est pas celle d'un document Google Docs ou Google Slides.",
      en: 'This address is not a Google Docs or Google Slides document.',
    });
  }
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs ?? EXPORT_TIMEOUT_MS);
  try {
    response = await doFetch(target.exportUrl, { credentials: 'include', redirect: 'follow', signal, headers: { Accept: target.kind === 'docs' ? 'text/html' : 'text/plain' } });
  } catch {
    if (signal.aborted) throw new GoogleExportError('timeout', TIMEOUT);
    throw new GoogleExportError('network', {
      fr: "Grille n'a pas pu joindre Google Docs : vérifiez la connexion et l'accès accordé à docs.google.com, puis réessayez.",
      en: 'Grille could not reach Google Docs: check the connection and the access granted to docs.google.com, then try again.',
    });
  }
  if (response.status === 401 || response.status === 403 || isSignInUrl(response.url)) {
    await response.body?.cancel().catch(() => undefined);
    throw new GoogleExportError('no-access', NO_ACCESS, response.status);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw httpError(response.status);
  }
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  let read: Awaited<ReturnType<typeof readBounded>>;
  try {
    read = await readBounded(response, options.maxBytes ?? EXPORT_MAX_BYTES);
  } catch (error) {
    // The same signal stops a body that stalls midway.
    if (signal.aborted) throw new GoogleExportError('timeout', TIMEOUT);
    throw error;
  }
  const { text, cut: downloadCut } = read;
  const html = type.includes('text/html');
  if (html && looksLikeSignIn(new DOMParser().parseFromString(text.slice(0, 200_000), 'text/html'))) throw new GoogleExportError('no-access', NO_ACCESS, response.status);
  if (target.kind === 'docs' && html) return snapshotFromDocsHtml(text, tabUrl, downloadCut);
  if (target.kind === 'slides' && type.includes('text/plain')) return snapshotFromSlidesText(text, tabUrl, downloadCut);
  // Slides answering HTML (a permission page), or anything else: not the export.
  throw new GoogleExportError(
    html ? 'no-access' : 'unexpected-content',
    html ? NO_ACCESS : { fr: `Grille n'a pas pu lire le document : Google a envoyé un contenu inattendu (${type || 'sans type'}).`, en: `Grille could not read the document: Google sent unexpected content (${type || 'no type'}).` },
    response.status,
  );
}
