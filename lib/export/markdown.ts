// A document plan as Markdown (CommonMark + GFM tables). Every piece of user text is escaped so it
// reads as the same literal text once rendered: no heading, list, link, emphasis, HTML or table
// cell can come out of an observation. Images are named, not embedded.
import type { Block, DocumentPlan, Run } from './plan';
import type { EvaluationRecord } from './record';
import { recordPlan, type PlanOptions } from './record-plan';

/** Characters special anywhere in a line. */
const INLINE = /[\\`*_[\]<>|~&!]/g;

/** One line of user text, escaped; `start`: it begins a line of the output. */
function escapeLine(line: string, start: boolean): string {
  let out = line
    .replace(INLINE, (c) => `\\${c}`)
    // GFM turns bare URLs, www. names and e-mail addresses into links: break their patterns.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  // Special at the start of a line: indented code, headings, block quotes, lists, setext underlines.
  if (start) out = out.replace(/^[ \t]+/, '').replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** User text as Markdown text: escaped, its line breaks kept as hard breaks. `start`: the text begins a line. */
export function escapeMarkdown(text: string, start = true): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, n) => escapeLine(line, start || n > 0))
    .join('\\\n');
}

function inline(runs: Run[]): string {
  return runs
    .map((run, n) => {
      const body = escapeMarkdown(run.text, n === 0 || /\n$/.test(runs[n - 1]!.text));
      const marker = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
      if (!marker || !body.trim()) return body;
      // Delimiters must touch non-space characters: keep the run's edge spaces outside them.
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(body)!;
      return `${lead}${marker}${core}${marker}${trail}`;
    })
    .join('');
}

const cellText = (text: string) => escapeMarkdown(text).replace(/\\\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Depth of the list item a block follows, if any: quotes and images inside it are indented to stay in it. */
function render(block: Block, inItem: number | null): string {
  const nest = inItem === null ? '' : '  '.repeat(inItem + 1);
  switch (block.type) {
    case 'title':
      return `# ${cellText(block.text)}`;
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${cellText(block.text)}`;
    case 'paragraph': {
      const text = inline(block.runs);
      if (block.quote) return text.split('\n').map((l) => `${nest}> ${l}`).join('\n');
      if (block.list === undefined) return text;
      const indent = '  '.repeat(block.list);
      return `${indent}- ${text.split('\n').join(`\n${indent}  `)}`;
    }
    case 'image':
      return `${nest}*${cellText(`[${block.alt}]`)}*`;
    case 'table':
      return table(block.header, block.rows);
    case 'signatures':
      return table(block.header, block.rows.map((r) => [r.name, r.role, r.line]));
  }
}

const listDepth = (block: Block | undefined): number | null => (block?.type === 'paragraph' && block.list !== undefined ? block.list : null);

export function planToMarkdown(plan: DocumentPlan): string {
  let out = '';
  let item: number | null = null;
  plan.blocks.forEach((block, n) => {
    const depth = listDepth(block);
    const nested = item !== null && (depth !== null || (block.type === 'paragraph' && block.quote) || block.type === 'image');
    if (n > 0) out += nested ? '\n' : '\n\n';
    out += render(block, nested ? item : null);
    if (depth !== null) item = depth;
    else if (!nested) item = null;
  });
  return `${out}\n`;
}

/** The jury record as Markdown (the feedback has its own, in feedback.ts). */
export function recordToMarkdown(record: EvaluationRecord, options: PlanOptions = {}): string {
  return planToMarkdown(recordPlan(record, options));
}
