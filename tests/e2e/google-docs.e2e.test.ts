// A candidate's dossier in Google Docs: its editor draws text on a canvas, so Grille reads the
// document through its own export with the juror's session. Google is not reachable here: the
// browser's requests to docs.google.com are answered by a local imitation (the document page and
// its HTML export), and the manifest copy holds the access the juror grants when asked.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';

const DOC = 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEF/edit';
const EXPORT = readFileSync(new URL('../fixtures/pages/snapshot/google-docs-export.html', import.meta.url), 'utf8');

let extensionDir: string;
let grille: GrilleBrowser;
const exportRequests: string[] = [];

beforeAll(async () => {
  extensionDir = buildWithHostAccess(['https://docs.google.com/*']);
  grille = await launchGrille({ extensionDir });
  await grille.context.route('https://docs.google.com/**', (route) => {
    const url = route.request().url();
    if (/\/export\?format=html/.test(url)) {
      exportRequests.push(url);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EXPORT });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="fr"><title>Dossier – Google Docs</title><body><canvas></canvas></body></html>' });
  });
});
afterAll(async () => {
  await grille?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

describe('a Google Doc as deliverable', () => {
  it('is read through its export: outline and text, and no site checks', async () => {
    const tab = await grille.context.newPage();
    await tab.goto(DOC);
    const panel = await grille.openPanel();
    await expect.poll(() => panel.getByTestId('deliverable-kind').textContent()).toMatch(/Google Docs/);
    await panel.getByRole('button', { name: 'Analyser la page' }).click();
    await expect.poll(() => panel.locator('.analysis-status').textContent(), { timeout: 20_000 }).toMatch(/Analyse terminée/);
    expect(exportRequests).toEqual(['https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEF/export?format=html']);
    expect(await panel.locator('.page-analysis').textContent()).toContain("ne s'y appliquent pas");
    await panel.getByText('Ce que dit la page').click();
    const summary = await panel.locator('.snapshot-summary').textContent();
    expect(summary).toContain('1.1 Cible et positionnement');
    expect(await panel.locator('details.analysis-family').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
  });
});
