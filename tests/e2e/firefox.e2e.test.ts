// Grille in Firefox: Debian's Firefox ESR, the Firefox build installed as a temporary add-on through
// WebDriver BiDi (puppeteer-core). Firefox's BiDi does not open or script extension pages, so a
// test copy of the build opens the panel page in a tab from its background script, and the page
// drives itself (tests/e2e/firefox/reporter.js) and posts what it saw here: the panel in French,
// the criteria, an evaluation created, a status and an observation still there after a reload.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
const REPORTER = fileURLToPath(new URL('./firefox/reporter.js', import.meta.url));

interface Report {
  phase: 'create' | 'reopen';
  steps: string[];
  errors: string[];
  lang: string;
  criteria?: number;
  status?: boolean;
  observation?: string;
  text?: string;
  failed?: string;
}

const reports: Report[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    try {
      reports.push(JSON.parse(body) as Report);
    } catch {
      // Not a report.
    }
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
    res.end();
  });
});

let dir = '';
let browser: Browser | undefined;

async function report(phase: Report['phase']): Promise<Report> {
  const started = Date.now();
  for (;;) {
    const found = reports.find((r) => r.phase === phase);
    if (found) return found;
    if (Date.now() - started > 45_000) throw new Error(`aucun rapport « ${phase} » du panneau dans Firefox (reçus : ${JSON.stringify(reports)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox est absent (${FIREFOX}) : npm test l'installe (apt-get install firefox-esr firefox-esr-l10n-fr).`);
  if (process.env.GRILLE_SKIP_BUILD !== '1' || !existsSync(BUILD)) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  const version = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' });
  const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
  const required = Number(JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.strict_min_version.split('.')[0]);
  if (major < required) throw new Error(`${version.trim()} : Grille demande Firefox ${required} ou plus (strict_min_version du manifeste).`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  dir = mkdtempSync(join(tmpdir(), 'grille-firefox-'));
  const extension = join(dir, 'extension');
  cpSync(BUILD, extension, { recursive: true });
  // The juror's remembered bloc, then the panel page in a tab.
  appendFileSync(
    join(extension, 'background.js'),
    `\n;browser.storage.local.set({ 'grille:selection': { certificationId: 'charge-webmarketing-medias-sociaux-e-commerce', blocId: null, evaluationId: null } }).then(() => browser.tabs.create({ url: browser.runtime.getURL('sidepanel.html') }));\n`,
  );
  writeFileSync(join(extension, 'reporter.js'), readFileSync(REPORTER, 'utf8').replaceAll('__REPORT_URL__', `http://127.0.0.1:${port}/report`));
  const html = readFileSync(join(extension, 'sidepanel.html'), 'utf8');
  writeFileSync(join(extension, 'sidepanel.html'), html.replace('</body>', '<script src="/reporter.js"></script></body>'));

  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: join(dir, 'profile'),
    extraPrefsFirefox: { 'intl.locale.requested': 'fr', 'intl.accept_languages': 'fr-FR, fr' },
  });
  await browser.installExtension(extension);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Grille in Firefox ESR', () => {
  it('installs, shows the remembered bloc’s criteria in French, and creates an evaluation', async () => {
    const created = await report('create');
    expect(created.failed, JSON.stringify(created)).toBeUndefined();
    expect(created.lang).toBe('fr');
    expect(created.criteria).toBe(22);
    expect(created.steps).toEqual(['critères affichés : 22', 'évaluation créée', 'statut et observation saisis']);
    expect(created.errors).toEqual([]);
  });

  it('finds the evaluation, its status and its observation after the page is reloaded', async () => {
    const reopened = await report('reopen');
    expect(reopened.failed, JSON.stringify(reopened)).toBeUndefined();
    expect(reopened.status).toBe(true);
    expect(reopened.observation).toBe('Cible décrite avec précision, « personas » à l’appui.');
    expect(reopened.errors).toEqual([]);
  });
});
