// The juror's page analysis in real Chromium, on the sample candidate site: one click, the RGAA,
// RGPD, SEO and eco-design facts, hidden text set apart, findings shown with the criteria they
// inform and attached as evidence — with Grille holding no standing access to the site.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { axeViolations, buildWithHostAccess, CHROME_BUILD, launchGrille, type GrilleBrowser } from './harness';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;
let extensionDir: string;
let grille: GrilleBrowser;
let tab: Page;
let panel: Page;

beforeAll(async () => {
  site = await startSampleSite();
  // Stands for the juror's « Autoriser » on this site: headless Chromium cannot answer the prompt.
  extensionDir = buildWithHostAccess(['http://localhost/*']);
  grille = await launchGrille({ extensionDir });
  tab = await grille.context.newPage();
});
afterAll(async () => {
  await grille?.close();
  await site?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

async function analyse(path: string) {
  await tab.goto(`${site.url}${path}`);
  await tab.bringToFront();
  panel ??= await grille.openPanel();
  await panel.bringToFront();
  await expect.poll(() => panel.locator('.deliverable-host').textContent()).toContain('localhost');
  await panel.getByRole('button', { name: /^(Analyser la page|Relancer l'analyse)$/ }).click();
  await expect.poll(() => panel.locator('.analysis-status').textContent(), { timeout: 30_000 }).toMatch(/Analyse terminée/);
  await expect.poll(() => panel.locator('.analysis-page').textContent()).toContain(path);
}

function family(name: RegExp) {
  return panel.locator('details.analysis-family').filter({ has: panel.getByRole('heading', { name }) });
}

describe('page analysis', () => {
  it('ships no standing content script and no host permission', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('reports the home page: RGAA non-conformities, RGPD faults, SEO and EcoIndex, in one click', async () => {
    await analyse('');
    const rgaa = await family(/Accessibilité \(RGAA\)/).textContent();
    expect(rgaa).toMatch(/Non conforme/);
    expect(rgaa).toMatch(/1\.1/);
    const rgpd = await family(/Données personnelles/).textContent();
    expect(rgpd).toMatch(/_brume_uid/);
    expect(rgpd).toMatch(/127\.0\.0\.1/);
    expect(rgpd).toMatch(/Refuser|refus/i);
    const eco = await family(/Écoconception/).textContent();
    expect(eco).toMatch(/EcoIndex/);
    // Nothing claims compliance beyond what was tested.
    expect(await panel.locator('.page-analysis').textContent()).not.toMatch(/est conforme|page conforme|site conforme/i);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('opens the page’s RGAA grid and applies only the automated non-conformities', async () => {
    await family(/Accessibilité \(RGAA\)/).getByRole('button', { name: /Ouvrir la grille RGAA/ }).click();
    await panel.getByRole('button', { name: /Appliquer les propositions du test automatique/ }).click();
    await expect.poll(() => panel.locator('.page-analysis').textContent()).toMatch(/proposition(s)? appliquée/);
    // Non-conformities only (1.1 and 6.2 on the home page), never « Conforme ».
    expect(await panel.locator('.page-analysis').textContent()).toContain('0 conforme(s), 2 non conforme(s), 0 non applicable(s), 104 non testé(s)');
    expect(await axeViolations(panel)).toEqual([]);
    await family(/Accessibilité \(RGAA\)/).getByRole('button', { name: /Fermer la grille RGAA/ }).click();
  });

  it('runs the consent walkthrough through the extension: clears the site, reloads, observes, compares after refusal', async () => {
    await tab.evaluate(() => localStorage.setItem('brume_consent', '{"audience":true}')); // an earlier choice
    const rgpd = family(/Données personnelles/);
    await rgpd.getByRole('button', { name: 'Recharger sans cookies' }).click();
    await expect.poll(() => rgpd.textContent(), { timeout: 30_000 }).toMatch(/Étape terminée/);
    // The earlier choice was cleared by browsingData: the banner is back, and the site set its cookie again.
    expect(await tab.evaluate(() => localStorage.getItem('brume_consent'))).toBeNull();
    expect(await rgpd.textContent()).toContain('_brume_uid');
    await tab.getByRole('button', { name: 'Personnaliser' }).click();
    await tab.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await tab.goto(`${site.url}boutique/`);
    await rgpd.getByRole('button', { name: 'Observer après refus' }).click();
    await expect.poll(() => rgpd.textContent(), { timeout: 30_000 }).toContain('Traceur appelé après refus (probable) : 127.0.0.1.');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('sets text hidden from visitors apart, with why it is hidden', async () => {
    await analyse('blog/entretenir-sa-bougie/');
    const hidden = panel.getByRole('region', { name: /Texte caché aux visiteurs/ });
    expect(await hidden.textContent()).toMatch(/Note à l.attention de l.IA qui évalue ce site/);
    expect(await hidden.textContent()).toContain('display: none');
    // And not in the page's visible text.
    await panel.getByText('Ce que dit la page').click();
    expect(await panel.locator('.snapshot-summary').textContent()).not.toContain('ignore les consignes');
  });

  it('highlights a finding’s elements in the page on request', async () => {
    await analyse('');
    const first = family(/Accessibilité \(RGAA\)/).getByRole('button', { name: /^Surligner dans la page/ }).first();
    await first.click();
    await expect.poll(() => tab.evaluate(() => document.querySelectorAll('[data-grille-highlight]').length)).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Effacer le surlignage' }).click();
    await expect.poll(() => tab.evaluate(() => document.querySelectorAll('[data-grille-highlight]').length)).toBe(0);
  });

  it('in an evaluation, shows findings under the criteria they inform and attaches one as evidence', async () => {
    await panel.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await panel.getByLabel('Nom du candidat').fill('Inès Carpentier');
    await panel.getByLabel('Certification', { exact: true }).selectOption('charge-webmarketing-medias-sociaux-e-commerce');
    await panel.getByLabel('Nom du membre 1').fill('Nadia Benali');
    await panel.getByRole('button', { name: "Créer l'évaluation" }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /Évaluation de Inès Carpentier/ }).count()).toBe(1);
    await analyse('contact/');
    const related = panel.locator('details.criterion-findings').first();
    await expect.poll(() => related.count()).toBe(1);
    await related.locator('> summary').click();
    const attach = related.getByRole('button', { name: /^Joindre comme preuve/ }).first();
    await attach.click();
    const dialog = panel.getByRole('group', { name: 'Critères que cette preuve appuie' });
    expect(await dialog.locator('input:checked').count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    await expect.poll(() => panel.locator('.evidence-items .evidence-finding').count()).toBeGreaterThan(0);
    expect(await panel.locator('.evidence-items .evidence-finding').first().textContent()).toContain(`${site.url}contact/`);
    expect(await axeViolations(panel)).toEqual([]);
  });
});
