// @vitest-environment node
// Golden tests of the jury record as PDF: extract its text with pdfjs and check the content in
// order, the French characters, markup kept literal, pages numbered, screenshots drawn, lines
// kept inside the margins.
import { beforeAll, describe, expect, it } from 'vitest';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { StandardFonts, PDFDocument } from 'pdf-lib';
import { pngPassthrough } from '@/lib/export/image';
import { planToPdf, recordToPdf, toWinAnsi } from '@/lib/export/pdf';
import { p, type DocumentPlan } from '@/lib/export/plan';
import { buildEvaluationRecord, type EvaluationRecord } from '@/lib/export/record';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, makePng, SAMPLE, seedExportSession } from '../../fixtures/export-session';
import { missingInOrder, pdfText, type PdfText } from './read-documents';

let record: EvaluationRecord;
let bytes: Uint8Array;
let pdf: PdfText;
beforeAll(async () => {
  const db = new WorkspaceDb(`export-pdf-${crypto.randomUUID()}`);
  const id = await seedExportSession(db);
  record = await buildEvaluationRecord(db, id, [exportCertification], { now: Date.UTC(2025, 2, 20, 10) });
  bytes = await recordToPdf(record, { timeZone: 'Europe/Paris' });
  pdf = await pdfText(bytes);
});

/** The text with line breaks undone (wrapping may cut anywhere between words). */
const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ');

const plan = (blocks: DocumentPlan['blocks']): DocumentPlan => ({
  lang: 'fr',
  title: 'Essai',
  runningHeader: 'En-tête courant',
  subject: 'Essai',
  pageWords: { page: 'Page', of: '/' },
  createdAt: 0,
  blocks,
});

describe('jury record (PDF)', () => {
  it('says, in order: identification, jury, criteria with statuses, observations, evidence, decisions, signatures', () => {
    expect(
      missingInOrder(flat(pdf.text), [
        "Procès-verbal d'évaluation",
        `Candidat : ${SAMPLE.candidate}`,
        'Code RNCP : RNCP38999',
        'version 3 des données du référentiel',
        'Document établi le 20 mars 2025 à 11:00',
        'Membres du jury',
        "Nadia Benali — externe à l'organisme de formation",
        "Jean Dupont — interne à l'organisme de formation",
        'Bloc 1 — Concevoir la stratégie',
        'C1 · critère 1',
        'Statut : Acquis',
        `Observation : ${SAMPLE.observationK001}`,
        `« ${SAMPLE.quote} »`,
        `Légende du juré : ${SAMPLE.quoteNote}`,
        'Décision sur la compétence (C1)',
        'C1+C2 · critère 1',
        'Statut : Exempté',
        `Raison de l'exemption : ${SAMPLE.exemptionReason}`,
        'Longueur du titre de la page : Défaut constaté',
        'Bloc 1 · critère 1',
        "Observation (rédigée avec l'aide de l'IA) : # Pas un titre - pas une liste *ni gras* [lien](javascript:alert(1))",
        'Bloc 1 · critère 2',
        'Décision du jury — Bloc 1',
        'Validé',
        'C3 · critère 1',
        'Ajourné / à compléter',
        `Motivation : ${SAMPLE.blocMotivation}`,
        'Signatures',
        'Nadia Benali externe Signature : ____',
        'Jean Dupont interne Signature : ____',
      ]),
    ).toBeNull();
  });

  it('keeps markup literal and French typography intact', () => {
    expect(pdf.text).toContain('<script>alert("x")</script> <b>gras</b>');
    expect(pdf.text).toContain('3 < 5 > 2…');
    expect(pdf.text).toContain('« sources » variées, l’œuvre —');
  });

  it('replaces characters outside WinAnsi with close ones or « ? »', () => {
    // ă ł → ✓ 🙂 and a narrow no-break space.
    // pdfjs reads the no-break space back as a plain space.
    expect(flat(pdf.text)).toMatch(/Observation : Accessibilité : a l -> v \? 100[ \u00a0]% testé/);
  });

  it('numbers every page and repeats the running header', () => {
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, n) => {
      expect(page.startsWith(`Procès-verbal d'évaluation — ${SAMPLE.candidate} — Certification de test`)).toBe(true);
      expect(page.endsWith(`Page ${n + 1} / ${pdf.pages.length}`)).toBe(true);
    });
  });

  it('carries its title and language in the metadata', () => {
    expect(pdf.info).toMatchObject({ Title: `Procès-verbal d'évaluation — ${SAMPLE.candidate}`, Language: 'fr-FR', Creator: 'Grille' });
  });

  it('draws the screenshot once', async () => {
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      images += ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
    }
    await doc.destroy();
    expect(images).toBe(1);
  });

  it('wraps long text and words inside the margins and paginates without losing a character', async () => {
    const long = Array.from({ length: 1500 }, (_, n) => `mot${n}`).join(' ') + ' ' + 'x'.repeat(300);
    const bytes = await planToPdf(plan([p({ text: 'Début : ', bold: true }, long), p('Fin.')]));
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width] = page.view as number[];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        expect(item.transform[4] + item.width).toBeLessThanOrEqual(width! - 56);
        if (item.str !== 'En-tête courant' && !/^Page \d/.test(item.str)) text += item.str;
      }
    }
    expect(doc.numPages).toBeGreaterThan(1);
    await doc.destroy();
    expect(text.replace(/\s+/g, '')).toBe(`Début:${long}Fin.`.replace(/\s+/g, ''));
  });

  it('keeps line breaks of an observation', async () => {
    const { text } = await pdfText(await planToPdf(plan([p('ligne un\nligne deux\r\nligne trois')])));
    expect(text).toContain('ligne un\nligne deux\nligne trois');
  });
});

