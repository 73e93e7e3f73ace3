// RGAA grids: one per evaluation and audited page (evaluationId '' when the juror audits outside
// an evaluation). The juror's results and comments; the automated pass's « NC » proposals only
// where the juror has entered nothing. Within an evaluation every change is written to its
// history in the same transaction.
import type { RgaaProposal } from './grid';
import type { WorkspaceDb } from '../workspace/db';
import { WorkspaceRuleError } from '../workspace/errors';
import { newId } from '../workspace/evaluations';
import { record, type Change } from '../workspace/history';
import { mergeTexts } from '../workspace/merge-text';
import type { RgaaAuditRow, RgaaCriterionResult, RgaaResult } from '../workspace/types';

export interface AuditedPage {
  evaluationId: string;
  pageUrl: string;
  pageTitle: string;
}

/** The page without its fragment: « #section » is the same page. */
export function auditPageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

export function findAudit(db: WorkspaceDb, evaluationId: string, pageUrl: string): Promise<RgaaAuditRow | undefined> {
  return db.rgaaAudits.where('[evaluationId+pageUrl]').equals([evaluationId, auditPageUrl(pageUrl)]).first();
}

export function auditsOf(db: WorkspaceDb, evaluationId: string): Promise<RgaaAuditRow[]> {
  return db.rgaaAudits.where('evaluationId').equals(evaluationId).toArray();
}

/** History is kept within an evaluation; an audit outside one has none. Touches the evaluation. */
async function inEvaluation(db: WorkspaceDb, evaluationId: string, now: number): Promise<boolean> {
  if (!evaluationId) return false;
  const updated = await db.evaluations.update(evaluationId, { updatedAt: now });
  if (!updated) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
  return true;
}

/** Must run inside a transaction over rgaaAudits. */
async function openInTransaction(db: WorkspaceDb, page: AuditedPage, now: number): Promise<RgaaAuditRow> {
  const existing = await findAudit(db, page.evaluationId, page.pageUrl);
  if (existing) return existing;
  const audit: RgaaAuditRow = {
    id: newId(),
    evaluationId: page.evaluationId,
    pageUrl: auditPageUrl(page.pageUrl),
    pageTitle: page.pageTitle,
    results: {},
    createdAt: now,
    updatedAt: now,
  };
  await db.rgaaAudits.add(audit);
  return audit;
}

/** The audit of this page in this evaluation, created empty if there is none. */
export function openAudit(db: WorkspaceDb, page: AuditedPage, now = Date.now()): Promise<RgaaAuditRow> {
  return db.transaction('rw', db.rgaaAudits, () => openInTransaction(db, page, now));
}

export const historyEntityId = (auditId: string, criterion: string) => `rgaa:${auditId}:${criterion}`;

// History rows use the entity « rgaa » with the fields the history view already names: status
// (the result) and observation (the comment); the entity id carries the criterion number.
function changes(auditId: string, evaluationId: string, criterion: string, before: RgaaCriterionResult | undefined, after: RgaaCriterionResult): Change[] {
  const base = { evaluationId, entity: 'rgaa' as const, entityId: historyEntityId(auditId, criterion), action: 'update' as const };
  const out: Change[] = [];
  const was: RgaaResult = before?.result ?? 'NT';
  if (was !== after.result || (before?.source ?? 'juror') !== after.source)
    out.push({ ...base, field: 'status', before: was, after: after.source === 'automated' ? `${after.result} (test automatique)` : after.result });
  if ((before?.comment ?? '') !== after.comment) out.push({ ...base, field: 'observation', before: before?.comment ?? '', after: after.comment });
  return out;
}

export interface CriterionEntry {
  criterion: string;
  /** Unchanged when omitted. */
  result?: RgaaResult;
  /** Unchanged when omitted. */
  comment?: string;
  /** The stored comment the juror's edit started from: a comment stored since by another panel is merged, not overwritten. */
  commentBase?: string;
}

/** The juror sets a criterion's result and/or comment: the entry becomes the juror's. Returns the comment now stored. */
export async function setCriterion(db: WorkspaceDb, page: AuditedPage, entry: CriterionEntry, who: string | null, now = Date.now()): Promise<string> {
  return db.transaction('rw', db.rgaaAudits, db.evaluations, db.history, async () => {
    const audit = await openInTransaction(db, page, now);
    const before = audit.results[entry.criterion];
    const stored = before?.comment ?? '';
    const comment = entry.comment === undefined ? stored : entry.commentBase === undefined ? entry.comment : mergeTexts(entry.commentBase, entry.comment, stored);
    const after: RgaaCriterionResult = {
      result: entry.result ?? before?.result ?? 'NT',
      comment,
      source: 'juror',
      updatedAt: now,
    };
    const diff = changes(audit.id, audit.evaluationId, entry.criterion, before, after);
    if (before && !diff.length) return comment;
    // Criterion numbers hold a dot: write the whole map, not a « results.1.1 » key path.
    await db.rgaaAudits.update(audit.id, { results: { ...audit.results, [entry.criterion]: after }, updatedAt: now });
    if (await inEvaluation(db, audit.evaluationId, now)) await record(db, who, now, ...diff);
    return comment;
  });
}

/** Applies the automated « NC » proposals where the juror has entered nothing; returns how many changed the grid. */
export async function applyProposals(db: WorkspaceDb, page: AuditedPage, proposals: readonly RgaaProposal[], who: string | null, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.rgaaAudits, db.evaluations, db.history, async () => {
    const audit = await openInTransaction(db, page, now);
    const updates: Record<string, RgaaCriterionResult> = {};
    const diff: Change[] = [];
    for (const p of proposals) {
      // Only non-conformities, never over the juror's entry.
      if (p.result !== 'NC') continue;
      const before = audit.results[p.criterion];
      if (before?.source === 'juror') continue;
      const after: RgaaCriterionResult = { result: 'NC', comment: p.comment, source: 'automated', updatedAt: now };
      const changed = changes(audit.id, audit.evaluationId, p.criterion, before, after);
      if (before && !changed.length) continue;
      updates[p.criterion] = after;
      diff.push(...changed);
    }
    const count = Object.keys(updates).length;
    if (!count) return 0;
    await db.rgaaAudits.update(audit.id, { results: { ...audit.results, ...updates }, updatedAt: now });
    if (await inEvaluation(db, audit.evaluationId, now)) await record(db, who, now, ...diff);
    return count;
  });
}
