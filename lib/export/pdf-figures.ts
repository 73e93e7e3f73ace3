// Screenshots and tables on the PDF's layout: a screenshot at the text width (a PNG's pixels
// copied as they are when they can be), a Figure with its box; a table with header cells and
// borders, its rows kept whole on a page.
import { PDFRawStream, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { StructElem } from './pdf-tags';
import { CONTENT, GREY, WIDTH, imageSize, type ImageBlock, type Layout } from './pdf-layout';
import { pngPassthrough } from './image';

export interface TableOptions {
  minRow?: number;
  widths?: number[];
  boldFirst?: boolean;
}

/** A PNG's compressed pixels as an image XObject, untouched; null when the PNG needs decoding. */
function directPng(doc: PDFDocument, bytes: Uint8Array): PDFRef | null {
  const png = pngPassthrough(bytes);
  if (!png) return null;
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    ColorSpace: png.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: png.colors, BitsPerComponent: 8, Columns: png.width },
  });
  return doc.context.register(PDFRawStream.of(dict, png.data));
}

/** A screenshot below the cursor, as the figure `figure`. */
export async function drawImage(layout: Layout, block: ImageBlock, figure: StructElem) {
  const { doc } = layout;
  const size = imageSize(block);
  const direct = block.format === 'png' ? directPng(doc, block.bytes) : null;
  const embedded = direct ? null : block.format === 'png' ? await doc.embedPng(block.bytes) : await doc.embedJpg(block.bytes);
  layout.ensure(size.height + 6);
  layout.y -= size.height + 4;
  figure.attributes = { O: 'Layout', Placement: 'Block', BBox: [CONTENT.left, layout.y, CONTENT.left + size.width, layout.y + size.height].map((n) => Math.round(n * 100) / 100) };
  layout.tags.mark(layout.page, figure);
  if (direct) {
    const name = layout.page.node.newXObject('Image', direct);
    layout.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(size.width, 0, 0, size.height, CONTENT.left, layout.y), drawObject(name), popGraphicsState());
  } else layout.page.drawImage(embedded!, { x: CONTENT.left, y: layout.y, width: size.width, height: size.height });
  layout.y -= 6;
}

function tableRow(layout: Layout, table: StructElem, widths: number[], cells: string[], bold: (i: number) => boolean, min: number, head = false) {
  const size = 9.5;
  const leading = size * 1.3;
  const pad = 4;
  const row = layout.tags.add(table, 'TR');
  const wrapped = cells.map((c, i) => layout.wrapped([{ text: c, bold: bold(i) }], size, widths[i]! - 2 * pad));
  const h = Math.max(min, ...wrapped.map((l) => l.length * leading)) + 2 * pad;
  layout.ensure(h);
  const top = layout.y;
  let x = CONTENT.left;
  wrapped.forEach((lines, i) => {
    const th = head || bold(i);
    const cell = layout.tags.add(row, th ? 'TH' : 'TD', th ? { attributes: { O: 'Table', Scope: head ? 'Column' : 'Row' } } : {});
    layout.y = top - pad;
    layout.drawLines(lines, cell, x + pad, size, leading);
    x += widths[i]!;
  });
  // The borders after the row's text, as one artifact.
  layout.tags.mark(layout.page, 'layout');
  x = CONTENT.left;
  for (const width of widths) {
    layout.page.drawRectangle({ x, y: top - h, width, height: h, borderColor: GREY, borderWidth: 0.5 });
    x += width;
  }
  layout.y = top - h;
}

/** A table in `parent`: the header row's cells are TH, and so is each row's first cell when bold. */
export function drawTable(layout: Layout, parent: StructElem, header: string[], rows: string[][], options: TableOptions = {}) {
  const widths = (options.widths ?? header.map(() => 1 / header.length)).map((w) => w * WIDTH);
  const table = layout.tags.add(parent, 'Table');
  tableRow(layout, table, widths, header, () => true, 0, true);
  for (const row of rows) tableRow(layout, table, widths, row, (i) => i === 0 && !!options.boldFirst, options.minRow ?? 0);
  layout.y -= 8;
}
