// Writing the joint record of a reconciliation into the local evaluation, in one transaction:
// the chosen statuses, observations and decisions, the colleague's chosen evidence (under new
// ids, so that importing the colleague's own file later collides with nothing) and jurors, one
// history entry per change, and the reconciliation note (lib/export/reconciliation-note.ts)
// saying with whom, where the two jurors differed and what was kept.
import { blankAssessment, observationWords } from '../workspace/assessments';
import type { WorkspaceDb } from '../workspace/db';
import { WorkspaceRuleError } from '../workspace/errors';
import { newId } from '../workspace/evaluations';
import { record, type Change } from '../workspace/history';
import type { AssessmentRow, DecisionRow, EvaluationRow, EvidenceRow } from '../workspace/types';
import { chooseText, folded, type ReconcileChoices, type Reconciliation } from './reconcile';
import { RECONCILIATION_FIELD, type CriterionNote, type DecisionNote, type ReconciliationNote } from './reconciliation-note';

export interface ReconcileResult {
  criteria: number;
  decisions: number;
  evidence: number;
  jurors: number;
}

/** History keeps what the evidence says, not its image bytes. */
const forHistory = ({ image, ...rest }: EvidenceRow) => ({ ...rest, image: image ? { type: image.type, size: image.size } : null });

interface Context {
  db: WorkspaceDb;
  evaluation: EvaluationRow;
  reconciliation: Reconciliation;
  choices: ReconcileChoices;
  who: string | null;
  now: number;
  changes: Change[];
  result: ReconcileResult;
}

/** Statuses and observations; counts kept in step. Returns the note's lines for the criteria that still differ. */
async function applyCriteria(c: Context, counts: EvaluationRow['statusCounts'], chosenEvidence: ReadonlySet<string>): Promise<CriterionNote[]> {
  const { db, reconciliation, choices, who, now } = c;
  const evaluationId = c.evaluation.id;
  const { names } = reconciliation;
  const notes: CriterionNote[] = [];
  for (const difference of reconciliation.criteria) {
    const choice = choices.criteria?.[difference.criterionId];
    const current: AssessmentRow = (await db.assessments.get([evaluationId, difference.criterionId])) ?? blankAssessment(evaluationId, difference.criterionId);
    const theirs = difference.theirs;
    const statusDiffers = current.status !== theirs.status || (current.status === 'exempte' && (current.exemptionReason ?? '').trim() !== (theirs.exemptionReason ?? '').trim());
    const observationDiffers = current.observation.trim() !== theirs.observation.trim();
    const added = difference.evidenceOnlyTheirs.filter((e) => chosenEvidence.has(e.id)).length;
    const note: CriterionNote = {
      criterionId: difference.criterionId,
      status: statusDiffers ? { mine: current.status, theirs: theirs.status, mineReason: current.exemptionReason, theirsReason: theirs.exemptionReason, kept: choice?.status ?? 'mine' } : null,
      observation: observationDiffers ? { kept: choice?.observation?.keep ?? 'mine' } : null,
      evidence: difference.evidenceOnlyMine.length || difference.evidenceOnlyTheirs.length ? { onlyMine: difference.evidenceOnlyMine.length, onlyTheirs: difference.evidenceOnlyTheirs.length, added } : null,
    };
    if (note.status || note.observation || note.evidence) notes.push(note);
    if (!choice) continue;

    const takeTheirs = choice.status === 'theirs';
    const status = takeTheirs ? theirs.status : current.status;
    const exemptionReason = takeTheirs ? theirs.exemptionReason : current.exemptionReason;
    if (status === 'exempte' && !exemptionReason?.trim()) throw new WorkspaceRuleError('Une exemption doit être motivée : indiquez la raison.');
    const observation = chooseText(choice.observation, { text: current.observation, by: current.updatedBy ?? names.mine }, { text: theirs.observation, by: theirs.by ?? names.theirs });
    if (status === current.status && exemptionReason === current.exemptionReason && observation === current.observation) continue;
    if (current.status !== 'non-evalue') counts[current.status] = Math.max(0, (counts[current.status] ?? 0) - 1);
    if (status !== 'non-evalue') counts[status] = (counts[status] ?? 0) + 1;
    await db.assessments.put({ ...current, status, exemptionReason, observation, observationCommitted: observation, words: observationWords(observation), updatedAt: now, updatedBy: who });
    c.changes.push({
      evaluationId,
      entity: 'assessment',
      entityId: difference.criterionId,
      action: 'update',
      field: 'reconcile',
      before: { status: current.status, exemptionReason: current.exemptionReason, observation: current.observation },
      after: { status, exemptionReason, observation },
    });
    c.result.criteria++;
  }
  return notes;
}

