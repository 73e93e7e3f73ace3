// A document plan as PDF (A4, Helvetica): our own line wrapping and pagination, a running header
// and « Page n / N » on every page, screenshots at the text width. The standard fonts only
// encode WinAnsi (Windows-1252), which covers French (accents, « », ’, —, …, œ, €): any other
// character is replaced by a close one (ă → a, → → ->) or by « ? », never dropped silently.
// Tagged (pdf-tags.ts): headings H1–H4 (the title, then the plan's levels 1–3), P, lists L > LI >
// Lbl + LBody, quotes, tables with header cells, screenshots as Figure with their alternative
// text, in the plan's order; header, footer, rules and borders are artifacts.
import {
  PDFDocument,
  PDFRawStream,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFPageDrawTextOptions,
  type PDFRef,
} from 'pdf-lib';
import { DOC, tr } from './messages';
import type { Block, DocumentPlan, Run } from './plan';
import { Tagger, type StructElem } from './pdf-tags';
import type { EvaluationRecord } from './record';
import { recordPlan, type PlanOptions } from './record-plan';
import { fit, pngPassthrough } from './image';

const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const CONTENT = { left: PAGE.margin, right: PAGE.width - PAGE.margin, top: PAGE.height - PAGE.margin, bottom: PAGE.margin };
const WIDTH = CONTENT.right - CONTENT.left;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

/** Close WinAnsi equivalents of common characters outside it. */
const REPLACEMENTS: Record<string, string> = {
  '\u202F': '\u00A0', // narrow no-break space (French typography)
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u21D2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2718': 'x',
  '\u25CF': '•',
  '\u25AA': '•',
  '\u2023': '•',
  '\u2043': '-',
  '\u2044': '/',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u00D8': 'Ø',
  '\t': '    ',
};
const DROPPED = /[\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B-\u001F\u007F]/;

/** The text with every character encodable in WinAnsi by the standard fonts. */
export function toWinAnsi(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || supported.has(code)) out += ch;
    else if (DROPPED.test(ch)) continue;
    else if (REPLACEMENTS[ch] !== undefined) out += [...REPLACEMENTS[ch]!].map((c) => (supported.has(c.codePointAt(0)!) ? c : ' ')).join('');
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

/** A wrapped line; `cut` when it ends inside a word too long for a line. */
type Line = Token[] & { cut?: boolean };

interface Token {
  text: string;
  font: PDFFont;
  /** A forced line break before this token. */
  br?: boolean;
  space?: boolean;
}

/**
 * drawText with a font: pdf-lib's `font` option and its setFont add a new entry to the page's font
 * resources on every call (hundreds per record). Each font gets one resource name per page, and
 * the page is pointed at it directly (`font` and `fontKey` are what setFont sets; pdf-lib is pinned).
 */
const pageFonts = new WeakMap<PDFPage, Map<PDFFont, unknown>>();
function drawText(page: PDFPage, text: string, options: Omit<PDFPageDrawTextOptions, 'font'> & { font: PDFFont }) {
  const { font, ...rest } = options;
  const current = page as unknown as { font?: PDFFont; fontKey?: unknown };
  if (current.font !== font) {
    let keys = pageFonts.get(page);
    if (!keys) pageFonts.set(page, (keys = new Map()));
    const key = keys.get(font);
    if (key) {
      current.font = font;
      current.fontKey = key;
    } else {
      page.setFont(font);
      keys.set(font, current.fontKey);
    }
  }
  page.drawText(text, rest);
}

/**
 * Advance width of a text in points, from a per-character cache: drawText adds no kerning, so
 * neither does this (pdf-lib's widthOfTextAtSize kerns, and re-encodes the text on every call).
 */
const advances = new WeakMap<PDFFont, Map<string, number>>();
export function textWidth(font: PDFFont, text: string, size: number): number {
  let table = advances.get(font);
  if (!table) advances.set(font, (table = new Map()));
  let width = 0;
  for (const ch of text) {
    let w = table.get(ch);
    if (w === undefined) table.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
    width += w;
  }
  return (width * size) / 1000;
}

