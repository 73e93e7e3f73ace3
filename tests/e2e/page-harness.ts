// Runs Grille's analyzer (the built .output/chrome-mv3/analyzer.js) in plain Chromium — no
// extension — on pages served from tests/fixtures over http://localhost:<port>/. The same
// server answers on http://127.0.0.1:<port>/, which for the browser is another site: fixtures
// use it as a third party (trackers, pixels).
//
// Besides static files it answers:
//   GET /__pixel?…                      a 1×1 GIF (a tracker's beacon)
//   GET /__set-cookie?name=&value=&maxAge=   sets a cookie on the response, returns a GIF
import { readFileSync, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PageFacts, type PageFacts as Facts } from '@/lib/page/facts';
import { CHROME_BUILD, CHROMIUM } from './harness';

export const FIXTURES_ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
};
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface FixtureServer {
  /** http://localhost:<port> */
  origin: string;
  /** http://127.0.0.1:<port>: another site for the browser. */
  thirdParty: string;
  close(): Promise<void>;
}

export async function startFixtureServer(root = FIXTURES_ROOT): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/__pixel') {
      res.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
      return res.end(PIXEL);
    }
    if (url.pathname === '/__set-cookie') {
      const name = url.searchParams.get('name') ?? 'c';
      const maxAge = url.searchParams.get('maxAge');
      res.writeHead(200, {
        'Content-Type': 'image/gif',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${name}=${url.searchParams.get('value') ?? '1'}; Path=/${maxAge ? `; Max-Age=${maxAge}` : ''}`,
      });
      return res.end(PIXEL);
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403);
      return res.end();
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Listen on localhost too when it resolves elsewhere than 127.0.0.1 is not needed: both names reach 127.0.0.1.
  return {
    origin: `http://localhost:${port}`,
    thirdParty: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let analyzerSource: string | null = null;
function analyzer(): string {
  analyzerSource ??= readFileSync(join(CHROME_BUILD, 'analyzer.js'), 'utf8');
  return analyzerSource;
}

/** Loads the analyzer into the page (as the extension's injection does) and runs it; the result is validated like the panel does. */
export async function analyze(page: Page, options: { axe: boolean } = { axe: true }): Promise<Facts> {
  await page.evaluate(analyzer());
  const raw = await page.evaluate(async (opts) => {
    const g = globalThis as unknown as { __grilleAnalyzer: { analyze(o: { axe: boolean }): Promise<unknown> } };
    return g.__grilleAnalyzer.analyze(opts);
  }, options);
  return PageFacts.parse(raw);
}

/** Opens a fixture (path under tests/fixtures) and waits until the page and its beacons are done. */
export async function openFixture(page: Page, server: FixtureServer, path: string): Promise<void> {
  await page.goto(`${server.origin}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => undefined);
}
