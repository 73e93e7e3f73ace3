// The RGAA grid as the juror fills it: one result per criterion (C, NC, NA, NT + comment), what
// the automated pass may propose (non-conformities only: axe cannot decide conformity), counts and
// the RGAA conformity rate.
import type { Finding } from '../checks/types';
import type { RgaaCriterionResult, RgaaResult } from '../workspace/types';
import { RGAA_CRITERIA, compareCriteria } from './criteria';
import { inPreset, type RgaaPreset } from './quick-audit';

export const RGAA_RESULTS: readonly RgaaResult[] = ['C', 'NC', 'NA', 'NT'];

/** A result the automated pass proposes for a criterion: only ever « NC ». */
export interface RgaaProposal {
  criterion: string;
  result: 'NC';
  comment: string;
  source: 'automated';
}

export type RgaaResults = Readonly<Record<string, RgaaCriterionResult>>;

/** A criterion without an entry is « Non testé ». */
export function resultOf(results: RgaaResults, criterion: string): RgaaResult {
  return results[criterion]?.result ?? 'NT';
}

/** Whether the juror has set this criterion (an automated proposal does not count). */
export function hasJurorEntry(results: RgaaResults, criterion: string): boolean {
  return results[criterion]?.source === 'juror';
}

function proposalComment(finding: Finding): string {
  const lines = finding.elements.map((e) => `- ${e.selector} : ${e.snippet}`);
  const more = finding.elements.length < Number(finding.data.faults ?? 0) ? ['- …'] : [];
  return [`Test automatique (axe-core) : ${finding.detail.fr}`, ...(lines.length ? ['Éléments :', ...lines, ...more] : [])].join('\n');
}

/**
 * Proposals from the automated findings: « NC » for criteria where a fault was found, with the
 * elements in the comment. Never « C », and never over a juror's entry.
 */
export function proposeFromAxe(findings: readonly Finding[], results: RgaaResults = {}): RgaaProposal[] {
  const proposals = new Map<string, RgaaProposal>();
  for (const f of findings) {
    if (f.family !== 'rgaa' || f.outcome !== 'fail') continue;
    for (const criterion of f.rgaa) {
      if (hasJurorEntry(results, criterion) || proposals.has(criterion)) continue;
      proposals.set(criterion, { criterion, result: 'NC', comment: proposalComment(f), source: 'automated' });
    }
  }
  return [...proposals.values()].sort((a, b) => compareCriteria(a.criterion, b.criterion));
}

/** Proposals that would change the grid: not already applied identically, no juror entry. */
export function pendingProposals(proposals: readonly RgaaProposal[], results: RgaaResults): RgaaProposal[] {
  return proposals.filter((p) => {
    const current = results[p.criterion];
    if (current?.source === 'juror') return false;
    return !(current?.result === p.result && current.comment === p.comment);
  });
}

export function criteriaOf(preset: RgaaPreset): string[] {
  return RGAA_CRITERIA.map((c) => c.number).filter((n) => inPreset(n, preset));
}

export type RgaaCounts = Record<RgaaResult, number>;

export function countResults(results: RgaaResults, criteria: readonly string[]): RgaaCounts {
  const counts: RgaaCounts = { C: 0, NC: 0, NA: 0, NT: 0 };
  for (const c of criteria) counts[resultOf(results, c)]++;
  return counts;
}

/** RGAA conformity rate: C ÷ (C + NC) over the criteria filled; NA and NT excluded. Null when nothing to divide. */
export function conformityRate(counts: Pick<RgaaCounts, 'C' | 'NC'>): number | null {
  const decided = counts.C + counts.NC;
  return decided === 0 ? null : counts.C / decided;
}

/** « 66,7 » / « 66.7 »: one decimal, as audit reports print it. */
export function formatRate(rate: number, lang: 'fr' | 'en'): string {
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return lang === 'fr' ? text.replace('.', ',') : text;
}
