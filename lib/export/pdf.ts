// A document plan as PDF (A4, Helvetica): our own line wrapping and pagination (pdf-layout.ts,
// pdf-figures.ts), a running header and « Page n / N » on every page, screenshots at the text
// width. The standard fonts only encode WinAnsi (Windows-1252), which covers French: other
// characters are replaced (pdf-text.ts), never dropped silently.
// Tagged (pdf-tags.ts): headings H1–H4 (the title, then the plan's levels 1–3), P, lists L > LI >
// Lbl + LBody, quotes, tables with header cells, screenshots as Figure with their alternative
// text, in the plan's order; header, footer, rules and borders are artifacts.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DOC, tr } from './messages';
import type { Block, DocumentPlan } from './plan';
import { Tagger, type StructElem } from './pdf-tags';
import { drawImage, drawTable } from './pdf-figures';
import { BLACK, GREY, Layout, PAGE } from './pdf-layout';
import { drawText, textWidth, type Fonts } from './pdf-text';
import type { EvaluationRecord } from './record';
import { recordPlan, type PlanOptions } from './record-plan';

export { textWidth, toWinAnsi } from './pdf-text';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

async function fontsOf(doc: PDFDocument): Promise<Fonts> {
  const [regular, bold, italic, boldItalic] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
    doc.embedFont(StandardFonts.HelveticaBoldOblique),
  ]);
  return { regular, bold, italic, boldItalic };
}

function setInfo(doc: PDFDocument, plan: DocumentPlan, clean: (text: string) => string) {
  doc.setTitle(clean(plan.title), { showInWindowTitleBar: true });
  doc.setSubject(clean(plan.subject));
  doc.setCreator('Grille');
  doc.setProducer('Grille (pdf-lib)');
  doc.setLanguage(plan.lang === 'en' ? 'en-GB' : 'fr-FR');
  doc.setCreationDate(new Date(plan.createdAt));
  doc.setModificationDate(new Date(plan.createdAt));
}

/**
 * Where each block goes in the structure tree. The open list items, per depth: their L and LBody.
 * What follows an item (sub-items, a quote, a screenshot) goes in it, as in Markdown; any other
 * block ends the lists.
 */
class Nesting {
  private lists: StructElem[] = [];
  private bodies: StructElem[] = [];
  constructor(private readonly tags: Tagger) {}

  parentOf(block: Block): StructElem {
    if (block.type !== 'image' && !(block.type === 'paragraph' && block.quote)) [this.lists, this.bodies] = [[], []];
    return this.bodies.at(-1) ?? this.tags.document;
  }

  /** A new list item at this depth: its label and its body. */
  item(depth: number): { label: StructElem; body: StructElem } {
    const { tags, lists, bodies } = this;
    const d = Math.min(depth, bodies.length);
    bodies.length = d;
    lists.length = Math.min(lists.length, d + 1);
    const list = (lists[d] ??= tags.add(d ? bodies[d - 1]! : tags.document, 'L', { attributes: { O: 'List', ListNumbering: 'Disc' } }));
    const li = tags.add(list, 'LI');
    const label = tags.add(li, 'Lbl');
    return { label, body: (bodies[d] = tags.add(li, 'LBody')) };
  }
}

const HEADING_SIZES = { 1: 15, 2: 12.5, 3: 11 };
const HEADING_GAPS = { 1: 14, 2: 10, 3: 6 };

function heading(layout: Layout, nesting: Nesting, block: BlockOf<'heading'>, next: Block | undefined) {
  const size = HEADING_SIZES[block.level];
  layout.y -= HEADING_GAPS[block.level];
  // Keep a heading with the two lines that follow it — and with the next heading and its
  // two lines when a heading follows directly (a section opening on a sub-heading).
  const following = next?.type === 'heading' ? HEADING_GAPS[next.level] + HEADING_SIZES[next.level] * 1.35 + 4 : 0;
  layout.ensure(size * 1.35 + 30 + following);
  // The title is H1: the plan's levels 1–3 are H2–H4.
  layout.text([{ text: block.text, bold: true }], { tag: layout.tags.add(nesting.parentOf(block), `H${block.level + 1}` as 'H2' | 'H3' | 'H4'), size, after: 4, keep: 3 });
}

function paragraph(layout: Layout, nesting: Nesting, block: BlockOf<'paragraph'>, next: Block | undefined) {
  const { tags } = layout;
  const depth = block.list === undefined ? 0 : block.list + 1;
  const { label, body } =
    block.list !== undefined ? nesting.item(block.list) : { label: undefined, body: tags.add(block.quote ? tags.add(nesting.parentOf(block), 'BlockQuote') : nesting.parentOf(block), 'P') };
  layout.text(block.runs, {
    tag: body,
    label,
    size: block.small ? 8.5 : 10,
    indent: block.quote ? 20 : depth * 14,
    bullet: block.list !== undefined,
    bar: block.quote,
    color: block.small ? GREY : BLACK,
    after: block.list !== undefined ? 2 : 5,
    // A screenshot stays on the page of the line that introduces it, when it fits.
    reserve: next?.type === 'image' ? Math.min(layout.imageHeight(next), 400) : 0,
  });
}

async function drawBlock(layout: Layout, nesting: Nesting, plan: DocumentPlan, block: Block, next: Block | undefined) {
  const { tags } = layout;
  switch (block.type) {
    case 'title':
      layout.text([{ text: block.text, bold: true }], { tag: tags.add(nesting.parentOf(block), 'H1'), size: 18, after: 10 });
      break;
    case 'heading':
      heading(layout, nesting, block, next);
      break;
    case 'paragraph':
      paragraph(layout, nesting, block, next);
      break;
    case 'image':
      await drawImage(layout, block, tags.add(nesting.parentOf(block), 'Figure', { alt: block.alt.trim() || tr(DOC.screenshot, plan.lang) }));
      break;
    case 'table':
      drawTable(layout, nesting.parentOf(block), block.header, block.rows);
      break;
    case 'signatures':
      drawTable(layout, nesting.parentOf(block), block.header, block.rows.map((r) => [r.name, r.role, r.line]), { minRow: 48, widths: [0.36, 0.2, 0.44], boldFirst: true });
      break;
  }
}

/** « Page n / N » at the foot of every page, once the number of pages is known. */
function numberPages(layout: Layout, plan: DocumentPlan) {
  const total = layout.pages.length;
  const font = layout.fonts.regular;
  layout.pages.forEach((page, n) => {
    const label = layout.clean(`${plan.pageWords.page} ${n + 1} ${plan.pageWords.of} ${total}`);
    const w = textWidth(font, label, 8);
    layout.tags.mark(page, 'footer');
    drawText(page, label, { x: (PAGE.width - w) / 2, y: 28, size: 8, font, color: GREY });
  });
}

export async function planToPdf(plan: DocumentPlan): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await fontsOf(doc);
  const tags = new Tagger(doc);
  const layout = new Layout(doc, fonts, plan.runningHeader, tags);
  setInfo(doc, plan, layout.clean);
  const nesting = new Nesting(tags);
  for (const [n, block] of plan.blocks.entries()) await drawBlock(layout, nesting, plan, block, plan.blocks[n + 1]);
  numberPages(layout, plan);
  tags.finish(layout.pages);
  return doc.save();
}

/** The jury record of an evaluation as PDF bytes. */
export function recordToPdf(record: EvaluationRecord, options: PlanOptions = {}): Promise<Uint8Array> {
  return planToPdf(recordPlan(record, options));
}
