// « Refuser avec autoconsent » (consent walkthrough, step 2) in the real extension: the built
// /autoconsent.js injected into the page's main world by chrome.scripting from Grille's panel, as
// lib/privacy/autoconsent-tab.ts does, on pages of the consent corpus (tests/fixtures/consent), which
// record the visitor's choice in a grille_consent cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './page-harness';

let grille: GrilleBrowser;
let server: FixtureServer;
let panel: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  grille = await launchGrille({ extensionDir: buildWithHostAccess(['http://localhost/*']) });
  panel = await grille.openPanel();
});
afterAll(async () => {
  await grille?.close();
  await server?.close();
});

async function refuseIn(file: string) {
  // The choice cookie belongs to the fixture server's origin: a previous test's must not count.
  await grille.context.clearCookies();
  const page = await grille.context.newPage();
  const url = `${server.origin}/consent/${file}`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_000);
  const result = await panel.evaluate(async (address) => {
    const [tab] = await chrome.tabs.query({ url: address });
    const target = { tabId: tab!.id! };
    await chrome.scripting.executeScript({ target, files: ['/autoconsent.js'], world: 'MAIN' });
    const [answer] = await chrome.scripting.executeScript({
      target,
      world: 'MAIN',
      func: () => (globalThis as unknown as { __grilleAutoconsent?: { refuse(): Promise<unknown> } }).__grilleAutoconsent?.refuse() ?? null,
    });
    return answer?.result as { cmp: string | null; popup: boolean; refused: boolean; clicks: number };
  }, url);
  const choice = await page.evaluate(() => /grille_consent=([^;]*)/.exec(document.cookie)?.[1] ?? null);
  await page.close();
  return { ...result, choice };
}

describe('autoconsent injected by Grille on demand', () => {
  it('refuses a OneTrust banner whose refusal is in the settings panel (3 clicks)', async () => {
    const r = await refuseIn('onetrust-two-steps.html');
    expect(r).toMatchObject({ cmp: 'Onetrust', popup: true, refused: true, clicks: 3, choice: 'refuse' });
  });

  it('refuses a hand-made banner through its heuristic, clicking « Tout refuser »', async () => {
    const r = await refuseIn('custom-tout-refuser.html');
    expect(r).toMatchObject({ cmp: 'HEURISTIC-REJECT', refused: true, clicks: 1, choice: 'refuse' });
  });

  it('never accepts: on a banner with « OK » only it clicks nothing and says it found nothing', async () => {
    const r = await refuseIn('custom-no-refuse.html');
    expect(r).toMatchObject({ popup: false, refused: false, clicks: 0, choice: null });
  });
});
