// The panel at 320 and 420 px wide (a side panel's usual widths): nothing sticks out on the right
// or is clipped there — the list, an evaluation holding a long candidate name and a long URL, the
// page analysis results with the RGAA grid open, and the options page. The reconciliation view
// is measured in reconcile.e2e.test.ts, with a colleague's file.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';
import { measureOverflow } from './overflow';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;
let extensionDir: string;
let grille: GrilleBrowser;
let tab: Page;
let panel: Page;

const WIDTHS = [320, 420] as const;
// Unbreakable: no space, no hyphen, as a pasted identifier or a long name without spaces would be.
const LONG_NAME = 'Marie-Amélie de La Tour-d’Auvergne Montmorencylavalbeaufortcasteljaloux-Saint-Germain';
const LONG_QUERY = `?utm_source=newsletter_printemps&ref=${'x7Yq2'.repeat(30)}`;
const LONG_OBSERVATION = `Voir https://atelier-brume.example/boutique/bougie-figue-cedre/?variation=${'abcdef0123'.repeat(15)} pour la fiche produit.`;

beforeAll(async () => {
  site = await startSampleSite();
  extensionDir = buildWithHostAccess(['http://localhost/*']);
  grille = await launchGrille({ extensionDir });
  tab = await grille.context.newPage();
  await tab.goto(`${site.url}${LONG_QUERY}`);
  panel = await grille.openPanel();
});
afterAll(async () => {
  await grille?.close();
  await site?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

/** Measures the page at both widths; every <details> open when asked. */
async function expectNoOverflow(page: Page, view: string, openDetails = false) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const found = await measureOverflow(page, { openDetails });
    expect(found.innerWidth).toBe(width);
    // No horizontal scrolling: the page is no wider than the window (less its vertical scrollbar).
    // Soft: the walk through the views goes on, and every view's offenders are reported.
    expect.soft({ view, width, fits: found.scrollWidth <= found.clientWidth, offenders: found.offenders }).toEqual({ view, width, fits: true, offenders: [] });
  }
  await page.setViewportSize({ width: 420, height: 900 });
}

describe('the panel at 320 and 420 px', () => {
  it('the measure finds a box past the edge, a word clipped by overflow:hidden, and lets a table scroll in its own box', async () => {
    const page = await grille.context.newPage();
    await page.goto(`chrome-extension://${grille.extensionId}/options.html`);
    await page.setViewportSize({ width: 320, height: 600 });
    await page.evaluate(() => {
      const add = (html: string) => document.body.insertAdjacentHTML('beforeend', html);
      add('<div id="wide" style="width:400px;height:10px"></div>');
      add('<div style="overflow:hidden;width:100px"><span id="clipped" style="white-space:nowrap">Unmotsansespacebeaucouptroplongpourcetteboite</span></div>');
      add('<div style="overflow-x:auto;width:100px"><table><tr><td style="white-space:nowrap">Unecelluletreslonguequidefiledanssaboite</td></tr></table></div>');
    });
    const found = await measureOverflow(page);
    expect(found.scrollWidth).toBeGreaterThan(found.clientWidth);
    expect(found.offenders.some((o) => /^div right 4\d\d > \d+ \(window\)$/.test(o))).toBe(true);
    expect(found.offenders.some((o) => o.startsWith('text "Unmotsansespace') && o.includes('clipped by div'))).toBe(true);
    expect(found.offenders.some((o) => o.includes('Unecellule'))).toBe(false);
    await page.close();
  });

  it('list: the empty workspace, the active tab with a long address, the référentiel browser', async () => {
    await expect.poll(() => panel.locator('.deliverable-host').textContent()).toContain('localhost');
    await expectNoOverflow(panel, 'list (empty)');
  });

  it('new evaluation form with a long candidate name', async () => {
    await panel.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await panel.getByLabel('Nom du candidat').fill(LONG_NAME);
    await panel.getByLabel('Certification', { exact: true }).selectOption('charge-webmarketing-medias-sociaux-e-commerce');
    await panel.getByRole('checkbox', { name: /Bloc 1 —/ }).uncheck();
    await panel.getByRole('checkbox', { name: /Bloc 2 —/ }).check();
    // A juror named by an address, unbreakable: shown in the header, the actor picker, the history.
    await panel.getByLabel('Nom du membre 1').fill('nadia.benali-oufkir@ecole-superieure-de-marketing-digital.example');
    await panel.getByRole('checkbox', { name: /Ajouter l'onglet actif comme livrable/ }).check();
    await expectNoOverflow(panel, 'new evaluation form');
    await panel.getByRole('button', { name: "Créer l'évaluation" }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /Évaluation de / }).count()).toBe(1);
  });

  it('evaluation: long name and URL in the header, deliverable and evidence, an observation with a long URL, every section open', async () => {
    const order = panel.getByRole('radio', { name: 'Ordre du référentiel' });
    if (await order.count()) await order.check();
    await panel.getByRole('radiogroup', { name: 'Statut — C2.1 · critère 1' }).getByRole('radio', { name: 'Acquis', exact: true }).check();
    const observation = panel.getByLabel('Observation — C2.1 · critère 1');
    await observation.fill(LONG_OBSERVATION);
    await observation.blur();
    await panel.getByRole('button', { name: 'Ajouter le lien de la page' }).click();
    await panel.getByRole('group', { name: 'Critères que cette preuve appuie' }).getByRole('checkbox', { name: /^C2\.1 · critère 1 / }).check();
    await expectNoOverflow(panel, 'evidence dialog (link with a long address)');
    await panel.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    await expect.poll(() => panel.getByRole('group', { name: 'Preuves — C2.1 · critère 1' }).textContent()).toContain('x7Yq2x7Yq2');
    await expectNoOverflow(panel, 'evaluation', true);
  });

  it('page analysis: every family open, the RGAA grid open', async () => {
    await panel.getByRole('button', { name: /^(Analyser la page|Relancer l'analyse)$/ }).first().click();
    await expect.poll(() => panel.locator('.analysis-status').first().textContent(), { timeout: 30_000 }).toMatch(/Analyse terminée/);
    await panel.locator('details.analysis-family').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await panel.getByRole('button', { name: /Ouvrir la grille RGAA/ }).first().click();
    await expect.poll(() => panel.locator('.rgaa-grid').count()).toBe(1);
    await expectNoOverflow(panel, 'analysis', true);
  });

  it('list holding the evaluation with the long candidate name', async () => {
    await panel.getByRole('button', { name: "Fermer l'évaluation" }).first().click();
    await expect.poll(() => panel.locator('.evaluation-open').count()).toBe(1);
    await expectNoOverflow(panel, 'list (one evaluation)', true);
  });

  it('options page', async () => {
    const options = await grille.context.newPage();
    await options.goto(`chrome-extension://${grille.extensionId}/options.html`);
    await expect.poll(() => options.locator('form, fieldset').count()).toBeGreaterThan(0);
    await expectNoOverflow(options, 'options', true);
    // With a long address refused: the field's error message under it.
    await options.getByLabel('Adresse de base (URL compatible OpenAI)').fill(`pas-une-adresse-${'z'.repeat(120)}`);
    await options.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => options.locator('.field-error').count()).toBeGreaterThan(0);
    await expectNoOverflow(options, 'options with an error', true);
    await options.close();
  });
});
