// @vitest-environment jsdom
// The session CSV opened in a real spreadsheet: Debian's LibreOffice Calc, headless, as a school's
// secretary opens the summary. Candidate names, jurors, observations and motivations hold every
// text that could start a formula (tests/fixtures/formula-cells.ts); Calc reads the file with
// formulas evaluated (as its import dialog does by default), saves it as ODS, and no cell of the
// sheet may hold a formula: each shows the exported text, apostrophe included. Read a second time
// with « Supprimer les espaces » ticked, which turns « =1+1 » after a space into a formula.
// (`npm test` installs libreoffice-calc-nogui when absent. The jsdom environment gives DOMParser for content.xml.)
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocsCsv, criteriaCsv } from '@/lib/export/csv';
import { buildSessionRecords } from '@/lib/export/record';
import { saveObservation } from '@/lib/workspace/assessments';
import { WorkspaceDb } from '@/lib/workspace/db';
import { setDecision } from '@/lib/workspace/decisions';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { exportCertification, T0 } from '../fixtures/export-session';
import { FORMULA_CELLS } from '../fixtures/formula-cells';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'grille-calc-'));
const profile = `file://${join(dir, 'profile')}`;

/**
 * Calc's CSV import options (LibreOffice's « CSV Filter Options »): separator 59 (;), text
 * delimiter 34 ("), character set 76 (UTF-8), from line 1, no column formats, language 1036
 * (French), quoted fields not forced to text, special numbers not detected, tokens 9–10 for export
 * only, token 11 « trim spaces », token 12 the sheet (export only), token 13 « evaluate formulas »
 * — on, or the test could not fail.
 */
const filter = (trimSpaces: boolean) => `Text - txt - csv (StarCalc):59,34,76,1,,1036,false,false,false,false,${trimSpaces},-1,true`;

const ODS = 'urn:oasis:names:tc:opendocument:xmlns:';
const TABLE = `${ODS}table:1.0`;
const TEXT = `${ODS}text:1.0`;

/** The text a cell shows: its paragraphs joined by line breaks, <text:s>, <text:tab> and <text:line-break> expanded. */
function cellText(cell: Element): string {
  const inline = (node: Node): string => {
    if (node.nodeType === node.TEXT_NODE) return node.nodeValue ?? '';
    const el = node as Element;
    if (el.namespaceURI === TEXT && el.localName === 's') return ' '.repeat(Number(el.getAttributeNS(TEXT, 'c') ?? 1));
    if (el.namespaceURI === TEXT && el.localName === 'tab') return '\t';
    if (el.namespaceURI === TEXT && el.localName === 'line-break') return '\n';
    return [...el.childNodes].map(inline).join('');
  };
  return [...cell.getElementsByTagNameNS(TEXT, 'p')].map(inline).join('\n');
}

interface Sheet {
  rows: string[][];
  /** Cells holding a formula: « ligne 3, colonne 15 : of:=1+1 ». */
  formulas: string[];
}

/** The first sheet of an ODS file: its cells' texts, and any cell that holds a formula. */
function readOds(file: string): Sheet {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['content.xml']!);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const table = doc.getElementsByTagNameNS(TABLE, 'table')[0]!;
  const rows: string[][] = [];
  const formulas: string[] = [];
  for (const row of table.getElementsByTagNameNS(TABLE, 'table-row')) {
    const cells: string[] = [];
    for (const cell of [...row.children].filter((c) => c.namespaceURI === TABLE && (c.localName === 'table-cell' || c.localName === 'covered-table-cell'))) {
      const formula = cell.getAttributeNS(TABLE, 'formula');
      if (formula) formulas.push(`ligne ${rows.length + 1}, colonne ${cells.length + 1} : ${formula}`);
      const repeat = Number(cell.getAttributeNS(TABLE, 'number-columns-repeated') ?? 1);
      const text = cellText(cell);
      // Calc ends a row with one repeated empty cell standing for the rest of the sheet.
      for (let i = 0; i < Math.min(repeat, 100); i++) cells.push(text);
    }
    while (cells.length && cells.at(-1) === '') cells.pop();
    if (cells.length) rows.push(cells);
  }
  return { rows, formulas };
}

/** `csv` opened by Calc with the given import options, saved as ODS, read back. */
async function openInCalc(csv: string, trimSpaces: boolean): Promise<Sheet> {
  const outdir = join(dir, trimSpaces ? 'trimmed' : 'default');
  mkdirSync(outdir, { recursive: true });
  await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', `--infilter=${filter(trimSpaces)}`, '--convert-to', 'ods', '--outdir', outdir, csv], { timeout: 90_000 });
  const out = join(outdir, csv.split('/').at(-1)!.replace(/\.csv$/, '.ods'));
  if (!existsSync(out)) throw new Error(`LibreOffice n'a pas produit ${out}`);
  return readOds(out);
}

