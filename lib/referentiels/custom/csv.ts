// A small RFC 4180 reader for the référentiel template: semicolon or comma (guessed from the
// header line), UTF-8 with or without BOM, CRLF or LF, quoted fields with "" and line breaks.
import { ReferentielImportError } from './errors';

export interface CsvRecord {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ';' | ',';
  header: string[];
  records: CsvRecord[];
}

/** The delimiter used most often outside quotes in the first line. */
export function guessDelimiter(text: string): ';' | ',' {
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

export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = guessDelimiter(text);
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    // Blank lines are skipped.
    if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ line: start, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        // A CR LF inside a quoted field is one line break.
        if (ch === '\r' && text[i + 1] === '\n') {
          i++;
          line++;
          cell += '\n';
        } else cell += ch === '\r' ? '\n' : ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new ReferentielImportError([`ligne ${quoteLine} : guillemet ouvert jamais fermé (le reste du fichier serait lu comme une seule cellule).`]);
  if (cell !== '' || cells.length) endRecord();
  const [head, ...records] = rows;
  if (!head) throw new ReferentielImportError(['Le fichier CSV est vide.']);
  return { delimiter, header: head.cells.map((h) => h.trim().toLowerCase()), records };
}
