// The Google Docs / Slides adapter against a local imitation of the export endpoint (node:http on
// 127.0.0.1): documents the juror can read, a 403, a redirect to the sign-in page, a 404, a slide
// deck, an export larger than Grille reads.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, PageSnapshot } from '@/lib/page/facts';
import {
  fetchGoogleExport,
  GoogleExportError,
  googleExportTarget,
  isGoogleDocsUrl,
  isGoogleSlidesUrl,
  unwrapGoogleRedirect,
} from '@/lib/page/adapters/google-docs';

// Tests run from the repository root (in the jsdom environment import.meta.url is not a file URL).
const FIXTURES = join(process.cwd(), 'tests/fixtures/pages/snapshot');
const DOC_HTML = readFileSync(join(FIXTURES, 'google-docs-export.html'), 'utf8');
const SLIDES_TXT = readFileSync(join(FIXTURES, 'google-slides-export.txt'), 'utf8');
const DOC = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const tab = (id: string, kind = 'document') => `https://docs.google.com/${kind}/d/${id}/edit?tab=t.0`;

let base: string;
let server: http.Server;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const id = /\/d\/([^/]+)\//.exec(url.pathname)?.[1];
    if (url.pathname === '/ServiceLogin') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<html><head><title>Google Accounts</title></head><body><form action="/signin/v2"><input type="email" id="identifierId" name="identifier"><input type="password" name="Passwd"></form></body></html>');
    }
    if (url.pathname === `/document/d/${DOC}/export` && url.searchParams.get('format') === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(DOC_HTML);
    }
    if (id === 'forbidden-document-0001') {
      res.writeHead(403, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Forbidden</body></html>');
    }
    if (id === 'signin-document-00001') {
      res.writeHead(302, { Location: `/ServiceLogin?continue=${encodeURIComponent(url.href)}` });
      return res.end();
    }
    if (id === 'login-page-with-200-001') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<html><body><form action="https://accounts.google.com/v3/signin/identifier"><input id="identifierId" type="email"></form></body></html>');
    }
    if (id === 'silent-document-000001') return; // Never answers.
    if (id === 'stalled-document-00001') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.write('<html><body><p>Le début, puis plus rien'); // Never ends.
    }
    if (id === 'server-error-00000001') {
      res.writeHead(500);
      return res.end();
    }
    if (id === 'huge-document-000001') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      const paragraph = `<p>${'Une phrase de dossier assez longue pour remplir la page. '.repeat(20)}</p>`;
      res.write('<html><head><title>Énorme</title></head><body>');
      for (let written = 0; written < 1_500_000; written += paragraph.length) res.write(paragraph);
      return res.end('</body></html>');
    }
    if (url.pathname === `/presentation/d/${DOC}/export/txt`) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(SLIDES_TXT);
    }
    if (url.pathname === '/presentation/d/signin-slides-0000001/export/txt') {
      res.writeHead(302, { Location: '/ServiceLogin' });
      return res.end();
    }
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body>Not found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<GoogleExportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GoogleExportError);
    return error as GoogleExportError;
  }
  throw new Error('expected a GoogleExportError');
}

describe('Google addresses', () => {
  it('tells documents and decks apart, and builds their export address', () => {
    expect(isGoogleDocsUrl(tab(DOC))).toBe(true);
    expect(isGoogleSlidesUrl(tab(DOC))).toBe(false);
    expect(isGoogleSlidesUrl(`https://docs.google.com/presentation/d/${DOC}/edit#slide=id.p`)).toBe(true);
    expect(isGoogleDocsUrl('https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOp/edit')).toBe(false);
    expect(isGoogleDocsUrl('https://docs.google.com/document/d/e/2PACX-1vRabcdefghij/pub')).toBe(false);
    expect(isGoogleDocsUrl(`http://docs.google.com/document/d/${DOC}/edit`)).toBe(false);
    expect(isGoogleDocsUrl(`https://docs.google.com.evil.example/document/d/${DOC}/edit`)).toBe(false);
    expect(isGoogleDocsUrl('not a url')).toBe(false);
    expect(googleExportTarget(tab(DOC))).toEqual({ kind: 'docs', id: DOC, exportUrl: `https://docs.google.com/document/d/${DOC}/export?format=html` });
    expect(googleExportTarget(`https://docs.google.com/document/u/1/d/${DOC}/edit`)?.exportUrl).toBe(`https://docs.google.com/document/d/${DOC}/export?format=html&authuser=1`);
    expect(googleExportTarget(`https://docs.google.com/presentation/d/${DOC}/edit`)?.exportUrl).toBe(`https://docs.google.com/presentation/d/${DOC}/export/txt`);
    expect(googleExportTarget(tab(DOC), 'http://127.0.0.1:9/')?.exportUrl).toBe(`http://127.0.0.1:9/document/d/${DOC}/export?format=html`);
  });

  it("unwraps Google's link redirector", () => {
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=https://www.atelier-brume.fr/&sa=D')).toBe('https://www.atelier-brume.fr/');
    expect(unwrapGoogleRedirect('https://example.org/url?q=x')).toBe('https://example.org/url?q=x');
  });
});

