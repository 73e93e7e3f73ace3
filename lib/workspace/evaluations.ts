// Candidates and their evaluations: create, change, list (most recent first) and find.
import { foldForSearch } from '../text/normalize';
import type { WorkspaceDb } from './db';
import { WorkspaceRuleError } from './errors';
import { record } from './history';
import type { CandidateRow, Deliverable, EvaluationMode, EvaluationRow, Juror } from './types';

export const newId = () => crypto.randomUUID();

export interface NewEvaluation {
  candidateName: string;
  candidateEmail?: string | null;
  /** Reuse an existing candidate instead of creating one. */
  candidateId?: string;
  certificationId: string;
  referentielVersion: number;
  blocIds: string[];
  mode: EvaluationMode;
  jurors: Omit<Juror, 'id'>[];
  deliverables: Omit<Deliverable, 'id' | 'addedAt'>[];
}

export async function createEvaluation(db: WorkspaceDb, input: NewEvaluation, who: string | null, now = Date.now()): Promise<string> {
  const name = input.candidateName.trim();
  if (!input.candidateId && !name) throw new WorkspaceRuleError('Indiquez le nom du candidat.');
  if (input.blocIds.length === 0) throw new WorkspaceRuleError('Choisissez au moins un bloc à évaluer.');
  const evaluation: EvaluationRow = {
    id: newId(),
    candidateId: input.candidateId ?? newId(),
    certificationId: input.certificationId,
    referentielVersion: input.referentielVersion,
    blocIds: [...input.blocIds],
    mode: input.mode,
    jurors: input.jurors.filter((j) => j.name.trim()).map((j) => ({ id: newId(), name: j.name.trim(), external: j.external })),
    deliverables: input.deliverables.map((d) => ({ ...d, id: newId(), addedAt: now })),
    statusCounts: {},
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', db.candidates, db.evaluations, db.history, async () => {
    if (!input.candidateId) {
      const candidate: CandidateRow = { id: evaluation.candidateId, name, email: input.candidateEmail?.trim() || null, createdAt: now, updatedAt: now };
      await db.candidates.add(candidate);
      await record(db, who, now, { evaluationId: evaluation.id, entity: 'candidate', entityId: candidate.id, action: 'create', field: null, before: null, after: candidate });
    } else if (!(await db.candidates.get(input.candidateId))) {
      throw new WorkspaceRuleError('Ce candidat n’existe plus.');
    }
    await db.evaluations.add(evaluation);
    await record(db, who, now, { evaluationId: evaluation.id, entity: 'evaluation', entityId: evaluation.id, action: 'create', field: null, before: null, after: evaluation });
  });
  return evaluation.id;
}

type EvaluationPatch = Partial<Pick<EvaluationRow, 'blocIds' | 'jurors' | 'deliverables' | 'mode'>>;

/** Changes an evaluation's blocs, jurors, deliverables or mode, recording each field changed. */
export async function updateEvaluation(db: WorkspaceDb, id: string, patch: EvaluationPatch, who: string | null, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.evaluations, db.history, async () => {
    const current = await db.evaluations.get(id);
    if (!current) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    if (patch.blocIds && patch.blocIds.length === 0) throw new WorkspaceRuleError('Une évaluation porte sur au moins un bloc.');
    const changes = (Object.keys(patch) as (keyof EvaluationPatch)[]).filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(patch[field]),
    );
    if (!changes.length) return;
    await db.evaluations.update(id, { ...patch, updatedAt: now });
    await record(
      db,
      who,
      now,
      ...changes.map((field) => ({ evaluationId: id, entity: 'evaluation' as const, entityId: id, action: 'update' as const, field, before: current[field], after: patch[field] })),
    );
  });
}

/** Adds a deliverable (the current tab, typically) unless its URL is already there. */
export async function addDeliverable(db: WorkspaceDb, evaluationId: string, deliverable: Omit<Deliverable, 'id' | 'addedAt'>, who: string | null, now = Date.now()) {
  const current = await db.evaluations.get(evaluationId);
  if (!current) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
  if (current.deliverables.some((d) => d.url === deliverable.url)) return;
  await updateEvaluation(db, evaluationId, { deliverables: [...current.deliverables, { ...deliverable, id: newId(), addedAt: now }] }, who, now);
}

export interface EvaluationListItem {
  evaluation: EvaluationRow;
  candidate: CandidateRow | undefined;
}

/** Evaluations, most recently changed first, whose candidate name or e-mail contains the query. */
export async function listEvaluations(db: WorkspaceDb, query = ''): Promise<EvaluationListItem[]> {
  const [evaluations, candidates] = await Promise.all([db.evaluations.orderBy('updatedAt').reverse().toArray(), db.candidates.toArray()]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const folded = foldForSearch(query);
  return evaluations
    .map((evaluation) => ({ evaluation, candidate: byId.get(evaluation.candidateId) }))
    .filter(({ candidate }) => !folded || foldForSearch(`${candidate?.name ?? ''} ${candidate?.email ?? ''}`).includes(folded));
}