/** Decisions and motivations, under the rules a decision always follows. Returns the note's lines. */
async function applyDecisions(c: Context): Promise<DecisionNote[]> {
  const { db, evaluation, reconciliation, choices, who, now } = c;
  const evaluationId = evaluation.id;
  const { names } = reconciliation;
  const notes: DecisionNote[] = [];
  for (const difference of reconciliation.decisions) {
    const choice = choices.decisions?.[difference.targetId];
    const current = await db.decisions.get([evaluationId, difference.targetId]);
    const theirs = difference.theirs;
    const decisionDiffers = (current?.decision ?? null) !== (theirs?.decision ?? null);
    const commentDiffers = (current?.comment ?? '').trim() !== (theirs?.comment ?? '').trim();
    if (decisionDiffers || commentDiffers)
      notes.push({
        targetType: difference.targetType,
        targetId: difference.targetId,
        decision: decisionDiffers ? { mine: current?.decision ?? null, theirs: theirs?.decision ?? null, kept: choice?.decision ?? 'mine' } : null,
        comment: commentDiffers ? { kept: choice?.comment?.keep ?? 'mine' } : null,
      });
    if (!choice) continue;

    const decision = choice.decision === 'theirs' ? (theirs?.decision ?? null) : (current?.decision ?? null);
    const comment = chooseText(choice.comment, { text: current?.comment ?? '', by: current?.decidedBy ?? names.mine }, { text: theirs?.comment ?? '', by: theirs?.by ?? names.theirs }).trim();
    if (current && current.decision === decision && current.comment === comment) continue;
    if (!current && decision === null && !comment) continue;
    if (evaluation.mode === 'tuteur' && decision !== null) throw new WorkspaceRuleError('En mode tuteur, Grille enregistre un retour au candidat, pas une décision.');
    if (evaluation.mode === 'jury' && decision !== null && decision !== 'valide' && decision !== 'acquise' && !comment)
      throw new WorkspaceRuleError('Une décision autre que « Validé » doit être motivée.');
    const row: DecisionRow = { evaluationId, targetType: difference.targetType, targetId: difference.targetId, decision, comment, decidedBy: who, decidedAt: now };
    await db.decisions.put(row);
    c.changes.push({
      evaluationId,
      entity: 'decision',
      entityId: difference.targetId,
      action: current ? 'update' : 'create',
      field: 'reconcile',
      before: current ? { decision: current.decision, comment: current.comment } : null,
      after: { decision, comment },
    });
    c.result.decisions++;
  }
  return notes;
}

/** The colleague's chosen evidence, each under a new id: the colleague's own ids stay theirs. */
async function addEvidence(c: Context, chosen: readonly EvidenceRow[]): Promise<void> {
  for (const theirs of chosen) {
    const row: EvidenceRow = { ...theirs, id: newId(), evaluationId: c.evaluation.id };
    await c.db.evidence.add(row);
    c.changes.push({ evaluationId: c.evaluation.id, entity: 'evidence', entityId: row.id, action: 'create', field: 'reconcile', before: null, after: forHistory(row) });
    c.result.evidence++;
  }
}

/** The jury list with the colleague's jurors added (when chosen), and who was added. */
function withTheirJurors(c: Context): { jurors: EvaluationRow['jurors']; added: string[] } {
  const { evaluation, reconciliation, choices } = c;
  if (choices.addJurors === false || !reconciliation.newJurors.length) return { jurors: evaluation.jurors, added: [] };
  const known = new Set(evaluation.jurors.map((j) => folded(j.name)));
  const added = reconciliation.newJurors.filter((j) => !known.has(folded(j.name))).map((j) => ({ ...j, id: evaluation.jurors.some((m) => m.id === j.id) ? newId() : j.id }));
  if (!added.length) return { jurors: evaluation.jurors, added: [] };
  const jurors = [...evaluation.jurors, ...added];
  c.changes.push({ evaluationId: evaluation.id, entity: 'evaluation', entityId: evaluation.id, action: 'update', field: 'reconcile', before: { jurors: evaluation.jurors }, after: { jurors } });
  c.result.jurors = added.length;
  return { jurors, added: added.map((j) => j.name) };
}

/**
 * Writes the chosen values into the local evaluation and the reconciliation note — also when the
 * jurors agreed on everything, or kept every value of their own: the record says it was
 * reconciled. One transaction: a choice that breaks a rule writes nothing.
 */
export async function applyReconciliation(
  db: WorkspaceDb,
  evaluationId: string,
  reconciliation: Reconciliation,
  choices: ReconcileChoices,
  who: string | null,
  now = Date.now(),
): Promise<ReconcileResult> {
  const result: ReconcileResult = { criteria: 0, decisions: 0, evidence: 0, jurors: 0 };
  await db.transaction('rw', db.evaluations, db.assessments, db.decisions, db.evidence, db.history, async () => {
    const evaluation = await db.evaluations.get(evaluationId);
    if (!evaluation) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    const c: Context = { db, evaluation, reconciliation, choices, who, now, changes: [], result };
    const offered = new Map([...reconciliation.criteria.flatMap((d) => d.evidenceOnlyTheirs), ...reconciliation.otherEvidenceTheirs].map((e) => [e.id, e]));
    const chosen = [...new Set(choices.addEvidence ?? [])].flatMap((id) => offered.get(id) ?? []);
    const chosenIds = new Set(chosen.map((e) => e.id));

    const counts = { ...evaluation.statusCounts };
    const criteria = await applyCriteria(c, counts, chosenIds);
    const decisions = await applyDecisions(c);
    await addEvidence(c, chosen);
    const { jurors, added } = withTheirJurors(c);

    const { theirs } = reconciliation;
    const note: ReconciliationNote = {
      mine: reconciliation.names.mine,
      theirs: reconciliation.names.theirs,
      theirEvaluationId: theirs.evaluation.id,
      fileName: theirs.source?.fileName ?? null,
      exportedAt: theirs.source?.exportedAt ?? null,
      criteria,
      decisions,
      jurorsAdded: added,
      otherEvidenceAdded: reconciliation.otherEvidenceTheirs.filter((e) => chosenIds.has(e.id)).length,
    };
    c.changes.push({ evaluationId, entity: 'evaluation', entityId: evaluationId, action: 'update', field: RECONCILIATION_FIELD, before: null, after: note });
    await db.evaluations.update(evaluationId, { statusCounts: counts, jurors, updatedAt: now });
    await record(db, who, now, ...c.changes);
  });
  return result;
}
