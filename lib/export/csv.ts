// The session summary for the school's systems: two CSV files, one row per candidate × criterion
// and one per candidate × bloc with the decision. Written for French Excel and LibreOffice:
// UTF-8 with a byte-order mark, semicolons, CRLF, RFC 4180 quoting. A cell starting with
// = + - @ or a tab / carriage return gets a leading apostrophe so a spreadsheet never runs it
// as a formula (an observation is user text, a criterion text could be imported).
import { isoLocal } from './format';
import { CSV_HEADERS, DECISION_LABELS, DOC, STATUS_LABELS, tr, type Lang } from './messages';
import type { EvaluationRecord } from './record';

export const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/** One cell: neutralised if it could start a formula, quoted if it holds ; " or a line break. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
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
