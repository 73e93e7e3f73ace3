// The session summary for the school's systems: two CSV files, one row per candidate × criterion
// and one per candidate × bloc with the decision. Written for French Excel and LibreOffice:
// UTF-8 with a byte-order mark, semicolons, CRLF, RFC 4180 quoting, and every text cell that a
// spreadsheet could run as a formula neutralised (see `neutraliseFormula`).
import { isoLocal } from './format';
import { CSV_HEADERS, DECISION_LABELS, DOC, STATUS_LABELS, tr, type Lang } from './messages';
import type { EvaluationRecord } from './record';

export const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/**
 * A cell a spreadsheet could run as a formula: it starts with a tab or a carriage return, or,
 * after what a spreadsheet may skip — Unicode spaces (\s: tab, line breaks, NBSP, U+2000–U+200A,
 * U+202F, U+3000, U+FEFF…), control and zero-width characters (Calc with « Supprimer les
 * espaces » trims spaces, then runs « =1+1 »; other programs may trim more) —, with a character
 * a spreadsheet starts a formula with: = + - @ (OWASP's list; @ also Lotus-style
 * « @SUM(…) », DDE « =cmd|… » starts with =), their full-width forms ＝ ＋ － ＠ (an East Asian
 * input method types them, and some programs fold them to ASCII), their small forms ﹦ ﹢ ﹣ ﹫ and
 * the minus sign − (U+2212), folded the same way.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u0000-\u001F\u007F-\u009F\u180E\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212])/;

/**
 * A text cell that could run as a formula, prefixed with an apostrophe (OWASP's advice): the
 * spreadsheet shows it as text, and a reader still sees every character that was typed.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell: a text neutralised if it could start a formula, quoted if it holds ; " or a line
 * break. A number is written as it is (a count is never negative, and must stay a number).
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join(EOL) + EOL;
}

export interface CsvOptions {
  lang?: Lang;
  timeZone?: string;
}

/** The columns both files start with: which evaluation, candidate, certification and mode. */
function evaluationColumns(r: EvaluationRecord, lang: Lang): string[] {
  return [r.evaluationId, r.candidate.name, r.certification.title, r.certification.rncp ?? '', String(r.referentielVersion), tr(CSV_HEADERS.modeShort[r.mode], lang)];
}

/** One row per candidate × criterion of the evaluated blocs. */
export function criteriaCsv(records: readonly EvaluationRecord[], options: CsvOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const rows: (string | number)[][] = [CSV_HEADERS.criteria.map((h) => tr(h, lang))];
  for (const r of records) {
    for (const bloc of r.blocs) {
      for (const group of bloc.groups) {
        for (const c of group.criteria) {
          rows.push([
            ...evaluationColumns(r, lang),
            bloc.code,
            bloc.title,
            group.kind === 'bloc' ? '' : group.competencies.map((k) => k.code).join(', '),
            c.code,
            c.id,
            c.gap ? (c.gapText ?? '') : c.text,
            tr(STATUS_LABELS[c.status], lang),
            c.exemptionReason ?? '',
            c.observation,
            tr(c.aiAssisted ? CSV_HEADERS.yes : CSV_HEADERS.no, lang),
            c.evidence.length,
            c.updatedBy ?? '',
            c.updatedAt ? isoLocal(c.updatedAt, options.timeZone) : '',
          ]);
        }
      }
    }
  }
  return csvLines(rows);
}

/** One row per candidate × evaluated bloc, with the counts of statuses and the decision. */
export function blocsCsv(records: readonly EvaluationRecord[], options: CsvOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const rows: (string | number)[][] = [CSV_HEADERS.blocs.map((h) => tr(h, lang))];
  for (const r of records) {
    const jury = r.jurors.map((j) => `${j.name} (${tr(j.external ? DOC.externalShort : DOC.internalShort, lang)})`).join(', ');
    for (const bloc of r.blocs) {
      const n = bloc.counts;
      const d = bloc.decision;
      rows.push([
        ...evaluationColumns(r, lang),
        jury,
        bloc.code,
        bloc.title,
        n.total,
        n.acquis,
        n['partiellement-acquis'],
        n['non-acquis'],
        n.exempte,
        n.remaining,
        d?.decision ? tr(DECISION_LABELS[d.decision], lang) : '',
        d?.comment ?? '',
        d?.decidedBy ?? '',
        d ? isoLocal(d.decidedAt, options.timeZone) : '',
      ]);
    }
  }
  return csvLines(rows);
}
