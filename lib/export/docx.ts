// A document plan as a Word file (.docx), editable in Word and LibreOffice: real Title and
// Heading1–3 styles (navigable outline), bullets, tables for the status counts and the
// signatures, screenshots embedded at the text width, page header and « Page n / N » footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { xmlSafe } from './format';
import type { Block, DocumentPlan, Run } from './plan';
import type { EvaluationRecord } from './record';
import { recordPlan, type PlanOptions } from './record-plan';

/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };

function runs(list: Run[], extra: { size?: number; color?: string } = {}): TextRun[] {
  return list.flatMap((run) =>
    xmlSafe(run.text)
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((text, n) => new TextRun({ text, bold: run.bold, italics: run.italic, break: n > 0 ? 1 : undefined, ...extra })),
  );
}

const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: runs([{ text, bold }]) })],
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });

/**
 * Column proportions from each column's longest word (plus room for the cell's margins), so no
 * word is cut in two: Writer breaks a word that does not fit its cell (« Partiellem-ent »).
 */
function fractionsByLongestWord(lines: string[][]): number[] {
  const weights = lines[0]!.map((_, i) => Math.max(...lines.map((line) => Math.max(...(line[i] ?? '').split(/\s+/).map((w) => w.length)))) + 3);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** A table across the text width (in twips, which every Word and LibreOffice reads), columns in the given proportions. */
function table(header: string[], rows: string[][], options: { rowHeight?: number; fractions?: number[]; boldFirst?: boolean } = {}): Table {
  const widths = (options.fractions ?? fractionsByLongestWord([header, ...rows])).map((f) => Math.floor(f * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((t, i) => cell(t, widths[i]!, true)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            height: options.rowHeight ? { value: options.rowHeight, rule: HeightRule.ATLEAST } : undefined,
            children: r.map((t, i) => cell(t, widths[i]!, i === 0 && !!options.boldFirst)),
          }),
      ),
    ],
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function render(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs([{ text: block.text }]) })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], keepNext: true, children: runs([{ text: block.text }]) })];
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(block.runs, block.small ? { size: 18, color: '555555' } : {}),
          bullet: block.list !== undefined ? { level: block.list } : undefined,
          indent: block.quote ? { left: 567 } : undefined,
          border: block.quote ? { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } : undefined,
          spacing: { after: block.list !== undefined ? 40 : 100 },
        }),
      ];
    case 'image':
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: block.format,
              data: block.bytes,
              transformation: { width: block.width, height: block.height },
              altText: { name: 'capture', title: xmlSafe(block.alt), description: xmlSafe(block.alt) },
            }),
          ],
        }),
      ];
    case 'table':
      return [table(block.header, block.rows), new Paragraph({ children: [] })];
    case 'signatures':
      return [table(block.header, block.rows.map((r) => [r.name, r.role, r.line]), { rowHeight: 900, fractions: [0.36, 0.2, 0.44], boldFirst: true })];
  }
}

export async function planToDocx(plan: DocumentPlan): Promise<Uint8Array> {
  const language = { value: plan.lang === 'en' ? 'en-GB' : 'fr-FR' };
  const doc = new Document({
    creator: 'Grille',
    title: xmlSafe(plan.title),
    subject: xmlSafe(plan.subject),
    description: xmlSafe(plan.runningHeader),
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        headers: { default: new Header({ children: [new Paragraph({ children: runs([{ text: plan.runningHeader }], { size: 16, color: '666666' }) })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${plan.pageWords.page} `, PageNumber.CURRENT, ` ${plan.pageWords.of} `, PageNumber.TOTAL_PAGES], size: 16, color: '666666' })],
              }),
            ],
          }),
        },
        children: plan.blocks.flatMap(render),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The jury record of an evaluation as .docx bytes. */
export function recordToDocx(record: EvaluationRecord, options: PlanOptions = {}): Promise<Uint8Array> {
  return planToDocx(recordPlan(record, options));
}
