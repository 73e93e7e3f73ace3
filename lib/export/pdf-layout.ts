// The PDF's page layout: A4 pages with a running header, a cursor moving down the page and a new
// page when a block does not fit, and wrapped text (with a bullet or a quote bar); screenshots
// and tables are drawn on it by pdf-figures.ts. Everything drawn is marked for its structure
// element (pdf-tags.ts).
import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { Block, Run } from './plan';
import type { StructElem, Tagger } from './pdf-tags';
import { drawText, fitLine, textWidth, toWinAnsi, tokens, wrap, type Fonts, type Line, type Token } from './pdf-text';
import { fit } from './image';

export const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
export const CONTENT = { left: PAGE.margin, right: PAGE.width - PAGE.margin, top: PAGE.height - PAGE.margin, bottom: PAGE.margin };
export const WIDTH = CONTENT.right - CONTENT.left;
export const GREY = rgb(0.35, 0.35, 0.35);
export const BLACK = rgb(0, 0, 0);

export type ImageBlock = Extract<Block, { type: 'image' }>;

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

/** Height a screenshot takes: CSS pixels to points (96 dpi → 72), within the text width and a page's height. */
export const imageSize = (block: ImageBlock) => fit(block.width * 0.75, block.height * 0.75, WIDTH, CONTENT.top - CONTENT.bottom - 20);

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

  /** Runs wrapped into lines of this width. */
  wrapped(runs: Run[], size: number, width: number): Token[][] {
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

  /** Height an image block will take. */
  imageHeight(block: ImageBlock): number {
    return imageSize(block).height + 10;
  }
}
