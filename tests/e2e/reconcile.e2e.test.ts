// Two jurors in real Chromium, each with their own browser profile: the colleague exports their
// evaluation; the juror edits theirs with the reconciliation section already on the page, then
// reconciles — the comparison shows what was just recorded and every criterion that differs —,
// produces the joint record (the procès-verbal says so), and imports the colleague's own file
// afterwards: it goes in, and a second time it is named as already here with skip/replace/copy.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { docxText, docxXml } from '../unit/export/read-documents';
import { axeViolations, buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';
import { measureOverflow } from './overflow';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;
let extensionDir: string;
let grille: GrilleBrowser;
let panel: Page;
let colleagueFile: { name: string; bytes: Uint8Array };

const CERT = 'charge-webmarketing-medias-sociaux-e-commerce';
const C1 = 'C2.1 · critère 1';
const C2 = 'C2.1 · critère 2';
const C3 = 'C2.1 · critère 3';
const INTERNAL = /BulkError|ConstraintError|QuotaExceededError|DatabaseClosedError|AbortError|Réessayer/;

beforeAll(async () => {
  site = await startSampleSite();
  extensionDir = buildWithHostAccess(['http://localhost/*']);
});
afterAll(async () => {
  await grille?.close();
  await site?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file: Download = await waiting;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** A new evaluation of Léa Moreau on bloc 2, in référentiel order. */
async function createEvaluation(page: Page, juror: string) {
  await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
  await page.getByLabel('Nom du candidat').fill('Léa Moreau');
  await page.getByLabel('Certification', { exact: true }).selectOption(CERT);
  await page.getByRole('checkbox', { name: /Bloc 1 —/ }).uncheck();
  await page.getByRole('checkbox', { name: /Bloc 2 —/ }).check();
  await page.getByLabel('Nom du membre 1').fill(juror);
  await page.getByRole('button', { name: "Créer l'évaluation" }).click();
  await expect.poll(() => page.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count()).toBe(1);
  const order = page.getByRole('radio', { name: 'Ordre du référentiel' });
  if (await order.count()) await order.check();
}

async function status(page: Page, criterion: string, value: string) {
  await page.getByRole('radiogroup', { name: `Statut — ${criterion}` }).getByRole('radio', { name: value, exact: true }).check();
}

async function decide(page: Page, decision: string, motivation: string) {
  const form = page.locator('form.decision');
  await form.getByRole('radio', { name: decision, exact: true }).check();
  await form.getByRole('textbox').fill(motivation);
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect.poll(() => form.getByTestId('decision-record').count()).toBe(1);
}

describe('reconciling with a colleague after editing, then importing the colleague’s file', () => {
  it('the colleague, in another profile, assesses and exports their evaluation through the panel', async () => {
    const colleague = await launchGrille({ extensionDir });
    try {
      const tab = await colleague.context.newPage();
      await tab.goto(`${site.url}contact/`);
      const page = await colleague.openPanel();
      await createEvaluation(page, 'Paul Girard');
      await status(page, C1, 'Partiellement acquis');
      await status(page, C2, 'Acquis');
      const observation = page.getByLabel(`Observation — ${C1}`);
      await observation.fill('Arborescence incomplète : la page CGV manque au menu.');
      await observation.blur();
      // Evidence of theirs, which the joint record will take: its id must not come back to collide.
      await page.getByRole('button', { name: 'Ajouter le lien de la page' }).click();
      await page.getByRole('group', { name: 'Critères que cette preuve appuie' }).getByRole('checkbox', { name: new RegExp(`^${C1.replace(/\./g, '\\.')} `) }).check();
      await page.getByRole('button', { name: 'Enregistrer la preuve' }).click();
      await expect.poll(() => page.getByRole('group', { name: `Preuves — ${C1}` }).count()).toBe(1);
      await decide(page, 'Validé', '');
      colleagueFile = await download(page, 'Exporter cette évaluation');
      expect(colleagueFile.name).toMatch(/\.json$/);
    } finally {
      await colleague.close();
    }
  });

  it('the juror edits with the reconciliation section already on the page, then the comparison shows the current values and every criterion that differs', async () => {
    grille = await launchGrille({ extensionDir });
    panel = await grille.openPanel();
    await createEvaluation(panel, 'Nadia Benali');
    // The section is there (closed) from the moment the evaluation opens: what follows is recorded after.
    await expect.poll(() => panel.getByText("Réconcilier avec l'export d'un autre juré").count()).toBe(1);
    await status(panel, C1, 'Acquis');
    await status(panel, C2, 'Acquis');
    await status(panel, C3, 'Non acquis');
    await decide(panel, 'Non validé', 'Le cahier des charges n’est pas suivi sur deux points.');

    await panel.getByText("Réconcilier avec l'export d'un autre juré").click();
    await panel.getByLabel('Export du collègue (JSON)').setInputFiles({ name: colleagueFile.name, mimeType: 'application/json', buffer: Buffer.from(colleagueFile.bytes) });
    const view = panel.locator('section.reconcile');
    await expect.poll(() => view.locator('.reconcile-criterion').count()).toBeGreaterThan(0);
    const headings = await view.locator('.reconcile-criterion h4').allTextContents();
    // Critère 2 agrees (Acquis on both sides): not listed. Critère 3 differs only because of what was just recorded.
    expect(headings.map((h) => h.split(' — ')[0])).toEqual([C1, C3]);
    const c1 = view.getByRole('region', { name: new RegExp(`^${C1}`) });
    expect(await c1.getByRole('radio', { name: 'le mien : Acquis' }).count()).toBe(1);
    expect(await c1.getByRole('radio', { name: 'le sien (Paul Girard) : Partiellement acquis' }).count()).toBe(1);
    const c3 = view.getByRole('region', { name: new RegExp(`^${C3}`) });
    expect(await c3.getByRole('radio', { name: 'le mien : Non acquis' }).count()).toBe(1);
    expect(await c3.getByRole('radio', { name: 'le sien (Paul Girard) : Non évalué' }).count()).toBe(1);
    const decision = view.locator('.reconcile-decision');
    expect(await decision.getByRole('radio', { name: 'le mien : Non validé' }).count()).toBe(1);
    expect(await decision.getByRole('radio', { name: 'le sien (Paul Girard) : Validé' }).count()).toBe(1);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('the reconciliation view fits the panel at 320 and 420 px', async () => {
    for (const width of [320, 420]) {
      await panel.setViewportSize({ width, height: 900 });
      const found = await measureOverflow(panel);
      expect({ width, fits: found.scrollWidth <= found.clientWidth, offenders: found.offenders }).toEqual({ width, fits: true, offenders: [] });
    }
    await panel.setViewportSize({ width: 420, height: 900 });
  });

  it('produces the joint record, which the procès-verbal names, with where the jurors differed and what was kept', async () => {
    const view = panel.locator('section.reconcile');
    await view.getByRole('region', { name: new RegExp(`^${C1}`) }).getByRole('radio', { name: 'le sien (Paul Girard) : Partiellement acquis' }).check();
    await view.getByRole('button', { name: 'Produire le procès-verbal commun' }).click();
    await expect.poll(() => view.getByRole('status').allTextContents()).toContainEqual(expect.stringMatching(/^Procès-verbal commun enregistré : 1 critère modifié, 0 décision, 1 preuve ajoutée, 1 juré ajouté\.$/));
    expect(await panel.getByRole('radiogroup', { name: `Statut — ${C1}` }).locator('input:checked').evaluate((el) => (el as HTMLInputElement).value)).toBe('partiellement-acquis');

    const record = docxText(docxXml((await download(panel, 'Procès-verbal (DOCX)')).bytes));
    const section = record.slice(record.indexOf('Rapprochement des évaluations'));
    expect(section).toMatch(/^Rapprochement des évaluations/);
    expect(section).toContain('Avec Paul Girard');
    expect(section).toContain(`${colleagueFile.name}`);
    expect(section).toContain('Nadia Benali : Acquis ; Paul Girard : Partiellement acquis — retenu : Partiellement acquis (Paul Girard)');
    expect(section).toContain('Nadia Benali : Non acquis ; Paul Girard : Non évalué — retenu : Non acquis (Nadia Benali)');
    expect(section).toContain('Nadia Benali : Non validé ; Paul Girard : Validé — retenu : Non validé (Nadia Benali)');
  });

  it('imports the colleague’s file afterwards: it goes in; again, it is named as already here with skip / replace / copy', async () => {
    const backup = panel.locator('section.backup-actions');
    const load = () => backup.getByLabel('Importer une sauvegarde (JSON)').setInputFiles({ name: colleagueFile.name, mimeType: 'application/json', buffer: Buffer.from(colleagueFile.bytes) });
    await load();
    await backup.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => backup.getByRole('status').allTextContents()).toContainEqual('Import terminé : 1 évaluation importée.');
    expect(await backup.getByRole('alert').count()).toBe(0);

    await load();
    const conflict = backup.getByRole('group', { name: 'Ces évaluations existent déjà ici. Que faire ?' });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain('Léa Moreau');
    for (const choice of ['Les ignorer (garder celles d’ici)', 'Les remplacer par celles du fichier (l’historique d’ici est gardé)', 'Les importer comme copies'])
      expect(await conflict.getByRole('radio', { name: choice }).count()).toBe(1);
    await conflict.getByRole('radio', { name: 'Les importer comme copies' }).check();
    await backup.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => backup.getByRole('status').allTextContents()).toContainEqual('Import terminé : 1 copiée.');
    expect(await panel.locator('[role="alert"]').allTextContents()).not.toContainEqual(expect.stringMatching(INTERNAL));
  });
});
