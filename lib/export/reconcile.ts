// Reconciling jurors: a colleague's export of the same candidate and certification, compared
// criterion by criterion with the local evaluation as stored at that moment; the jurors choose
// (lib/export/reconcile-apply.ts writes the joint record). The jury decides: nothing is chosen
// for them.
import { foldForSearch } from '../text/normalize';
import type { WorkspaceDb } from '../workspace/db';
import { WorkspaceRuleError } from '../workspace/errors';
import type { AssessmentRow, AssessmentStatus, CandidateRow, DecisionRow, EvaluationRow, EvidenceRow, Juror } from '../workspace/types';
import { toAssessmentRow, toEvidenceRow, type Envelope } from './envelope';

/** One juror's evaluation with its rows. */
export interface ReconcileSide {
  evaluation: EvaluationRow;
  candidate: CandidateRow | undefined;
  assessments: AssessmentRow[];
  evidence: EvidenceRow[];
  decisions: DecisionRow[];
  /** The colleague's file: its name and when it was exported. */
  source?: { fileName: string | null; exportedAt: string | null };
}

/**
 * The local evaluation as stored now, read in one snapshot. The view reads it through a live
 * query, so that the comparison always shows what the juror has just recorded.
 */
export function localSide(db: WorkspaceDb, evaluationId: string): Promise<ReconcileSide> {
  return db.transaction('r', [db.evaluations, db.candidates, db.assessments, db.evidence, db.decisions], async () => {
    const evaluation = await db.evaluations.get(evaluationId);
    if (!evaluation) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    const [candidate, assessments, evidence, decisions] = await Promise.all([
      db.candidates.get(evaluation.candidateId),
      db.assessments.where('evaluationId').equals(evaluationId).toArray(),
      db.evidence.where('evaluationId').equals(evaluationId).toArray(),
      db.decisions.where('evaluationId').equals(evaluationId).toArray(),
    ]);
    return { evaluation, candidate, assessments, evidence, decisions };
  });
}

/** Every evaluation of a colleague's (validated) export, screenshots decoded. */
export function sidesInEnvelope(envelope: Envelope, fileName: string | null = null): ReconcileSide[] {
  const { data } = envelope;
  const source = { fileName, exportedAt: envelope.exportedAt };
  return data.evaluations.map((evaluation) => ({
    source,
    evaluation,
    candidate: data.candidates.find((c) => c.id === evaluation.candidateId),
    assessments: data.assessments.filter((a) => a.evaluationId === evaluation.id).map(toAssessmentRow),
    evidence: data.evidence.filter((e) => e.evaluationId === evaluation.id).map(toEvidenceRow),
    decisions: data.decisions.filter((d) => d.evaluationId === evaluation.id),
  }));
}

export const folded = (name: string | undefined) => foldForSearch(name ?? '').replace(/[^a-z0-9]+/g, ' ').trim();

/** The colleague's evaluations of the same candidate (name folded: case, accents, punctuation) and certification. */
export function matchingSides(mine: ReconcileSide, theirs: readonly ReconcileSide[]): ReconcileSide[] {
  const name = folded(mine.candidate?.name);
  return theirs.filter((t) => t.evaluation.certificationId === mine.evaluation.certificationId && folded(t.candidate?.name) === name && name !== '');
}

export interface AssessmentValue {
  status: AssessmentStatus;
  exemptionReason: string | null;
  observation: string;
  /** Who wrote it, as recorded. */
  by: string | null;
}

export interface CriterionDifference {
  criterionId: string;
  mine: AssessmentValue;
  theirs: AssessmentValue;
  statusDiffers: boolean;
  observationDiffers: boolean;
  /** Evidence backing this criterion on one side only. */
  evidenceOnlyMine: EvidenceRow[];
  evidenceOnlyTheirs: EvidenceRow[];
}

export interface DecisionValue {
  decision: DecisionRow['decision'];
  comment: string;
  by: string | null;
}

export interface DecisionDifference {
  targetType: DecisionRow['targetType'];
  targetId: string;
  mine: DecisionValue | null;
  theirs: DecisionValue | null;
  decisionDiffers: boolean;
  commentDiffers: boolean;
}

export interface Reconciliation {
  mine: ReconcileSide;
  theirs: ReconcileSide;
  /** Only the criteria that differ, in the given order (document order), then by id. */
  criteria: CriterionDifference[];
  decisions: DecisionDifference[];
  /** The colleague's evidence backing no criterion, absent here. */
  otherEvidenceTheirs: EvidenceRow[];
  /** The colleague's jurors not on the local jury list. */
  newJurors: Juror[];
  /** How each side is named in a joint observation, when a row does not say who wrote it. */
  names: { mine: string; theirs: string };
  /** Made against different versions of the référentiel (criterion ids are stable across them). */
  versionMismatch: boolean;
}

const blankValue: AssessmentValue = { status: 'non-evalue', exemptionReason: null, observation: '', by: null };
const valueOf = (row: AssessmentRow | undefined): AssessmentValue =>
  row ? { status: row.status, exemptionReason: row.exemptionReason, observation: row.observation, by: row.updatedBy } : blankValue;

