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

/** A structure element of a page as pdf.js reads it, with the text of its marked content. */
export interface StructNode {
  role: string;
  alt?: string;
  /** Ids (pdf.js's `p<page>_mc<MCID>`) of its own marked content, in order. */
  content: string[];
  children: StructNode[];
  /** Its text and its descendants', in order, white space collapsed. */
  text: string;
}

export interface PdfPageStructure {
  /** The page's structure elements from the top (the Document element). */
  roots: StructNode[];
  /** The text of each marked-content sequence with an MCID, by id, in drawing order. */
  marked: Map<string, string>;
  /** The text of each artifact sequence, in drawing order. */
  artifacts: string[];
  /** Text drawn outside any marked content. */
  untagged: string[];
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The catalog's /MarkInfo and, per page, its structure tree (getStructTree) and its marked text (getTextContent). */
export async function pdfStructure(bytes: Uint8Array): Promise<{ markInfo: Record<string, unknown> | null; pages: PdfPageStructure[] }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPageStructure[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const marked = new Map<string, string>();
    const artifacts: string[] = [];
    const untagged: string[] = [];
    // Open sequences, innermost last: an MCID, an artifact or another tag.
    const stack: { id: string | null; artifact: boolean; text: string }[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('str' in item) {
        const text = item.str + (item.hasEOL ? '\n' : '');
        const owner = [...stack].reverse().find((s) => s.id !== null || s.artifact);
        if (owner) owner.text += text;
        else if (text.trim()) untagged.push(item.str);
      } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        // pdf.js gives the tag without declaring it.
        stack.push({ id: item.id ?? null, artifact: (item as { tag?: string }).tag === 'Artifact', text: '' });
      } else if (item.type === 'endMarkedContent') {
        const done = stack.pop()!;
        if (done.id !== null) marked.set(done.id, collapse(done.text));
        else if (done.artifact) artifacts.push(collapse(done.text));
      }
    }
    const node = (raw: { role: string; alt?: string; children?: unknown[] }): StructNode => {
      const content: string[] = [];
      const children: StructNode[] = [];
      const texts: string[] = [];
      for (const kid of (raw.children ?? []) as { type?: string; id?: string; role?: string }[]) {
        if (kid.type === 'content') {
          content.push(kid.id!);
          texts.push(marked.get(kid.id!) ?? '');
        } else if (kid.role) {
          const child = node(kid as { role: string });
          children.push(child);
          texts.push(child.text);
        }
      }
      return { role: raw.role, ...(raw.alt !== undefined ? { alt: raw.alt } : {}), content, children, text: collapse(texts.join(' ')) };
    };
    const tree = (await page.getStructTree()) as { children?: unknown[] } | null;
    pages.push({ roots: ((tree?.children ?? []) as { role: string }[]).map(node), marked, artifacts, untagged });
  }
  const markInfo = (await pdf.getMarkInfo()) as Record<string, unknown> | null;
  await pdf.destroy();
  return { markInfo, pages };
}

/** Every structure element under `roots`, depth first (reading order), with its parent. */
export function structNodes(roots: StructNode[]): { node: StructNode; parent: StructNode | null }[] {
  const out: { node: StructNode; parent: StructNode | null }[] = [];
  const walk = (node: StructNode, parent: StructNode | null) => {
    out.push({ node, parent });
    for (const child of node.children) walk(child, node);
  };
  for (const root of roots) walk(root, null);
  return out;
}
