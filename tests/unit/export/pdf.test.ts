// @vitest-environment node
// Golden tests of the jury record as PDF: extract its text with pdfjs and check the content in
// order, the French characters, markup kept literal, pages numbered, screenshots drawn, lines
// kept inside the margins; and its logical structure (tagged PDF) as pdfjs reads it.
import { beforeAll, describe, expect, it } from 'vitest';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib';
import { feedbackToPdf } from '@/lib/export/feedback';
import { pngPassthrough } from '@/lib/export/image';
import { planToPdf, recordToPdf, toWinAnsi } from '@/lib/export/pdf';
import { p, type DocumentPlan } from '@/lib/export/plan';
import { buildEvaluationRecord, type EvaluationRecord } from '@/lib/export/record';
import { recordPlan } from '@/lib/export/record-plan';
import { rgaaCriterion } from '@/lib/rgaa/criteria';
import { WorkspaceDb } from '@/lib/workspace/db';
import { AUDITED_PAGE, exportCertification, makePng, SAMPLE, seedExportSession, auditCriteriaLines } from '../../fixtures/export-session';
import { missingInOrder, pdfStructure, pdfText, structNodes, type PdfPageStructure, type PdfText } from './read-documents';

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
        'Référentiel : version 3',
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
        "Audit d'accessibilité (RGAA 4.1.2)",
        'Signatures',
        'Nadia Benali externe Signature : ____',
        'Jean Dupont interne Signature : ____',
      ]),
    ).toBeNull();
  });

  it('carries the RGAA audit after the blocs: page, counts, rate, assessed criteria with their comments, markup literal', () => {
    // pdf.js reads no-break spaces (before « ? » in the criteria's wording) back as plain spaces.
    const text = flat(pdf.text).replace(/\u00a0/g, ' ');
    const title = (n: string) => rgaaCriterion(n)!.title.replace(/\u00a0/g, ' ');
    expect(
      missingInOrder(text, [
        'Décision du jury — Bloc 2',
        "Audit d'accessibilité (RGAA 4.1.2)",
        AUDITED_PAGE.pageTitle,
        `Adresse de la page : ${AUDITED_PAGE.url}`,
        'Dernière modification le 12 mars 2025 à 10:',
        'Conforme Non conforme Non applicable Non testé Total',
        '1 2 1 102 106',
        'Taux de conformité : 33,3 % (1 ÷ (1 + 2))',
        'le taux de conformité ne porte que sur les critères testés',
        ...auditCriteriaLines(title),
        'Commentaire : Test automatique (axe-core) : 2 champs sans étiquette. Éléments : - input#email : <input id="email">',
        'Signatures',
      ]),
    ).toBeNull();
    expect(pdf.text).toContain('<img> sans alt & « guillemets »');
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

  it('ends no page on a heading: a heading stays with what follows it, a sub-heading included', () => {
    const headings = new Set(recordPlan(record, { timeZone: 'Europe/Paris' }).blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])));
    pdf.pages.slice(0, -1).forEach((page, n) => {
      const lines = page.split('\n').filter((line) => line.trim() && !/^Page \d+ \/ \d+$/.test(line));
      expect(headings.has(lines.at(-1)!), `page ${n + 1} ends on « ${lines.at(-1)} »`).toBe(false);
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

describe('jury record (tagged PDF)', () => {
  let structure: Awaited<ReturnType<typeof pdfStructure>>;
  beforeAll(async () => {
    structure = await pdfStructure(bytes);
  });

  // pdf.js also lists, under a list or table with content on a page, its elements drawn on other pages.
  const all = () => structure.pages.flatMap((page) => structNodes(page.roots));
  const ofRole = (role: string) => all().filter(({ node }) => node.role === role);

  it('is marked as tagged, with its language, its title shown and a structure tree', async () => {
    expect(structure.markInfo).toMatchObject({ Marked: true });
    const doc = await PDFDocument.load(bytes);
    const catalog = doc.catalog;
    expect(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fr-FR');
    expect(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
    const root = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(root.get(PDFName.of('Type'))).toBe(PDFName.of('StructTreeRoot'));
    expect(root.lookup(PDFName.of('K'), PDFArray).lookup(0, PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    expect(root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()).toBe(doc.getPageCount());
    doc.getPages().forEach((page, n) => {
      expect(page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber()).toBe(n);
      expect(page.node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
    });
    const english = await PDFDocument.load(await recordToPdf(record, { lang: 'en' }));
    expect(english.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB');
  });

  it('opens page 1 with the document’s title as H1, in a Document element', () => {
    const [document] = structure.pages[0]!.roots;
    expect(structure.pages[0]!.roots).toHaveLength(1);
    expect(document!.role).toBe('Document');
    expect(document!.children[0]).toMatchObject({ role: 'H1', text: "Procès-verbal d'évaluation" });
  });

  it('tags the headings with their levels (the title H1, the plan’s levels 1–3 as H2–H4), in the plan’s order', () => {
    const planned = recordPlan(record, { timeZone: 'Europe/Paris' }).blocks.flatMap((b) => (b.type === 'title' ? [`H1 ${b.text}`] : b.type === 'heading' ? [`H${b.level + 1} ${b.text}`] : []));
    const tagged = all()
      .filter(({ node }) => /^H\d$/.test(node.role))
      .map(({ node, parent }) => {
        expect(parent?.role).toBe('Document');
        return `${node.role} ${node.text}`;
      });
    expect(planned.length).toBeGreaterThan(10);
    expect(tagged).toEqual(planned);
    expect(tagged).toContain('H2 Membres du jury');
    expect(tagged).toContain('H4 C1 · critère 1');
  });

  it('puts a criterion’s observation in a P', () => {
    expect(ofRole('P').map(({ node }) => node.text)).toContain(`Observation : ${SAMPLE.observationK001}`);
  });

  it('makes the jury members a list: L > LI > Lbl (the bullet) + LBody', () => {
    const document = structure.pages[0]!.roots[0]!;
    const at = document.children.findIndex((node) => node.role === 'H2' && node.text === 'Membres du jury');
    const list = document.children[at + 1]!;
    expect(list.role).toBe('L');
    expect(list.children.map((li) => [li.role, ...li.children.map((c) => `${c.role} ${c.text}`)])).toEqual([
      ['LI', 'Lbl •', "LBody Nadia Benali — externe à l'organisme de formation"],
      ['LI', 'Lbl •', "LBody Jean Dupont — interne à l'organisme de formation"],
    ]);
  });

  it('makes the count of statuses a table: Table > TR > TH (header row) and TD', () => {
    const table = ofRole('Table')[0]!.node;
    const n = record.blocs[0]!.counts;
    expect(table.children.map((row) => [row.role, ...row.children.map((cell) => `${cell.role} ${cell.text}`)])).toEqual([
      ['TR', 'TH Acquis', 'TH Partiellement acquis', 'TH Non acquis', 'TH Exempté', 'TH Non évalué', 'TH Total'],
      ['TR', ...[n.acquis, n['partiellement-acquis'], n['non-acquis'], n.exempte, n.remaining, n.total].map((v) => `TD ${v}`)],
    ]);
  });

  it('ends a line wrapped between two words with their space, and a word cut for being too long without one', async () => {
    // The strings each text-showing operator draws (pdf.js's text content drops end-of-line spaces).
    const shown = async (data: Uint8Array) => {
      const doc = await getDocument({ data: data.slice(), verbosity: 0 }).promise;
      const ops = await (await doc.getPage(1)).getOperatorList();
      const out = ops.fnArray.flatMap((fn, i) =>
        fn === OPS.showText ? [(ops.argsArray[i]![0] as ({ unicode?: string } | number)[]).map((g) => (typeof g === 'object' && g ? (g.unicode ?? '') : '')).join('')] : [],
      );
      await doc.destroy();
      return out;
    };
    // The table's header cell « Partiellement acquis » wraps: read aloud, its words stay apart.
    expect(await shown(bytes)).toContain('Partiellement ');
    const long = await shown(await planToPdf({ ...recordPlan(record), blocks: [p('x'.repeat(400))] } as DocumentPlan));
    const cut = long.filter((text) => text.startsWith('xxx'));
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.every((text) => !text.endsWith(' '))).toBe(true);
  });

  it('names each font once in a page’s resources, not once per piece of text', async () => {
    const doc = await PDFDocument.load(bytes);
    for (const page of doc.getPages()) {
      const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
      expect(fonts.keys().length).toBeLessThanOrEqual(4);
    }
  });

  it('makes the screenshot a Figure with alternative text, inside its evidence item, around the painted image', async () => {
    const figures = ofRole('Figure').filter(({ node }) => node.content.length);
    expect(figures).toHaveLength(1);
    const { node: figure, parent } = figures[0]!;
    expect(figure.alt).toBe("Capture d'écran n° 3 : Le blog — Atelier Brume");
    expect(parent?.role).toBe('LBody');
    expect(parent?.text).toMatch(/^Preuve n° 3 — Capture d'écran/);
    // The image is painted inside the figure's marked content.
    const page = structure.pages.findIndex((p) => structNodes(p.roots).some(({ node }) => node === figure));
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const ops = await (await doc.getPage(page + 1)).getOperatorList();
    await doc.destroy();
    const open: unknown[][] = [];
    let around: unknown[] | undefined;
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) open.push(ops.argsArray[k] as unknown[]);
      else if (fn === OPS.endMarkedContent) open.pop();
      else if (fn === OPS.paintImageXObject) around = open.at(-1);
    });
    expect(around?.[0]).toBe('Figure');
    expect(figure.content).toEqual([expect.stringMatching(new RegExp(`_mc${around?.[1]}$`))]);
  });

  it('leaves the running header and « Page n / N » out of the structure, as artifacts', () => {
    const header = `Procès-verbal d'évaluation — ${SAMPLE.candidate} — Certification de test`;
    structure.pages.forEach((page, n) => {
      // Rules and borders are artifacts without text.
      const texts = page.artifacts.filter(Boolean);
      expect(texts).toHaveLength(2);
      expect(texts[0]!.startsWith(header)).toBe(true);
      expect(texts[1]).toBe(`Page ${n + 1} / ${structure.pages.length}`);
      for (const text of page.marked.values()) expect(text).not.toMatch(/^Page \d+ \/|Procès-verbal d'évaluation — /);
    });
  });

  it('tags every piece of text of every page: in a structure element of the page, or an artifact', () => {
    expectFullyTagged(structure.pages);
  });

  it('keeps a paragraph that runs over pages as one P, with one marked-content sequence per page', async () => {
    const long = Array.from({ length: 1500 }, (_, n) => `mot${n}`).join(' ');
    const doc = await PDFDocument.load(await planToPdf(plan([p(long), p('Fin.')])));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const document = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('K'), PDFArray).lookup(0, PDFDict);
    const kids = document.lookup(PDFName.of('K'), PDFArray);
    expect(kids.size()).toBe(2);
    const first = kids.lookup(0, PDFDict);
    expect(first.get(PDFName.of('S'))).toBe(PDFName.of('P'));
    const pages = first
      .lookup(PDFName.of('K'), PDFArray)
      .asArray()
      .map((kid) => (kid instanceof PDFNumber ? first.get(PDFName.of('Pg')) : (kid as PDFDict).get(PDFName.of('Pg'))));
    expect(pages.map(String)).toEqual(doc.getPages().map((page) => String(page.ref)));
  });

  it('describes a screenshot without a caption as « Capture d’écran »', async () => {
    const png = makePng(24, 40, 0, 1);
    const { pages } = await pdfStructure(await planToPdf(plan([{ type: 'image', bytes: png, format: 'png', width: 24, height: 40, alt: ' ' }])));
    expect(structNodes(pages[0]!.roots).map(({ node }) => [node.role, node.alt])).toEqual([
      ['Document', undefined],
      ['Figure', "Capture d'écran"],
    ]);
  });
});

describe('candidate’s feedback (tagged PDF)', () => {
  it('is tagged too: title H1, headings, lists, nothing untagged', async () => {
    const { markInfo, pages } = await pdfStructure(await feedbackToPdf(record, { timeZone: 'Europe/Paris' }));
    expect(markInfo).toMatchObject({ Marked: true });
    expect(pages[0]!.roots[0]!.children[0]).toMatchObject({ role: 'H1', text: 'Retour au candidat' });
    const roles = new Set(pages.flatMap((page) => structNodes(page.roots).map(({ node }) => node.role)));
    expect([...roles].sort()).toEqual(['Document', 'H1', 'H2', 'H3', 'H4', 'L', 'LBody', 'LI', 'Lbl', 'P']);
    expectFullyTagged(pages);
  });
});

/** Every text is in a marked-content sequence of the page's structure tree or in an artifact; MCIDs run from 0 in drawing order. */
function expectFullyTagged(pages: PdfPageStructure[]) {
  for (const page of pages) {
    expect(page.untagged).toEqual([]);
    const ids = structNodes(page.roots).flatMap(({ node }) => node.content);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...page.marked.keys()].sort()).toEqual([...ids].sort());
    expect([...page.marked.keys()].map((id) => Number(/_mc(\d+)$/.exec(id)![1]))).toEqual(ids.map((_, n) => n));
    expect(page.marked.size).toBeGreaterThan(0);
  }
}