/** What Calc makes of a line break inside a cell: a new paragraph, whatever the break. */
const asCalcShows = (text: string) => text.replace(/\r\n?/g, '\n');

interface Expected {
  label: string;
  /** The hostile text as typed. */
  typed: string;
  /** Text cells of the row, by header, as Grille stored them (names and motivations are trimmed on entry). */
  cells: Record<string, string>;
}

/**
 * What a cell must show: the stored text after an apostrophe when it is the typed text, or when
 * trimming left it starting with = + - @; a text trimming made harmless (« caché ») may show bare.
 */
function checkCell(shown: string | undefined, stored: string, typed: string, where: string): void {
  if (stored === typed || /^[=+\-@]/.test(stored)) expect(shown, where).toBe(asCalcShows(`'${stored}`));
  else expect([asCalcShows(stored), asCalcShows(`'${stored}`)], where).toContain(shown);
}

const files = { criteria: join(dir, 'synthese-criteres.csv'), blocs: join(dir, 'synthese-blocs.csv') };
const expected = new Map<string, Expected>();
const sheets: Record<'default' | 'trimmed', Record<keyof typeof files, Sheet>> = {} as never;

beforeAll(async () => {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice est absent (${SOFFICE}) : npm test l'installe (apt-get install libreoffice-calc-nogui).`);
  // One evaluation per hostile text, written through the workspace's own functions: the text is
  // the candidate's name, a juror's, the one who typed, an observation and a bloc's motivation.
  const db = new WorkspaceDb(`calc-${crypto.randomUUID()}`);
  let t = T0;
  for (const [label, text] of FORMULA_CELLS) {
    const id = await createEvaluation(
      db,
      { candidateName: text, certificationId: exportCertification.id, referentielVersion: exportCertification.dataVersion, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: text, external: true }], deliverables: [] },
      text,
      (t += 1000),
    );
    await saveObservation(db, id, 'tc-k001', text, text, (t += 1000));
    await setDecision(db, { evaluationId: id, targetType: 'bloc', targetId: 'tc-b1', decision: 'ajourne', comment: text }, text, (t += 1000));
    expected.set(id, { label, typed: text, cells: {} });
  }
  const records = await buildSessionRecords(db, [exportCertification]);
  for (const r of records) {
    const c = r.blocs[0]!.groups.flatMap((g) => g.criteria).find((k) => k.id === 'tc-k001')!;
    expected.get(r.evaluationId)!.cells = {
      Candidat: r.candidate.name,
      Observation: c.observation,
      'Saisi par': c.updatedBy ?? '',
      'Motivation ou retour': r.blocs[0]!.decision!.comment,
      'Décidé par': r.blocs[0]!.decision!.decidedBy ?? '',
    };
  }
  writeFileSync(files.criteria, criteriaCsv(records, { timeZone: 'Europe/Paris' }));
  writeFileSync(files.blocs, blocsCsv(records, { timeZone: 'Europe/Paris' }));
  for (const mode of ['default', 'trimmed'] as const)
    sheets[mode] = { criteria: await openInCalc(files.criteria, mode === 'trimmed'), blocs: await openInCalc(files.blocs, mode === 'trimmed') };
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['default', 'trimmed'] as const)('the session CSV in LibreOffice Calc (%s)', (mode) => {
  it.each(['criteria', 'blocs'] as const)('%s: no cell holds a formula', (file) => {
    const sheet = sheets[mode][file];
    expect(sheet.rows.length).toBeGreaterThan(FORMULA_CELLS.length);
    expect(sheet.formulas).toEqual([]);
  });

  it.each(['criteria', 'blocs'] as const)('%s: every hostile cell shows the exported text, an apostrophe before it', (file) => {
    const [header, ...rows] = sheets[mode][file].rows;
    const col = (name: string) => header!.indexOf(name);
    const seen = new Set<string>();
    for (const row of rows) {
      const want = expected.get(row[0]!);
      if (!want) throw new Error(`ligne inattendue : ${row.join(' | ')}`);
      seen.add(want.label);
      const check = (name: string, stored = want.cells[name]!) => checkCell(row[col(name)], stored, want.typed, `${want.label} — ${name}`);
      check('Candidat');
      if (file === 'blocs') {
        check('Motivation ou retour');
        check('Décidé par');
        check('Jury', `${want.cells['Candidat']} (externe)`);
      } else if (row[col('Identifiant du critère')] === 'tc-k001') {
        // The observation is stored as typed: every variant reaches Calc untouched but for the apostrophe.
        expect(want.cells['Observation']).toBe(want.typed);
        check('Observation');
        check('Saisi par');
      }
    }
    expect([...seen].sort()).toEqual(FORMULA_CELLS.map(([label]) => label).sort());
  });
});