/** The same evidence on both sides: same id (both came from one backup), or same kind, page, quote and time. */
const evidenceKey = (e: EvidenceRow) => JSON.stringify([e.kind, e.url, e.quote ?? '', e.capturedAt]);
export function sameEvidence(a: EvidenceRow, list: readonly EvidenceRow[]) {
  return list.some((b) => b.id === a.id || evidenceKey(b) === evidenceKey(a));
}

const jurorNames = (side: ReconcileSide) => side.evaluation.jurors.map((j) => j.name).filter(Boolean).join(', ');

export function reconcile(mine: ReconcileSide, theirs: ReconcileSide, options: { order?: readonly string[]; myName?: string | null } = {}): Reconciliation {
  const myAssessments = new Map(mine.assessments.map((a) => [a.criterionId, a]));
  const theirAssessments = new Map(theirs.assessments.map((a) => [a.criterionId, a]));
  const ids = new Set([...myAssessments.keys(), ...theirAssessments.keys(), ...mine.evidence.flatMap((e) => e.criterionIds), ...theirs.evidence.flatMap((e) => e.criterionIds)]);
  const position = new Map((options.order ?? []).map((id, i) => [id, i]));
  const sortedIds = [...ids].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));

  const criteria: CriterionDifference[] = [];
  for (const criterionId of sortedIds) {
    const m = valueOf(myAssessments.get(criterionId));
    const t = valueOf(theirAssessments.get(criterionId));
    const backing = (side: ReconcileSide) => side.evidence.filter((e) => e.criterionIds.includes(criterionId));
    const difference: CriterionDifference = {
      criterionId,
      mine: m,
      theirs: t,
      statusDiffers: m.status !== t.status || (m.status === 'exempte' && (m.exemptionReason ?? '').trim() !== (t.exemptionReason ?? '').trim()),
      observationDiffers: m.observation.trim() !== t.observation.trim(),
      evidenceOnlyMine: backing(mine).filter((e) => !sameEvidence(e, theirs.evidence)),
      evidenceOnlyTheirs: backing(theirs).filter((e) => !sameEvidence(e, mine.evidence)),
    };
    if (difference.statusDiffers || difference.observationDiffers || difference.evidenceOnlyMine.length || difference.evidenceOnlyTheirs.length) criteria.push(difference);
  }

  const myDecisions = new Map(mine.decisions.map((d) => [d.targetId, d]));
  const theirDecisions = new Map(theirs.decisions.map((d) => [d.targetId, d]));
  const decisions: DecisionDifference[] = [];
  for (const targetId of new Set([...myDecisions.keys(), ...theirDecisions.keys()])) {
    const m = myDecisions.get(targetId);
    const t = theirDecisions.get(targetId);
    const value = (d: DecisionRow | undefined): DecisionValue | null => (d ? { decision: d.decision, comment: d.comment, by: d.decidedBy } : null);
    const difference: DecisionDifference = {
      targetType: (m ?? t)!.targetType,
      targetId,
      mine: value(m),
      theirs: value(t),
      decisionDiffers: (m?.decision ?? null) !== (t?.decision ?? null),
      commentDiffers: (m?.comment ?? '').trim() !== (t?.comment ?? '').trim(),
    };
    if (difference.decisionDiffers || difference.commentDiffers) decisions.push(difference);
  }

  const mineNames = new Set(mine.evaluation.jurors.map((j) => folded(j.name)));
  return {
    mine,
    theirs,
    criteria,
    decisions,
    otherEvidenceTheirs: theirs.evidence.filter((e) => e.criterionIds.length === 0 && !sameEvidence(e, mine.evidence)),
    newJurors: theirs.evaluation.jurors.filter((j) => !mineNames.has(folded(j.name))),
    names: { mine: options.myName || jurorNames(mine) || 'Juré 1', theirs: jurorNames(theirs) || 'Juré 2' },
    versionMismatch: mine.evaluation.referentielVersion !== theirs.evaluation.referentielVersion,
  };
}

export type ValueChoice = 'mine' | 'theirs';
export type TextChoice = { keep: 'mine' | 'theirs' | 'both' } | { keep: 'edited'; text: string };

export interface ReconcileChoices {
  /** Per criterion: whose status (with its exemption reason) and which observation. Absent: mine. */
  criteria?: Record<string, { status?: ValueChoice; observation?: TextChoice }>;
  /** Per bloc or competency: whose decision and which motivation. Absent: mine. */
  decisions?: Record<string, { decision?: ValueChoice; comment?: TextChoice }>;
  /** Ids of the colleague's evidence to add to the local evaluation. */
  addEvidence?: readonly string[];
  /** Adds the colleague's jurors to the jury list (default: yes). */
  addJurors?: boolean;
}

/** Both texts, each under its juror's name: « Nadia Benali : … ». An empty side is left out. */
export function joinTexts(mine: { text: string; by: string }, theirs: { text: string; by: string }): string {
  const parts = [mine, theirs].filter((p) => p.text.trim()).map((p) => `${p.by} : ${p.text.trim()}`);
  return parts.join('\n\n');
}

export function chooseText(choice: TextChoice | undefined, mine: { text: string; by: string }, theirs: { text: string; by: string }): string {
  switch (choice?.keep) {
    case undefined:
    case 'mine':
      return mine.text;
    case 'theirs':
      return theirs.text;
    case 'both':
      return joinTexts(mine, theirs);
    case 'edited':
      return choice.text;
  }
}

/** The text a choice produces, for the view to show before it is applied. */
export const previewText = chooseText;
