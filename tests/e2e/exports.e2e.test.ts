// Exports from the side panel in real Chromium: the jury record (DOCX, PDF) and the candidate's
// feedback as the juror downloads them, a backup carried to another browser profile, and hostile
// backup and référentiel files refused in French.
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

describe('hostile files chosen in the panel, in Chromium: French words, nothing added', () => {
  const example = readFileSync('docs/examples/referentiel-example.json', 'utf8');
  const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  // What the browser itself would have said: none of it may reach the juror.
  const ENGINE = /Unexpected|JSON\.parse|Maximum call stack|position \d|SyntaxError|RangeError/;

  it('a référentiel with a « constructor » key or an unknown field is refused, naming its path; the clean file then imports', async () => {
    const other = await launchGrille({ extensionDir });
    try {
      const page = await other.openPanel();
      const section = page.getByRole('region', { name: 'Importer un référentiel' });
      const input = section.getByLabel('Fichier du référentiel (JSON ou CSV)');
      const alert = section.getByRole('alert');
      const cert = JSON.parse(example);
      cert.blocs[0].marker = {};
      const withConstructor = JSON.stringify(cert, null, 2).replace('"marker"', '"constructor"');
      const before = withConstructor.slice(0, withConstructor.indexOf('"constructor"')).split('\n');
      await input.setInputFiles(json('constructor.json', withConstructor));
      await expect.poll(() => alert.textContent()).toContain(
        `Le fichier contient une clé interdite (« constructor », en blocs[0].constructor, ligne ${before.length}, colonne ${before.at(-1)!.length + 1})`,
      );
      await input.setInputFiles(json('typo.json', JSON.stringify({ ...JSON.parse(example), titre: 'faute de frappe' })));
      await expect.poll(() => alert.textContent()).toContain('(racine) : champ inconnu : titre');
      await input.setInputFiles(json('deep.json', `{"blocs": ${'['.repeat(100_000)}`));
      await expect.poll(() => alert.textContent()).toContain("Le fichier imbrique plus de 64 niveaux de listes ou d'objets (ligne 1, colonne 74)");
      await input.setInputFiles(json('broken.json', example.replace('(référentiel fictif)",', '(référentiel fictif)"')));
      await expect.poll(() => alert.textContent()).toContain("Le fichier n'est pas un JSON valide, ligne 5, colonne 3 : caractère inattendu « \" », une virgule « , » ou « } » attendue.");
      expect(await alert.textContent()).not.toMatch(ENGINE);
      expect(await axeViolations(page)).toEqual([]);
      // Nothing was installed: the clean file is new, and imports.
      await input.setInputFiles(json('exemple.json', example));
      await section.getByRole('button', { name: 'Importer ce référentiel' }).click();
      await expect.poll(() => section.getByRole('status').allTextContents()).toEqual([`Référentiel « ${cert.title} » version 1 importé.`]);
    } finally {
      await other.close();
    }
  });

  it('a backup that is broken, or nested 100 000 levels deep, is refused in French', async () => {
    const other = await launchGrille({ extensionDir });
    try {
      const page = await other.openPanel();
      const section = page.getByRole('region', { name: 'Sauvegarde' });
      const input = section.getByLabel('Importer une sauvegarde (JSON)');
      const alert = section.getByRole('alert');
      await input.setInputFiles(json('config.json', 'config'));
      await expect.poll(() => alert.textContent()).toContain("Le fichier n'est pas un JSON valide, ligne 1, colonne 1 : « config » n’est pas une valeur JSON");
      await input.setInputFiles(json('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)));
      await expect.poll(() => alert.textContent()).toContain("Le fichier imbrique plus de 64 niveaux de listes ou d'objets (ligne 1, colonne 65)");
      expect(await alert.textContent()).not.toMatch(ENGINE);
      await input.setInputFiles(json('old.json', JSON.stringify({ format: 'grille-backup', formatVersion: -1 })));
      await expect.poll(() => alert.textContent()).toContain('Format de sauvegarde -1 inconnu : cette version de Grille lit les formats 1 à 2.');
    } finally {
      await other.close();
    }
  });
});
