// A juror's session in real Chromium: create an evaluation, assess, capture evidence, close the
// browser, come back on the same profile and find everything; close the panel mid-sentence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { axeViolations, buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;
let profileDir: string;
let extensionDir: string;

beforeAll(async () => {
  site = await startSampleSite();
  profileDir = mkdtempSync(join(tmpdir(), 'grille-jury-profile-'));
  // The same unpacked path keeps the same extension id, and so the same IndexedDB, across launches.
  extensionDir = buildWithHostAccess(['http://localhost/*']);
});
afterAll(async () => {
  await site?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
});

const CERT = 'charge-webmarketing-medias-sociaux-e-commerce';
const FIRST = 'Statut — C2.1 · critère 1';
const SECOND = 'Statut — C2.1 · critère 2';

/** The référentiel's order, when the panel offers a choice (only with a web page open). */
async function documentOrder(panel: Page) {
  const radio = panel.getByRole('radio', { name: 'Ordre du référentiel' });
  if (await radio.count()) await radio.check();
}

async function statusOf(panel: Page, group: string) {
  return panel.getByRole('radiogroup', { name: group }).locator('input:checked').evaluate((el) => (el as HTMLInputElement).value);
}

describe('a jury session survives closing the browser', () => {
  let grille: GrilleBrowser;
  let panel: Page;
  let tab: Page;

  beforeAll(async () => {
    grille = await launchGrille({ extensionDir, profileDir });
    tab = await grille.context.newPage();
    await tab.goto(`${site.url}contact/`);
    panel = await grille.openPanel();
  });

  it('creates an evaluation with the sample site as deliverable', async () => {
    await expect.poll(() => panel.getByTestId('deliverable-kind').textContent()).toBe('Site e-commerce (WooCommerce)');
    await panel.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await panel.getByLabel('Nom du candidat').fill('Léa Moreau');
    await panel.getByLabel('Certification', { exact: true }).selectOption(CERT);
    await panel.getByRole('checkbox', { name: /Bloc 1 —/ }).uncheck();
    await panel.getByRole('checkbox', { name: /Bloc 2 —/ }).check();
    await panel.getByLabel('Nom du membre 1').fill('Nadia Benali');
    await panel.getByRole('button', { name: 'Ajouter un membre du jury' }).click();
    await panel.getByLabel('Nom du membre 2').fill('Paul Girard');
    await panel.getByRole('checkbox', { name: /Ajouter l'onglet actif comme livrable/ }).check();
    await panel.getByRole('button', { name: "Créer l'évaluation" }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count()).toBe(1);
  });

  it('sets statuses, an exemption with its reason, and an observation', async () => {
    await panel.getByRole('radio', { name: 'Ordre du référentiel' }).check();
    await panel.getByRole('radiogroup', { name: FIRST }).getByRole('radio', { name: 'Partiellement acquis' }).check();
    await panel.getByRole('radiogroup', { name: SECOND }).getByRole('radio', { name: 'Exempté' }).check();
    await panel.getByLabel("Raison de l'exemption (obligatoire)").fill('Avis motivé du référent handicap (daltonisme)');
    await panel.getByRole('button', { name: "Enregistrer l'exemption" }).click();
    const observation = panel.getByLabel('Observation — C2.1 · critère 1');
    await observation.fill("L'arborescence suit le cahier des charges, sauf la page CGV absente du menu.");
    await observation.blur();
    await expect.poll(() => panel.getByTestId('bloc-progress').textContent()).toContain('0 acquis, 1 partiellement, 0 non acquis, 1 exemptés — reste 14 sur 16');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('captures a selection from the candidate site as evidence for a criterion', async () => {
    await tab.evaluate(() => {
      const p = document.querySelector('main p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const selected = await tab.evaluate(() => getSelection()!.toString());
    expect(selected).toMatch(/^Une question sur une commande/);
    await panel.getByRole('button', { name: 'Citer la sélection' }).click();
    const dialog = panel.getByRole('group', { name: 'Critères que cette preuve appuie' });
    await dialog.getByRole('checkbox', { name: /^C2\.1 · critère 1 / }).check();
    await panel.getByLabel('Légende (facultative)').fill('Texte de la page contact');
    await panel.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    const list = panel.getByRole('group', { name: 'Preuves — C2.1 · critère 1' });
    await expect.poll(() => list.textContent()).toContain(selected);
    expect(await list.textContent()).toContain(`${site.url}contact/`);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('finds everything after the browser is closed and opened again on the same profile', async () => {
    await grille.close();
    grille = await launchGrille({ extensionDir, profileDir });
    panel = await grille.openPanel();
    await expect.poll(() => panel.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count()).toBe(1);
    await documentOrder(panel);
    expect(await statusOf(panel, FIRST)).toBe('partiellement-acquis');
    expect(await statusOf(panel, SECOND)).toBe('exempte');
    expect(await panel.getByLabel("Raison de l'exemption (obligatoire)").inputValue()).toBe('Avis motivé du référent handicap (daltonisme)');
    expect(await panel.getByLabel('Observation — C2.1 · critère 1').inputValue()).toBe("L'arborescence suit le cahier des charges, sauf la page CGV absente du menu.");
    const evidence = await panel.getByRole('group', { name: 'Preuves — C2.1 · critère 1' }).textContent();
    expect(evidence).toContain('Une question sur une commande');
    expect(evidence).toContain('Texte de la page contact');
    await panel.getByText(/^Historique des modifications/).click();
    const history = await panel.locator('.history li').allTextContents();
    expect(history.some((h) => h.includes('Nadia Benali') && h.includes('Exempté (Avis motivé du référent handicap (daltonisme))'))).toBe(true);
    expect(history.some((h) => h.includes('observation') && h.includes('CGV absente du menu'))).toBe(true);
  });

  it('keeps the same evaluation consistent in two windows', async () => {
    const other = await grille.openPanel();
    await expect.poll(() => other.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count()).toBe(1);
    await documentOrder(other);
    await other.getByRole('radiogroup', { name: FIRST }).getByRole('radio', { name: 'Acquis', exact: true }).check();
    await expect.poll(() => statusOf(panel, FIRST)).toBe('acquis');
    const otherObservation = other.getByLabel('Observation — C2.1 · critère 1');
    await otherObservation.fill('Complété depuis la seconde fenêtre.');
    await otherObservation.blur();
    await expect.poll(() => panel.getByLabel('Observation — C2.1 · critère 1').inputValue()).toBe('Complété depuis la seconde fenêtre.');
    await other.close();
    expect(await panel.getByTestId('storage-status').textContent()).toMatch(/^Stockage persistant (accordé|refusé)/);
  });

  it('loses nothing when the panel is closed right after typing', async () => {
    const observation = panel.getByLabel('Observation — C2.1 · critère 2');
    // An empty field to start from, stored as such: a retry (CI) types into the same field.
    await observation.fill('');
    await observation.blur();
    await observation.click();
    await panel.keyboard.type('Tapé puis fermé aussitôt');
    await panel.close(); // no pause, no blur
    panel = await grille.openPanel();
    await documentOrder(panel);
    await expect.poll(() => panel.getByLabel('Observation — C2.1 · critère 2').inputValue()).toBe('Tapé puis fermé aussitôt');
    await grille.close();
  });
});
