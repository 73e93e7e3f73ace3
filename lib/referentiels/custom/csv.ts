// CSV files a juror brings (the référentiel template; the roster later), read by papaparse:
// semicolon or comma (guessed from the header line), UTF-8 with or without BOM, CRLF, LF or CR,
// quoted fields with "" and line breaks. Every row keeps the line of the file where it starts, so
// that problems can be named by line; problems come back in French.
//
// Unlike the hand-written reader this replaced, a quote opens a quoted field only at the very start
// of a cell (RFC 4180, as spreadsheets write it): « x; "a;b" » (a space before the quote) is read as
// the cells « x », « "a », « b" »; and « "ab"cd » (text after the closing quote) is a problem
// instead of « abcd ».
import Papa from 'papaparse';
import { ReferentielImportError } from './errors';

export type CsvDelimiter = ';' | ',';

export interface CsvRecord {
  /** Line of the file where the record starts (the first line is line 1). */
  line: number;
  cells: string[];
}

export interface CsvRows {
  delimiter: CsvDelimiter;
  /** Every non-blank row, the header included, in order. */
  rows: CsvRecord[];
  /** Problems in French, each starting with « ligne N : »; empty when the file reads cleanly. */
  problems: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  records: CsvRecord[];
}

/** The delimiter used most often outside quotes in the first line. */
export function guessDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** Line number (1-based) of each offset, from the offsets where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const UNCLOSED = 'guillemet ouvert jamais fermé (le reste du fichier serait lu comme une seule cellule).';
const TRAILING = 'texte après un guillemet fermant : dans un champ entre guillemets, doublez les guillemets du texte ("").';

/** Reads a CSV file into its rows (blank lines skipped), each with its line, and the problems met. */
export function readCsv(input: string, delimiter?: CsvDelimiter): CsvRows {
  // One line break, as `\n`: a CR LF or a lone CR (old Mac files) counts as one line, in a quoted cell too.
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const used = delimiter ?? guessDelimiter(text);
  const lineAt = lineFinder(text);
  const rows: CsvRecord[] = [];
  const problems: string[] = [];
  const problem = (line: number, message: string) => {
    const entry = `ligne ${line} : ${message}`;
    if (!problems.includes(entry)) problems.push(entry);
  };
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: used,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: ({ data: cells, errors, meta }) => {
      const line = lineAt(start);
      // The quote that opens the field: papaparse's index points just after it.
      const quoteLine = (index: number | undefined) => lineAt(Math.max(start, (index ?? start + 1) - 1));
      let trailing: number | undefined;
      for (const e of errors) {
        if (e.code === 'InvalidQuotes') {
          trailing = e.index;
          problem(quoteLine(e.index), TRAILING);
        } else if (e.code === 'MissingQuotes' && e.index !== trailing) problem(quoteLine(e.index), UNCLOSED);
      }
      if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ line, cells });
      start = meta.cursor;
    },
  });
  return { delimiter: used, rows, problems };
}

/** The référentiel template's table: the header (trimmed, lower-case) and the records; throws a ReferentielImportError on any problem. */
export function parseCsv(input: string): CsvTable {
  const { delimiter, rows, problems } = readCsv(input);
  if (problems.length) throw new ReferentielImportError(problems);
  const [head, ...records] = rows;
  if (!head) throw new ReferentielImportError(['Le fichier CSV est vide.']);
  return { delimiter, header: head.cells.map((h) => h.trim().toLowerCase()), records };
}