class Layout {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  private readonly charset: ReadonlySet<number>;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly header: string,
    readonly tags: Tagger,
  ) {
    this.charset = new Set(fonts.regular.getCharacterSet());
    this.newPage();
  }

  clean = (text: string) => toWinAnsi(text, this.charset);

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    const size = 8;
    const header = this.fitLine(this.clean(this.header), this.fonts.regular, size, WIDTH);
    this.tags.mark(this.page, 'header');
    drawText(this.page, header, { x: CONTENT.left, y: PAGE.height - 34, size, font: this.fonts.regular, color: GREY });
    this.page.drawLine({ start: { x: CONTENT.left, y: PAGE.height - 40 }, end: { x: CONTENT.right, y: PAGE.height - 40 }, thickness: 0.5, color: GREY });
    this.y = CONTENT.top;
  }

  /** Room for `height` points below the cursor, or a new page. */
  ensure(height: number) {
    if (this.y - height < CONTENT.bottom && this.y < CONTENT.top) this.newPage();
  }

  /** Cuts a single line to a width with an ellipsis (the running header). */
  fitLine(text: string, font: PDFFont, size: number, width: number): string {
    if (textWidth(font, text, size) <= width) return text;
    let cut = text;
    while (cut && textWidth(font, `${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  fontOf(run: Run): PDFFont {
    if (run.bold && run.italic) return this.fonts.boldItalic;
    if (run.bold) return this.fonts.bold;
    if (run.italic) return this.fonts.italic;
    return this.fonts.regular;
  }

  tokens(runs: Run[]): Token[] {
    const out: Token[] = [];
    for (const run of runs) {
      const font = this.fontOf(run);
      this.clean(run.text.replace(/\r\n?/g, '\n'))
        .split('\n')
        .forEach((line, n) => {
          if (n > 0) out.push({ text: '', font, br: true });
          for (const piece of line.split(/( +)/)) if (piece) out.push({ text: piece, font, space: /^ +$/.test(piece) });
        });
    }
    return out;
  }

  /** Lines of tokens that fit the width; words longer than a line are cut. */
  wrap(tokens: Token[], size: number, width: number): Token[][] {
    const lines: Token[][] = [[]];
    let used = 0;
    const measure = (t: Token) => textWidth(t.font, t.text, size);
    const push = (t: Token) => {
      lines.at(-1)!.push(t);
      used += measure(t);
    };
    const breakLine = () => {
      const line = lines.at(-1)!;
      while (line.length && line.at(-1)!.space) line.pop();
      lines.push([]);
      used = 0;
    };
    for (const token of tokens) {
      if (token.br) {
        breakLine();
        continue;
      }
      if (token.space) {
        if (lines.at(-1)!.length) push(token);
        continue;
      }
      let rest = token.text;
      while (rest) {
        const w = textWidth(token.font, rest, size);
        if (used + w <= width) {
          push({ ...token, text: rest });
          break;
        }
        if (used > 0) {
          breakLine();
          continue;
        }
        // Alone and too long: as many characters as fit.
        let n = rest.length;
        while (n > 1 && textWidth(token.font, rest.slice(0, n), size) > width) n--;
        push({ ...token, text: rest.slice(0, n) });
        rest = rest.slice(n);
        if (rest) {
          (lines.at(-1) as Line).cut = true;
          breakLine();
        }
      }
    }
    return lines;
  }

  drawLines(lines: Token[][], tag: StructElem, x: number, size: number, leading: number, color = BLACK, before?: (first: boolean) => void) {
    lines.forEach((line, n) => {
      this.ensure(leading);
      before?.(n === 0);
      this.y -= leading;
      let cursor = x;
      // One drawText per stretch of the same font: extracted text keeps its words and spaces.
      for (let k = 0; k < line.length; ) {
        const font = line[k]!.font;
        let text = '';
        while (k < line.length && line[k]!.font === font) text += line[k++]!.text;
        // A line wrapped between two words ends with their space, invisible but read: assistive
        // technology following the structure would otherwise join the last and first words.
        if (k === line.length && n < lines.length - 1 && !(line as Line).cut && !/\s$/.test(text)) text += ' ';
        this.tags.mark(this.page, tag);
        drawText(this.page, text, { x: cursor, y: this.y + (leading - size) * 0.6, size, font, color });
        cursor += textWidth(font, text, size);
      }
    });
  }

  /** Text of the element `tag`; a bullet is the label `label` (an artifact without one). */
  text(
    runs: Run[],
    options: { tag: StructElem; label?: StructElem; size: number; indent?: number; after?: number; color?: ReturnType<typeof rgb>; bullet?: boolean; bar?: boolean; keep?: number; reserve?: number },
  ) {
    const { size, indent = 0 } = options;
    const leading = size * 1.35;
    const lines = this.wrap(this.tokens(runs), size, WIDTH - indent);
    this.ensure(leading * Math.min(lines.length, options.keep ?? 2) + (options.reserve ?? 0));
    this.drawLines(lines, options.tag, CONTENT.left + indent, size, leading, options.color, (first) => {
      if (first && options.bullet) {
        this.tags.mark(this.page, options.label ?? 'layout');
        drawText(this.page, '•', { x: CONTENT.left + indent - 10, y: this.y - leading + (leading - size) * 0.6, size, font: this.fonts.regular });
      }
      if (options.bar) {
        this.tags.mark(this.page, 'layout');
        this.page.drawLine({ start: { x: CONTENT.left + indent - 8, y: this.y }, end: { x: CONTENT.left + indent - 8, y: this.y - leading }, thickness: 1.5, color: GREY });
      }
    });
    this.y -= options.after ?? 4;
  }

  /** A PNG's compressed pixels as an image XObject, untouched; null when the PNG needs decoding. */
  private directPng(bytes: Uint8Array): PDFRef | null {
    const png = pngPassthrough(bytes);
    if (!png) return null;
    const dict = this.doc.context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: png.width,
      Height: png.height,
      ColorSpace: png.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: png.colors, BitsPerComponent: 8, Columns: png.width },
    });
    return this.doc.context.register(PDFRawStream.of(dict, png.data));
  }

  async image(block: Extract<Block, { type: 'image' }>, figure: StructElem) {
    // CSS pixels to points (96 dpi → 72), within the text width and a page's height.
    const size = fit(block.width * 0.75, block.height * 0.75, WIDTH, CONTENT.top - CONTENT.bottom - 20);
    const direct = block.format === 'png' ? this.directPng(block.bytes) : null;
    const embedded = direct ? null : block.format === 'png' ? await this.doc.embedPng(block.bytes) : await this.doc.embedJpg(block.bytes);
    this.ensure(size.height + 6);
    this.y -= size.height + 4;
    figure.attributes = { O: 'Layout', Placement: 'Block', BBox: [CONTENT.left, this.y, CONTENT.left + size.width, this.y + size.height].map((n) => Math.round(n * 100) / 100) };
    this.tags.mark(this.page, figure);
    if (direct) {
      const name = this.page.node.newXObject('Image', direct);
      this.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(size.width, 0, 0, size.height, CONTENT.left, this.y), drawObject(name), popGraphicsState());
    } else this.page.drawImage(embedded!, { x: CONTENT.left, y: this.y, width: size.width, height: size.height });
    this.y -= 6;
  }

  /** A table in `parent`: the header row's cells are TH, and so is each row's first cell when bold. */
  table(parent: StructElem, header: string[], rows: string[][], options: { minRow?: number; widths?: number[]; boldFirst?: boolean } = {}) {
    const size = 9.5;
    const leading = size * 1.3;
    const pad = 4;
    const widths = (options.widths ?? header.map(() => 1 / header.length)).map((w) => w * WIDTH);
    const table = this.tags.add(parent, 'Table');
    const drawRow = (cells: string[], bold: (i: number) => boolean, min: number, head = false) => {
      const row = this.tags.add(table, 'TR');
      const wrapped = cells.map((c, i) => this.wrap(this.tokens([{ text: c, bold: bold(i) }]), size, widths[i]! - 2 * pad));
      const h = Math.max(min, ...wrapped.map((l) => l.length * leading)) + 2 * pad;
      this.ensure(h);
      const top = this.y;
      let x = CONTENT.left;
      wrapped.forEach((lines, i) => {
        const th = head || bold(i);
        const cell = this.tags.add(row, th ? 'TH' : 'TD', th ? { attributes: { O: 'Table', Scope: head ? 'Column' : 'Row' } } : {});
        this.y = top - pad;
        this.drawLines(lines, cell, x + pad, size, leading);
        x += widths[i]!;
      });
      // The borders after the row's text, as one artifact.
      this.tags.mark(this.page, 'layout');
      x = CONTENT.left;
      for (const width of widths) {
        this.page.drawRectangle({ x, y: top - h, width, height: h, borderColor: GREY, borderWidth: 0.5 });
        x += width;
      }
      this.y = top - h;
    };
    drawRow(header, () => true, 0, true);
    for (const row of rows) drawRow(row, (i) => i === 0 && !!options.boldFirst, options.minRow ?? 0);
    this.y -= 8;
  }

  /** Height an image block will take. */
  imageHeight(block: Extract<Block, { type: 'image' }>): number {
    return fit(block.width * 0.75, block.height * 0.75, WIDTH, CONTENT.top - CONTENT.bottom - 20).height + 10;
  }
}

async function fontsOf(doc: PDFDocument): Promise<Fonts> {
  const [regular, bold, italic, boldItalic] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
    doc.embedFont(StandardFonts.HelveticaBoldOblique),
  ]);
  return { regular, bold, italic, boldItalic };
}

export async function planToPdf(plan: DocumentPlan): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await fontsOf(doc);
  const tags = new Tagger(doc);
  const layout = new Layout(doc, fonts, plan.runningHeader, tags);
  const clean = layout.clean;
  doc.setTitle(clean(plan.title), { showInWindowTitleBar: true });
  doc.setSubject(clean(plan.subject));
  doc.setCreator('Grille');
  doc.setProducer('Grille (pdf-lib)');
  doc.setLanguage(plan.lang === 'en' ? 'en-GB' : 'fr-FR');
  doc.setCreationDate(new Date(plan.createdAt));
  doc.setModificationDate(new Date(plan.createdAt));

  // The open list items, per depth: their L and LBody. What follows an item (sub-items, a quote,
  // a screenshot) goes in it, as in Markdown; any other block ends the lists.
  let lists: StructElem[] = [];
  let bodies: StructElem[] = [];
  const parentOf = (block: Block): StructElem => {
    if (block.type !== 'image' && !(block.type === 'paragraph' && block.quote)) [lists, bodies] = [[], []];
    return bodies.at(-1) ?? tags.document;
  };
  const item = (depth: number) => {
    const d = Math.min(depth, bodies.length);
    bodies.length = d;
    lists.length = Math.min(lists.length, d + 1);
    const list = (lists[d] ??= tags.add(d ? bodies[d - 1]! : tags.document, 'L', { attributes: { O: 'List', ListNumbering: 'Disc' } }));
    const li = tags.add(list, 'LI');
    const label = tags.add(li, 'Lbl');
    return { label, body: (bodies[d] = tags.add(li, 'LBody')) };
  };

  for (const [n, block] of plan.blocks.entries()) {
    const next = plan.blocks[n + 1];
    switch (block.type) {
      case 'title':
        layout.text([{ text: block.text, bold: true }], { tag: tags.add(parentOf(block), 'H1'), size: 18, after: 10 });
        break;
      case 'heading': {
        const sizes = { 1: 15, 2: 12.5, 3: 11 };
        const gaps = { 1: 14, 2: 10, 3: 6 };
        const size = sizes[block.level];
        layout.y -= gaps[block.level];
        // Keep a heading with the two lines that follow it — and with the next heading and its
        // two lines when a heading follows directly (a section opening on a sub-heading).
        const following = next?.type === 'heading' ? gaps[next.level] + sizes[next.level] * 1.35 + 4 : 0;
        layout.ensure(size * 1.35 + 30 + following);
        // The title is H1: the plan's levels 1–3 are H2–H4.
        layout.text([{ text: block.text, bold: true }], { tag: tags.add(parentOf(block), `H${block.level + 1}` as 'H2' | 'H3' | 'H4'), size, after: 4, keep: 3 });
        break;
      }
      case 'paragraph': {
        const depth = block.list === undefined ? 0 : block.list + 1;
        const { label, body } =
          block.list !== undefined ? item(block.list) : { label: undefined, body: tags.add(block.quote ? tags.add(parentOf(block), 'BlockQuote') : parentOf(block), 'P') };
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
        break;
      }
      case 'image':
        await layout.image(block, tags.add(parentOf(block), 'Figure', { alt: block.alt.trim() || tr(DOC.screenshot, plan.lang) }));
        break;
      case 'table':
        layout.table(parentOf(block), block.header, block.rows);
        break;
      case 'signatures':
        layout.table(parentOf(block), block.header, block.rows.map((r) => [r.name, r.role, r.line]), { minRow: 48, widths: [0.36, 0.2, 0.44], boldFirst: true });
        break;
    }
  }

  const total = layout.pages.length;
  layout.pages.forEach((page, n) => {
    const label = clean(`${plan.pageWords.page} ${n + 1} ${plan.pageWords.of} ${total}`);
    const w = textWidth(fonts.regular, label, 8);
    tags.mark(page, 'footer');
    drawText(page, label, { x: (PAGE.width - w) / 2, y: 28, size: 8, font: fonts.regular, color: GREY });
  });
  tags.finish(layout.pages);
  return doc.save();
}

/** The jury record of an evaluation as PDF bytes. */
export function recordToPdf(record: EvaluationRecord, options: PlanOptions = {}): Promise<Uint8Array> {
  return planToPdf(recordPlan(record, options));
}