describe('fetchGoogleExport', () => {
  it("reads a document's HTML export with the juror's session", async () => {
    const inits: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    const snapshot = PageSnapshot.parse(await fetchGoogleExport(tab(DOC), { fetch: spy, base }));
    expect(inits[0]?.credentials).toBe('include');
    expect(snapshot.source).toBe('google-docs-export');
    expect(snapshot.url).toBe(tab(DOC));
    expect(snapshot.title).toBe('Dossier professionnel – Camille Roche');
    expect(snapshot.headings.map((h) => `${h.level} ${h.text}`)).toEqual(['1 1. Présentation de l\'entreprise', '2 1.1 Cible et positionnement', '2 1.2 Plan de communication']);
    expect(snapshot.mainText).toContain("L'Atelier Brume est une petite marque lyonnaise");
    expect(snapshot.mainText).toContain('Instagram : trois publications par semaine\n\nNewsletter mensuelle (1 200 abonnés)');
    expect(snapshot.mainText).not.toContain('font-family');
    expect(snapshot.hiddenTexts).toEqual([]);
    expect(snapshot.links[0]).toMatchObject({ href: 'https://www.atelier-brume.fr/', text: "Le site de l'atelier", internal: false });
    expect(snapshot.links[1]).toMatchObject({ href: `${tab(DOC)}#h.intro`, internal: true });
    expect(snapshot.images).toMatchObject([
      { alt: 'Persona : Julie, 32 ans, cheffe de projet à Lyon', width: 602, height: 338.67 },
      { alt: null, width: 120, height: 80 },
    ]);
    expect(snapshot.counts.words).toBeGreaterThan(50);
  });

  it('a 403 is a clear message about access', async () => {
    const error = await failure(fetchGoogleExport(tab('forbidden-document-0001'), { base }));
    expect(error.code).toBe('no-access');
    expect(error.status).toBe(403);
    expect(error.message).toBe("Grille n'a pas pu lire le document : ouvrez-le avec un compte qui y a accès, puis réessayez.");
    expect(error.localized.en).toContain('open it with an account');
  });

  it('a redirect to the sign-in page is the same message', async () => {
    const error = await failure(fetchGoogleExport(tab('signin-document-00001'), { base }));
    expect(error.code).toBe('no-access');
    expect(error.message).toContain('ouvrez-le avec un compte qui y a accès');
    expect(requests.some((r) => r.startsWith('/ServiceLogin'))).toBe(true);
  });

  it('a sign-in form served with a 200 is recognised too', async () => {
    expect((await failure(fetchGoogleExport(tab('login-page-with-200-001'), { base }))).code).toBe('no-access');
  });

  it('a missing document and a server error have their own messages', async () => {
    const missing = await failure(fetchGoogleExport(tab('missing-document-0001'), { base }));
    expect(missing).toMatchObject({ code: 'http-error', status: 404 });
    expect(missing.message).toContain('404');
    const broken = await failure(fetchGoogleExport(tab('server-error-00000001'), { base }));
    expect(broken).toMatchObject({ code: 'http-error', status: 500 });
    expect(broken.message).toContain('erreur 500');
  });

  it('gives up on an export that does not come, or stops midway, with its own message', async () => {
    const silent = await failure(fetchGoogleExport(tab('silent-document-000001'), { base, timeoutMs: 200 }));
    expect(silent.code).toBe('timeout');
    expect(silent.message).toMatch(/^Google Docs n'a pas envoyé le document à temps/);
    expect((await failure(fetchGoogleExport(tab('stalled-document-00001'), { base, timeoutMs: 300 }))).code).toBe('timeout');
  });

  it('not a Google document, or no network', async () => {
    expect((await failure(fetchGoogleExport('https://www.atelier-brume.fr/', { base }))).code).toBe('not-google-document');
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect((await failure(fetchGoogleExport(tab(DOC), { base, fetch: offline }))).code).toBe('network');
  });

  it("reads a deck's text export, slide after slide", async () => {
    const snapshot = PageSnapshot.parse(await fetchGoogleExport(`https://docs.google.com/presentation/d/${DOC}/edit`, { base }));
    expect(snapshot.source).toBe('google-slides-export');
    expect(snapshot.headings).toEqual([]);
    expect(snapshot.title).toBe('Atelier Brume');
    expect(snapshot.mainText).toBe(
      'Atelier Brume\nBilan de la saison 2024\n\nNos objectifs\nAugmenter la notoriété locale\nDoubler les abonnés Instagram\n\nRésultats\n+ 48 % d’abonnés en six mois',
    );
  });

  it('a deck behind the sign-in page', async () => {
    expect((await failure(fetchGoogleExport('https://docs.google.com/presentation/d/signin-slides-0000001/edit', { base }))).code).toBe('no-access');
  });

  it('a huge export is read up to the bound and the snapshot says it is cut', async () => {
    const snapshot = PageSnapshot.parse(await fetchGoogleExport(tab('huge-document-000001'), { base, maxBytes: 400_000 }));
    expect(snapshot.mainTextTruncated).toBe(true);
    expect(snapshot.mainText.length).toBe(LIMITS.mainText);
    expect(snapshot.title).toBe('Énorme');
  });
});
