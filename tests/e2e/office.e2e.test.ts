// The exported DOCX opened in a real word processor: Debian's LibreOffice Writer, headless, as a
// jury secretary opens the record to print or edit it. LibreOffice must open both documents, lay
// them out (page numbers computed, the screenshot placed), and save them again as DOCX without
// losing a line. (`npm test` installs libreoffice-writer-nogui when absent; Word is not here.)
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordToDocx } from '@/lib/export/docx';
import { feedbackToDocx } from '@/lib/export/feedback';
import { buildEvaluationRecord } from '@/lib/export/record';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, INTERNAL, SAMPLE, seedExportSession } from '../fixtures/export-session';
import { docxParts, docxText, docxXml, missingInOrder, pdfText, type PdfText } from '../unit/export/read-documents';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const run = promisify(execFile);

const dir = mkdtempSync(join(tmpdir(), 'grille-office-'));
const profile = `file://${join(dir, 'profile')}`;

/** LibreOffice, headless, with a profile of its own, converting `files` into `outdir`. */
async function soffice(filter: string, outdir: string, files: string[]): Promise<void> {
  await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outdir, ...files], { timeout: 90_000 });
  for (const file of files) {
    const out = join(outdir, file.split('/').at(-1)!.replace(/\.docx$/, `.${filter.split(':')[0]}`));
    if (!existsSync(out)) throw new Error(`LibreOffice n'a pas produit ${out}`);
  }
}

/** What a reader of the record must find, in this order, whatever the program laying it out. */
const RECORD_ORDER = [
  "Procès-verbal d'évaluation",
  `Candidat : ${SAMPLE.candidate}`,
  'Code RNCP : RNCP38999',
  'Membres du jury',
  'Nadia Benali',
  'Bloc 1 — Concevoir la stratégie',
  'C1 · critère 1',
  'Statut : Acquis',
  'Veille solide & diversifiée',
  `Légende du juré : ${SAMPLE.quoteNote}`,
  'Statut : Exempté',
  `Raison de l'exemption : ${SAMPLE.exemptionReason}`,
  "Observation (rédigée avec l'aide de l'IA)",
  'Décision du jury — Bloc 1 — Concevoir la stratégie',
  'Ajourné / à compléter',
  'Signatures',
  'Signature : ____',
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

let record: { docx: string; pdf: PdfText; pdfBytes: Buffer; resaved: Uint8Array };
let feedback: { pdf: PdfText; resaved: Uint8Array };

beforeAll(async () => {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice est absent (${SOFFICE}) : npm test l'installe (apt-get install libreoffice-writer-nogui).`);
  const db = new WorkspaceDb(`office-${crypto.randomUUID()}`);
  const id = await seedExportSession(db);
  const built = await buildEvaluationRecord(db, id, [exportCertification], { now: Date.UTC(2025, 2, 20, 10), images: true });
  const recordFile = join(dir, 'record.docx');
  const feedbackFile = join(dir, 'feedback.docx');
  writeFileSync(recordFile, await recordToDocx(built, { timeZone: 'Europe/Paris' }));
  writeFileSync(feedbackFile, await feedbackToDocx(built, { timeZone: 'Europe/Paris' }));

  await soffice('pdf', join(dir, 'pdf'), [recordFile, feedbackFile]);
  // Saved again as Word 2007–365, as after an edit in LibreOffice.
  await soffice('docx:MS Word 2007 XML', join(dir, 'resaved'), [recordFile, feedbackFile]);

  const pdfBytes = readFileSync(join(dir, 'pdf/record.pdf'));
  record = { docx: recordFile, pdfBytes, pdf: await pdfText(new Uint8Array(pdfBytes)), resaved: readFileSync(join(dir, 'resaved/record.docx')) };
  feedback = { pdf: await pdfText(new Uint8Array(readFileSync(join(dir, 'pdf/feedback.pdf')))), resaved: readFileSync(join(dir, 'resaved/feedback.docx')) };
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the jury record in LibreOffice Writer', () => {
  it('opens and lays out every section in order, over several numbered pages', () => {
    expect(record.pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(missingInOrder(flat(record.pdf.text), RECORD_ORDER)).toBeNull();
    // The footer's PAGE and NUMPAGES fields, computed by LibreOffice on each page.
    const total = record.pdf.pages.length;
    record.pdf.pages.forEach((page, i) => expect(flat(page), `page ${i + 1}`).toContain(`Page ${i + 1} / ${total}`));
  });

  it('keeps French typography and markup typed by the jury as literal text', () => {
    const text = flat(record.pdf.text);
    expect(text).toContain('« sources » variées, l’œuvre — 3 < 5 > 2…');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain(SAMPLE.candidate);
    // Table columns wide enough for their longest word: Writer cut « Partiellem-ent » in a sixth.
    expect(record.pdf.text).toContain('Partiellement');
    expect(record.pdf.text).not.toMatch(/Partiellem\s*\n\s*ent/);
  });

  it('places the embedded screenshot', () => {
    expect(Object.keys(docxParts(readFileSync(record.docx))).some((p) => p.startsWith('word/media/'))).toBe(true);
    expect(record.pdfBytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  it('saved again as DOCX by LibreOffice, loses no line, no heading style, no screenshot', () => {
    const xml = docxXml(record.resaved);
    expect(missingInOrder(flat(docxText(xml)), RECORD_ORDER)).toBeNull();
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(Object.keys(docxParts(record.resaved)).some((p) => p.startsWith('word/media/'))).toBe(true);
  });
});

describe("the candidate's feedback in LibreOffice Writer", () => {
  it('opens, addressed to the candidate, without any internal note', () => {
    const text = flat(feedback.pdf.text);
    expect(missingInOrder(text, ['Retour au candidat', `À l'attention de ${SAMPLE.candidate}`, 'Points forts', 'À travailler'])).toBeNull();
    for (const secret of INTERNAL) expect(text.includes(secret), `contient « ${secret} »`).toBe(false);
  });

  it('saved again as DOCX, says the same', () => {
    const text = flat(docxText(docxXml(feedback.resaved)));
    expect(missingInOrder(text, ['Retour au candidat', 'Points forts', 'À travailler'])).toBeNull();
  });
});
