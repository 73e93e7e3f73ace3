// Exports from the side panel in real Chromium: the jury record (DOCX, PDF) and the candidate's
// feedback as the juror downloads them, and a backup carried to another browser profile.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { docxText, docxXml, pdfText } from '../unit/export/read-documents';
import { axeViolations, buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;
let extensionDir: string;
let grille: GrilleBrowser;
let panel: Page;

const OBSERVATION = 'Arborescence claire ; la page « CGV » & le <panier> manquent au menu.';

beforeAll(async () => {
  site = await startSampleSite();
  extensionDir = buildWithHostAccess(['http://localhost/*']);
  grille = await launchGrille({ extensionDir });
  const tab = await grille.context.newPage();
  await tab.goto(`${site.url}contact/`);
  panel = await grille.openPanel();
});
afterAll(async () => {
  await grille?.close();
  await site?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

async function download(page: Page, button: string | RegExp): Promise<{ name: string; bytes: Uint8Array }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file: Download = await waiting;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

describe('exports from the panel', () => {
  let backup: { name: string; bytes: Uint8Array };

  it('builds an evaluation to export', async () => {
    await panel.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await panel.getByLabel('Nom du candidat').fill('Léa Moreau');
    await panel.getByLabel('Certification', { exact: true }).selectOption('charge-webmarketing-medias-sociaux-e-commerce');
    await panel.getByRole('checkbox', { name: /Bloc 1 —/ }).uncheck();
    await panel.getByRole('checkbox', { name: /Bloc 2 —/ }).check();
    await panel.getByLabel('Nom du membre 1').fill('Nadia Benali');
    await panel.getByRole('button', { name: "Créer l'évaluation" }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count()).toBe(1);
    const order = panel.getByRole('radio', { name: 'Ordre du référentiel' });
    if (await order.count()) await order.check();
    await panel.getByRole('radiogroup', { name: 'Statut — C2.1 · critère 1' }).getByRole('radio', { name: 'Partiellement acquis' }).check();
    const observation = panel.getByLabel('Observation — C2.1 · critère 1');
    await observation.fill(OBSERVATION);
    await observation.blur();
  });

  it('downloads the jury record as DOCX, with the status, the observation as text and a signature line', async () => {
    const { name, bytes } = await download(panel, 'Procès-verbal (DOCX)');
    expect(name).toMatch(/^pv-lea-moreau-\d{4}-\d{2}-\d{2}\.docx$/);
    const text = docxText(docxXml(bytes));
    expect(text).toContain('Léa Moreau');
    expect(text).toContain('Partiellement acquis');
    expect(text).toContain(OBSERVATION);
    expect(text).toMatch(/Nadia Benali/);
    expect(text).toMatch(/Signature/);
  });

  it('downloads the jury record as PDF', async () => {
    const { bytes } = await download(panel, 'Procès-verbal (PDF)');
    const pdf = await pdfText(bytes);
    const all = JSON.stringify(pdf);
    expect(all).toContain('Léa Moreau');
    expect(all).toContain('Partiellement acquis');
  });

  it('downloads the candidate’s feedback as Markdown, without the jury’s names', async () => {
    const { bytes } = await download(panel, 'Retour au candidat (Markdown)');
    const md = new TextDecoder().decode(bytes);
    expect(md).toContain('Léa Moreau');
    expect(md).toContain('CGV');
    expect(md).not.toContain('Nadia Benali');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('exports a backup of the evaluation', async () => {
    backup = await download(panel, 'Exporter cette évaluation');
    expect(backup.name).toMatch(/\.json$/);
    const envelope = JSON.parse(new TextDecoder().decode(backup.bytes));
    expect(envelope.format).toBe('grille-backup');
    expect(JSON.stringify(envelope)).not.toMatch(/apiKey|sk-/);
  });

  it('imports the backup in another browser profile and finds the evaluation as it was', async () => {
    const other = await launchGrille({ extensionDir });
    try {
      const otherPanel = await other.openPanel();
      await otherPanel.getByLabel('Importer une sauvegarde (JSON)').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.bytes) });
      await otherPanel.getByRole('button', { name: 'Importer', exact: true }).click();
      await expect.poll(() => otherPanel.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).count(), { timeout: 15_000 }).toBe(1);
      const order = otherPanel.getByRole('radio', { name: 'Ordre du référentiel' });
      if (await order.count()) await order.check();
      expect(await otherPanel.getByLabel('Observation — C2.1 · critère 1').inputValue()).toBe(OBSERVATION);
    } finally {
      await other.close();
    }
  });
});