describe('toWinAnsi', () => {
  let supported: Set<number>;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    supported = new Set((await doc.embedFont(StandardFonts.Helvetica)).getCharacterSet());
  });

  it('keeps French: accents, « », ’, —, …, œ, €', () => {
    const french = 'Élève à l’œuvre — « déjà » … Œuvre 5 € ç Ç ÿ Ÿ æ';
    expect(toWinAnsi(french, supported)).toBe(french);
  });

  it('replaces the rest with close characters or ?', () => {
    expect(toWinAnsi('ă ł Ł → ← ≤ ≥ ✓ ✗ − ‑', supported)).toBe('a l L -> <- <= >= v x - -');
    expect(toWinAnsi('🙂 中文 α', supported)).toBe('? ?? ?');
    expect(toWinAnsi('a\u202Fb\u2009c', supported)).toBe('a\u00a0b c');
  });

  it('drops invisible and control characters, expands tabs, composes decomposed accents', () => {
    expect(toWinAnsi('a\u200Bb\uFEFFc\u0001d', supported)).toBe('abcd');
    expect(toWinAnsi('a\tb', supported)).toBe('a    b');
    expect(toWinAnsi('e\u0301te\u0301', supported)).toBe('été');
  });

  it('lets pdf-lib encode anything', async () => {
    const nasty = 'ă 🙂 \u0000 \u202F \uD800 中 \t « » — … œ';
    const { text } = await pdfText(await planToPdf(plan([p(nasty)])));
    expect(text).toContain('a ?');
    expect(text).toContain('« » — … œ');
  });
});

describe('screenshots in the PDF', () => {
  /** The decoded pixels pdfjs paints for the page's one image. */
  async function paintedImage(bytes: Uint8Array) {
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const name = ops.argsArray[ops.fnArray.indexOf(OPS.paintImageXObject)]![0] as string;
    const image = await new Promise<{ width: number; height: number; data: Uint8Array }>((resolve) => page.objs.get(name, resolve));
    await doc.destroy();
    return image;
  }

  it.each([
    ['RGB, every PNG filter (copied as is)', { filters: true }],
    ['RGBA (decoded by pdf-lib)', { alpha: true, filters: true }],
  ])('draws %s with the right pixels', async (_, options) => {
    const png = makePng(24, 40, 200, 3, options);
    const image = await paintedImage(await planToPdf(plan([{ type: 'image', bytes: png, format: 'png', width: 24, height: 40, alt: 'capture' }])));
    expect([image.width, image.height]).toEqual([24, 40]);
    const rgb = image.data.length === 24 * 40 * 3 ? 3 : 4;
    const at = (x: number, y: number) => [...image.data.slice((y * 24 + x) * rgb, (y * 24 + x) * rgb + 3)];
    // Flat bands after the noisy first pixels: 200 for rows 0–15, 212 for 16–31, 224 after.
    expect(at(20, 10)).toEqual([200, 200, 200]);
    expect(at(5, 20)).toEqual([212, 212, 212]);
    expect(at(23, 39)).toEqual([224, 224, 224]);
  });

  it('copies only 8-bit RGB or grey PNGs without transparency as they are', () => {
    expect(pngPassthrough(makePng(4, 4, 0, 1))).toMatchObject({ width: 4, height: 4, colors: 3 });
    expect(pngPassthrough(makePng(4, 4, 0, 1, { alpha: true }))).toBeNull();
    expect(pngPassthrough(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });

  it('keeps a capture on the page of the line that introduces it', async () => {
    const filler = Array.from({ length: 50 }, (_, n) => p(`ligne ${n}`));
    const png = makePng(640, 360, 0, 1);
    const bytes = await planToPdf(plan([...filler, p('Preuve n° 3 — Capture d’écran'), { type: 'image', bytes: png, format: 'png', width: 640, height: 360, alt: 'capture' }]));
    const { pages } = await pdfText(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Preuve n° 3');
  });
});
