// Reading exported files back in tests: the DOCX's XML parts (fflate) and the PDF's text
// (pdfjs-dist, legacy build for Node), line by line.
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export function docxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function docxXml(bytes: Uint8Array, part = 'word/document.xml'): string {
  const file = docxParts(bytes)[part];
  if (!file) throw new Error(`partie absente du DOCX : ${part}`);
  return strFromU8(file);
}

/** The text of document.xml's runs, XML entities decoded, one line per paragraph. */
export function docxText(xml: string): string {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1]!))).join(''))
    .filter(Boolean)
    .join('\n');
}

export interface PdfText {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

/** Each page's text, lines rebuilt from the items' vertical positions. */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const lines: string[] = [];
    let y: number | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const top = Math.round(item.transform[5] as number);
      if (y === null || Math.abs(top - y) > 2) lines.push(item.str);
      else lines[lines.length - 1] += item.str;
      y = top;
    }
    pages.push(lines.join('\n'));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, text: pages.join('\n'), info: info as Record<string, unknown> };
}

/** Asserts the needles appear in `text` in this order; returns the first missing one (or null). */
export function missingInOrder(text: string, needles: readonly string[]): string | null {
  let at = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    if (found < 0) return needle;
    at = found + needle.length;
  }
  return null;
}
