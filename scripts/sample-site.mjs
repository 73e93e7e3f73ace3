// Serves the sample candidate site (tests/fixtures/sample-site/), a fictional WooCommerce shop
// with known faults (see its FAULTS.md), for end-to-end tests and demos. No dependencies.
//
//   node scripts/sample-site.mjs [port]      → prints http://localhost:<port>/ ; Ctrl+C stops it
//
// Besides the site's own files it answers, like a third-party tracker would:
//   GET /collect.js  a small tag script
//   GET /collect     a 1×1 GIF that sets the cookie _trk_id (400 days)
// The pages call them on http://127.0.0.1:<port>/ while they are opened on
// http://localhost:<port>/, so for the browser the tracker is another site.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = fs.realpathSync(new URL('../tests/fixtures/sample-site/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** 400 days, the longest lifetime Chromium keeps. */
const TRACKER_COOKIE_MAX_AGE = 34560000;

const COLLECT_JS = `/* bt.js — tag de mesure d'audience (tiers fictif) */
(function (w, d) {
  var base = d.currentScript ? new URL(d.currentScript.src).origin : '';
  function send(ev, data) {
    var q = 'v=1&tid=BR-4471&ev=' + encodeURIComponent(ev) + '&dl=' + encodeURIComponent(w.location.href) + '&z=' + Date.now();
    for (var k in data || {}) q += '&' + encodeURIComponent(k) + '=' + encodeURIComponent(data[k]);
    var img = new Image(1, 1);
    img.src = base + '/collect?' + q;
  }
  var queued = w.btq || [];
  w.bt = send;
  w.btq = { push: function (args) { send.apply(null, args); } };
  for (var i = 0; i < queued.length; i++) send.apply(null, queued[i]);
  send('engagement', { sr: w.screen.width + 'x' + w.screen.height });
})(window, document);
`;

function send(res, status, headers, body, head) {
  res.writeHead(status, { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', ...headers, 'Content-Length': body.length });
  res.end(head ? undefined : body);
}

function sendText(res, status, text, head, headers = {}) {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, Buffer.from(text), head);
}

async function notFound(res, head) {
  try {
    const page = await fs.promises.readFile(path.join(ROOT, '404.html'));
    send(res, 404, { 'Content-Type': TYPES['.html'] }, page, head);
  } catch {
    sendText(res, 404, 'Not found', head);
  }
}

const inside = (file) => file === ROOT || file.startsWith(ROOT + path.sep);

async function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return sendText(res, 405, 'Method not allowed', false, { Allow: 'GET, HEAD' });

  const raw = (req.url ?? '/').split('#')[0];
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? '' : raw.slice(q);
  let pathname;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return sendText(res, 400, 'Bad request', head);
  }
  if (!pathname.startsWith('/') || pathname.includes('\0')) return sendText(res, 400, 'Bad request', head);
  const segments = pathname.split(/[\\/]+/);
  if (segments.includes('..')) return sendText(res, 403, 'Forbidden', head);

  if (pathname === '/collect.js') {
    return send(res, 200, { 'Content-Type': TYPES['.js'] }, Buffer.from(COLLECT_JS), head);
  }
  if (pathname === '/collect') {
    const id = `BT1.${globalThis.crypto.randomUUID()}`;
    return send(
      res,
      200,
      { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store', 'Set-Cookie': `_trk_id=${id}; Max-Age=${TRACKER_COOKIE_MAX_AGE}; Path=/` },
      PIXEL,
      head,
    );
  }

  // Hidden files (dotfiles) and anything without a known web type (FAULTS.md…) are not served.
  if (segments.some((s) => s.startsWith('.'))) return notFound(res, head);
  let file = path.resolve(ROOT, '.' + pathname);
  if (!inside(file)) return sendText(res, 403, 'Forbidden', head);
  let stat;
  try {
    file = await fs.promises.realpath(file);
    if (!inside(file)) return sendText(res, 403, 'Forbidden', head);
    stat = await fs.promises.stat(file);
  } catch {
    return notFound(res, head);
  }
  if (stat.isDirectory()) {
    if (!pathname.endsWith('/')) {
      const location = `${rawPath.replace(/\/{2,}/g, '/')}/${query}`;
      return send(res, 301, { Location: location, 'Content-Type': TYPES['.txt'] }, Buffer.from(`Moved to ${location}`), head);
    }
    file = path.join(file, 'index.html');
  }
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type) return notFound(res, head);
  let body;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return notFound(res, head);
  }
  send(res, 200, { 'Content-Type': type }, body, head);
}

/**
 * Starts the sample site. Listen on an address that 127.0.0.1 reaches (the default), since the
 * pages' tracker calls http://127.0.0.1:<port>/; the returned URL names the site `localhost`.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startSampleSite({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal server error', false);
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  let closing;
  return {
    url: `http://localhost:${actualPort}/`,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve(undefined)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const isMain = (() => {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url));
  } catch {
    return false;
  }
})();

if (isMain) {
  const arg = process.argv[2] ?? process.env.PORT ?? '8080';
  const port = Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port invalide : ${arg}`);
    process.exit(2);
  }
  const site = await startSampleSite({ port });
  console.log(`Site d'exemple (Atelier Brume) : ${site.url}`);
  const stop = () => {
    site.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
