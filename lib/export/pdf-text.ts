// Text for the PDF's standard fonts: WinAnsi (Windows-1252) only, which covers French (accents,
// « », ’, —, …, œ, €); any other character is replaced by a close one (ă → a, → → ->) or by « ? »,
// never dropped silently. Then measuring (no kerning, as drawText draws), wrapping into lines,
// and drawing with one font resource per page.
import type { PDFFont, PDFPage, PDFPageDrawTextOptions } from 'pdf-lib';
import type { Run } from './plan';

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

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

/** A wrapped line; `cut` when it ends inside a word too long for a line. */
export type Line = Token[] & { cut?: boolean };

export interface Token {
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
export function drawText(page: PDFPage, text: string, options: Omit<PDFPageDrawTextOptions, 'font'> & { font: PDFFont }) {
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

/** Cuts a single line to a width with an ellipsis (the running header). */
export function fitLine(text: string, font: PDFFont, size: number, width: number): string {
  if (textWidth(font, text, size) <= width) return text;
  let cut = text;
  while (cut && textWidth(font, `${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function fontOf(fonts: Fonts, run: Run): PDFFont {
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

/** Runs as words, spaces and line breaks, each in its font; `clean` makes the text WinAnsi. */
export function tokens(runs: Run[], fonts: Fonts, clean: (text: string) => string): Token[] {
  const out: Token[] = [];
  for (const run of runs) {
    const font = fontOf(fonts, run);
    clean(run.text.replace(/\r\n?/g, '\n'))
      .split('\n')
      .forEach((line, n) => {
        if (n > 0) out.push({ text: '', font, br: true });
        for (const piece of line.split(/( +)/)) if (piece) out.push({ text: piece, font, space: /^ +$/.test(piece) });
      });
  }
  return out;
}

/** Lines of tokens that fit the width; words longer than a line are cut. */
export function wrap(tokens: Token[], size: number, width: number): Token[][] {
  const lines: Token[][] = [[]];
  let used = 0;
  const push = (t: Token) => {
    lines.at(-1)!.push(t);
    used += textWidth(t.font, t.text, size);
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
