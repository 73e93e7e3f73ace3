// The PDF's page layout: A4 pages with a running header, a cursor moving down the page and a new
// page when a block does not fit; wrapped text (with a bullet or a quote bar), screenshots at the
// text width, tables with borders. Everything drawn is marked for its structure element (pdf-tags.ts).
import { PDFRawStream, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Block, Run } from './plan';
import type { StructElem, Tagger } from './pdf-tags';
import { drawText, fitLine, textWidth, toWinAnsi, tokens, wrap, type Fonts, type Line, type Token } from './pdf-text';
import { fit, pngPassthrough } from './image';

export const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const CONTENT = { left: PAGE.margin, right: PAGE.width - PAGE.margin, top: PAGE.height - PAGE.margin, bottom: PAGE.margin };
const WIDTH = CONTENT.right - CONTENT.left;
export const GREY = rgb(0.35, 0.35, 0.35);
export const BLACK = rgb(0, 0, 0);

type ImageBlock = Extract<Block, { type: 'image' }>;

export interface TextOptions {
  tag: StructElem;
  label?: StructElem;
  size: number;
  indent?: number;
  after?: number;
  color?: ReturnType<typeof rgb>;
  bullet?: boolean;
  bar?: boolean;
  keep?: number;
  reserve?: number;
}

export interface TableOptions {
  minRow?: number;
  widths?: number[];
  boldFirst?: boolean;
}

/** Height a screenshot takes: CSS pixels to points (96 dpi → 72), within the text width and a page's height. */
const imageSize = (block: ImageBlock) => fit(block.width * 0.75, block.height * 0.75, WIDTH, CONTENT.top - CONTENT.bottom - 20);

export class Layout {
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
    const header = fitLine(this.clean(this.header), this.fonts.regular, size, WIDTH);
    this.tags.mark(this.page, 'header');
    drawText(this.page, header, { x: CONTENT.left, y: PAGE.height - 34, size, font: this.fonts.regular, color: GREY });
    this.page.drawLine({ start: { x: CONTENT.left, y: PAGE.height - 40 }, end: { x: CONTENT.right, y: PAGE.height - 40 }, thickness: 0.5, color: GREY });
    this.y = CONTENT.top;
  }

  /** Room for `height` points below the cursor, or a new page. */
  ensure(height: number) {
    if (this.y - height < CONTENT.bottom && this.y < CONTENT.top) this.newPage();
  }

  private wrapped(runs: Run[], size: number, width: number): Token[][] {
    return wrap(tokens(runs, this.fonts, this.clean), size, width);
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
  text(runs: Run[], options: TextOptions) {
    const { size, indent = 0 } = options;
    const leading = size * 1.35;
    const lines = this.wrapped(runs, size, WIDTH - indent);
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

  async image(block: ImageBlock, figure: StructElem) {
    const size = imageSize(block);
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
  table(parent: StructElem, header: string[], rows: string[][], options: TableOptions = {}) {
    const widths = (options.widths ?? header.map(() => 1 / header.length)).map((w) => w * WIDTH);
    const table = this.tags.add(parent, 'Table');
    this.tableRow(table, widths, header, () => true, 0, true);
    for (const row of rows) this.tableRow(table, widths, row, (i) => i === 0 && !!options.boldFirst, options.minRow ?? 0);
    this.y -= 8;
  }

  private tableRow(table: StructElem, widths: number[], cells: string[], bold: (i: number) => boolean, min: number, head = false) {
    const size = 9.5;
    const leading = size * 1.3;
    const pad = 4;
    const row = this.tags.add(table, 'TR');
    const wrapped = cells.map((c, i) => this.wrapped([{ text: c, bold: bold(i) }], size, widths[i]! - 2 * pad));
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
  }

  /** Height an image block will take. */
  imageHeight(block: ImageBlock): number {
    return imageSize(block).height + 10;
  }
}
