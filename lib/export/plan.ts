// A document as a flat list of blocks (headings, paragraphs, list items, images, tables), built
// once from a record or a feedback and rendered by docx.ts, pdf.ts and markdown.ts: the three
// formats say the same thing in the same order. Text in a block is plain text, never markup;
// each renderer escapes it for its format.
import type { Lang } from './messages';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; `list` makes it a bullet at that depth, `quote` sets it off as quoted text. Runs may hold line breaks. */
  | { type: 'paragraph'; runs: Run[]; list?: 0 | 1; quote?: boolean; small?: boolean }
  | { type: 'image'; bytes: Uint8Array; format: 'png' | 'jpg'; width: number; height: number; alt: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** One row per member: name, capacity, and a line to sign on. */
  | { type: 'signatures'; header: [string, string, string]; rows: { name: string; role: string; line: string }[] };

export interface DocumentPlan {
  lang: Lang;
  title: string;
  /** Repeated at the top of every page. */
  runningHeader: string;
  subject: string;
  /** « Page », « / »: footers read « Page 2 / 5 ». */
  pageWords: { page: string; of: string };
  createdAt: number;
  blocks: Block[];
}

export const p = (...runs: (Run | string)[]): Block => ({ type: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) });
export const li = (depth: 0 | 1, ...runs: (Run | string)[]): Block => ({ ...(p(...runs) as Extract<Block, { type: 'paragraph' }>), list: depth });
export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });
export const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });

/** All the text of a plan, in order (tests and search). */
export function planText(plan: DocumentPlan): string {
  return plan.blocks
    .map((block) => {
      switch (block.type) {
        case 'title':
        case 'heading':
          return block.text;
        case 'paragraph':
          return block.runs.map((r) => r.text).join('');
        case 'image':
          return block.alt;
        case 'table':
          return [block.header, ...block.rows].map((r) => r.join(' ')).join('\n');
        case 'signatures':
          return block.rows.map((r) => `${r.name} ${r.role} ${r.line}`).join('\n');
      }
    })
    .join('\n');
}
