// @vitest-environment node
// The session summary CSV, parsed back with a small RFC 4180 parser: BOM, semicolons, CRLF,
// quoting of ; " and line breaks, and the formula guard.
import { beforeAll, describe, expect, it } from 'vitest';
import { BOM, blocsCsv, criteriaCsv, csvCell, csvLines, neutraliseFormula } from '@/lib/export/csv';
import { buildSessionRecords, type EvaluationRecord } from '@/lib/export/record';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, SAMPLE, seedExportSession } from '../../fixtures/export-session';
import { FORMULA_CELLS } from '../../fixtures/formula-cells';

/** RFC 4180 with a chosen separator: returns the rows, and whether every record ended with CRLF. */
function parseCsv(text: string, sep = ';'): { rows: string[][]; crlf: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let crlf = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`guillemet au milieu d'un champ non cité, ligne ${rows.length + 1}`);
      quoted = true;
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\n' || text[i + 1] !== '\n') crlf = false;
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('champ cité non fermé');
  if (field || row.length) {
    row.push(field);
    rows.push(row);
    crlf = false;
  }
  return { rows, crlf };
}

let records: EvaluationRecord[];
beforeAll(async () => {
  const db = new WorkspaceDb(`export-csv-${crypto.randomUUID()}`);
  await seedExportSession(db);
  await seedExportSession(db, 'tuteur');
  // Both seeded at the same instants: put the jury's first.
  records = (await buildSessionRecords(db, [exportCertification])).sort((a, b) => a.mode.localeCompare(b.mode));
});

describe('csvCell', () => {
  it('quotes ; " and line breaks per RFC 4180', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('simple, avec virgule')).toBe('simple, avec virgule');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('vertical tab, form feed and other control characters before = count as blanks', () => {
    for (const blank of ['\u000B', '\u000C', '\u0000', '\u0085', '\u2028', '\u2060']) expect(neutraliseFormula(`${blank}=1+1`)).toBe(`'${blank}=1+1`);
  });

  // Every way a typed text can reach a spreadsheet as a formula: each is written with a leading
  // apostrophe, and read back otherwise unchanged.
  it.each(FORMULA_CELLS)('neutralises a cell starting like a formula: %s', (_, value) => {
    const { rows } = parseCsv(csvLines([[value]]).slice(1));
    expect(rows[0]![0]).toBe(`'${value}`);
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Bonne veille', 'a = b', '1+1', '2025-03-12 10:00', 'C1 · critère 1', ' texte', '\u00A0« cité »', '\nsuite', "l'équipe", '(=1+1)', '#REF!'])(
    'leaves a text that cannot start a formula as it is: %j',
    (value) => expect(neutraliseFormula(value)).toBe(value),
  );

  it('writes numbers as numbers, a negative one too', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('-2')).toBe("'-2");
  });

  it('starts with a byte-order mark and ends every record with CRLF', () => {
    const text = csvLines([['a', 'b'], ['c', 'd']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('a;b\r\nc;d\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('session summary', () => {
  it('one row per candidate × criterion, every field read back intact', () => {
    const text = criteriaCsv(records, { timeZone: 'Europe/Paris' });
    expect(text.startsWith(BOM)).toBe(true);
    const { rows, crlf } = parseCsv(text.slice(1));
    expect(crlf).toBe(true);
    const [header, ...data] = rows;
    expect(header).toEqual([
      "Identifiant de l'évaluation",
      'Candidat',
      'Certification',
      'Code RNCP',
      'Version du référentiel',
      'Cadre',
      'Bloc',
      'Intitulé du bloc',
      'Compétences',
      'Code du critère',
      'Identifiant du critère',
      'Critère',
      'Statut',
      "Raison de l'exemption",
      'Observation',
      "Rédigée avec l'aide de l'IA",
      'Preuves',
      'Saisi par',
      'Saisi le',
    ]);
    expect(data).toHaveLength(2 * 5);
    expect(data.every((r) => r.length === header!.length)).toBe(true);
    const col = (name: string) => header!.indexOf(name);
    const first = data.filter((r) => r[0] === records[0]!.evaluationId);
    expect(first.map((r) => [r[col('Code du critère')], r[col('Statut')]])).toEqual([
      ['C1 · critère 1', 'Acquis'],
      ['C1+C2 · critère 1', 'Exempté'],
      ['Bloc 1 · critère 1', 'Partiellement acquis'],
      ['Bloc 1 · critère 2', 'Non acquis'],
      ['C3 · critère 1', 'Non acquis'],
    ]);
    const byCode = new Map(first.map((r) => [r[col('Code du critère')], r]));
    expect(byCode.get('C1 · critère 1')![col('Observation')]).toBe(SAMPLE.observationK001);
    expect(byCode.get('C1 · critère 1')![col('Candidat')]).toBe(SAMPLE.candidate);
    expect(byCode.get('C1 · critère 1')![col('Preuves')]).toBe('2');
    expect(byCode.get('C1 · critère 1')![col('Saisi le')]).toMatch(/^2025-03-12 10:\d\d$/);
    expect(byCode.get('C1+C2 · critère 1')![col("Raison de l'exemption")]).toBe(SAMPLE.exemptionReason);
    expect(byCode.get('C1+C2 · critère 1')![col('Compétences')]).toBe('C1, C2');
    expect(byCode.get('Bloc 1 · critère 1')![col("Rédigée avec l'aide de l'IA")]).toBe('oui');
    expect(byCode.get('Bloc 1 · critère 1')![col('Observation')]).toBe(SAMPLE.observationK003);
    expect(byCode.get('Bloc 1 · critère 2')![col('Critère')]).toBe(SAMPLE.gapText);
    // ; " and a line break inside, and a leading '=' neutralised.
    expect(byCode.get('C3 · critère 1')![col('Observation')]).toBe(`'${SAMPLE.observationK005}`);
  });

  it('one row per candidate × bloc with the decision and its motivation', () => {
    const { rows, crlf } = parseCsv(blocsCsv(records, { timeZone: 'Europe/Paris' }).slice(1));
    expect(crlf).toBe(true);
    const [header, ...data] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(data).toHaveLength(4);
    const pick = (r: string[]) => [r[col('Cadre')], r[col('Bloc')], r[col('Critères')], r[col('Acquis')], r[col('Exemptés')], r[col('Non évalués')], r[col('Décision')], r[col('Motivation ou retour')], r[col('Décidé par')]];
    expect(data.map(pick)).toEqual([
      ['jury', '1', '4', '1', '1', '0', 'Validé', '', 'Nadia Benali'],
      ['jury', '2', '1', '0', '0', '0', 'Ajourné / à compléter', SAMPLE.blocMotivation, 'Jean Dupont'],
      ['tuteur', '1', '4', '1', '1', '0', '', 'Bon travail de veille, à poursuivre.', 'Nadia Benali'],
      ['tuteur', '2', '1', '0', '0', '0', '', SAMPLE.blocMotivation, 'Jean Dupont'],
    ]);
    expect(data[0]![col('Jury')]).toBe('Nadia Benali (externe), Jean Dupont (interne)');
    expect(data[0]![col('Décidé le')]).toMatch(/^2025-03-12 10:\d\d$/);
  });

  it('uses semicolons so French Excel splits the columns', () => {
    const firstLine = criteriaCsv(records).slice(1).split('\r\n')[0]!;
    expect(firstLine.split(';')).toHaveLength(19);
    expect(firstLine).not.toContain('"');
  });
});
