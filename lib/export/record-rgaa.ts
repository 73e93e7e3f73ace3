// The RGAA part of the jury record: each audited page's grid as the record shows it — counts,
// conformity rate, and the criteria the juror assessed or commented, in RGAA order.
import { RGAA_CRITERIA } from '@/lib/rgaa/criteria';
import { conformityRate, countResults, type RgaaCounts } from '@/lib/rgaa/grid';
import type { RgaaAuditRow, RgaaResult } from '@/lib/workspace/types';

/** A criterion the juror assessed (C, NC or NA) or commented in an RGAA grid; « Non testé » without a comment is not listed. */
export interface RecordRgaaCriterion {
  /** « 1.1 ». */
  number: string;
  /** The criterion's official wording (RGAA 4.1.2, French only). */
  title: string;
  result: RgaaResult;
  /** The juror's comment (or the automated proposal's): an internal note, never in the candidate's feedback. */
  comment: string;
  /** Still the automated pass's « NC » proposal, not reviewed by the juror. */
  automated: boolean;
  updatedAt: number;
}

/** The RGAA 4.1.2 grid of one audited page. */
export interface RecordRgaaAudit {
  id: string;
  pageUrl: string;
  pageTitle: string;
  createdAt: number;
  updatedAt: number;
  /** Over the 106 criteria; a criterion without a result counts as « Non testé ». */
  counts: RgaaCounts;
  /** C ÷ (C + NC), as the RGAA defines it; null when C + NC = 0. */
  rate: number | null;
  /** The assessed or commented criteria, in RGAA order. */
  criteria: RecordRgaaCriterion[];
}

const RGAA_NUMBERS = RGAA_CRITERIA.map((c) => c.number);

/** The audit as the record shows it; null when no criterion is assessed or commented. */
function toAudit(row: RgaaAuditRow): RecordRgaaAudit | null {
  const criteria: RecordRgaaCriterion[] = [];
  for (const c of RGAA_CRITERIA) {
    const r = row.results[c.number];
    // A comment on a criterion left « Non testé » is the juror's note too: kept.
    if (!r || (r.result === 'NT' && !r.comment.trim())) continue;
    criteria.push({ number: c.number, title: c.title, result: r.result, comment: r.comment, automated: r.source === 'automated', updatedAt: r.updatedAt });
  }
  if (!criteria.length) return null;
  const counts = countResults(row.results, RGAA_NUMBERS);
  return { id: row.id, pageUrl: row.pageUrl, pageTitle: row.pageTitle, createdAt: row.createdAt, updatedAt: row.updatedAt, counts, rate: conformityRate(counts), criteria };
}

const byOpening = (a: RgaaAuditRow, b: RgaaAuditRow) => a.createdAt - b.createdAt || (a.pageUrl < b.pageUrl ? -1 : a.pageUrl > b.pageUrl ? 1 : 0);

/** The audits with at least one criterion assessed or commented, in the order they were opened. */
export function rgaaAuditRecords(rows: readonly RgaaAuditRow[]): RecordRgaaAudit[] {
  return [...rows].sort(byOpening).flatMap((row) => toAudit(row) ?? []);
}
