// The jury's decisions per bloc (and per competency), motivated when not validated, recorded
// with who and when. In « tuteur » mode there is no decision, only feedback to the candidate.
import type { WorkspaceDb } from './db';
import { WorkspaceRuleError } from './errors';
import { record } from './history';
import { BLOC_DECISIONS, COMPETENCY_DECISIONS, type DecisionRow } from './types';

export interface DecisionInput {
  evaluationId: string;
  targetType: DecisionRow['targetType'];
  targetId: string;
  decision: DecisionRow['decision'];
  comment: string;
}

export async function setDecision(db: WorkspaceDb, input: DecisionInput, who: string | null, now = Date.now()): Promise<void> {
  const comment = input.comment.trim();
  await db.transaction('rw', db.decisions, db.evaluations, db.history, async () => {
    const evaluation = await db.evaluations.get(input.evaluationId);
    if (!evaluation) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    if (evaluation.mode === 'tuteur' && input.decision !== null)
      throw new WorkspaceRuleError('En mode tuteur, Grille enregistre un retour au candidat, pas une décision.');
    if (evaluation.mode === 'jury') {
      const allowed: readonly string[] = input.targetType === 'bloc' ? BLOC_DECISIONS : COMPETENCY_DECISIONS;
      if (input.decision === null || !allowed.includes(input.decision)) throw new WorkspaceRuleError('Choisissez une décision.');
      const validated = input.decision === 'valide' || input.decision === 'acquise';
      if (!validated && !comment) throw new WorkspaceRuleError('Une décision autre que « Validé » doit être motivée.');
    }
    const key: [string, string] = [input.evaluationId, input.targetId];
    const current = await db.decisions.get(key);
    if (current && current.decision === input.decision && current.comment === comment) return;
    const row: DecisionRow = { ...input, comment, decidedBy: who, decidedAt: now };
    await db.decisions.put(row);
    await db.evaluations.update(input.evaluationId, { updatedAt: now });
    await record(db, who, now, {
      evaluationId: input.evaluationId,
      entity: 'decision',
      entityId: input.targetId,
      action: current ? 'update' : 'create',
      field: null,
      before: current ? { decision: current.decision, comment: current.comment } : null,
      after: { decision: row.decision, comment },
    });
  });
}

export function decisionsOf(db: WorkspaceDb, evaluationId: string): Promise<DecisionRow[]> {
  return db.decisions.where('evaluationId').equals(evaluationId).toArray();
}
