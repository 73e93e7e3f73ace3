// Evidence: what the juror saw on the deliverable — a quote, a screenshot or a link — with
// where and when, backing one or more criteria.
import type { WorkspaceDb } from './db';
import { WorkspaceRuleError } from './errors';
import { newId } from './evaluations';
import { record } from './history';
import type { EvidenceKind, EvidenceRow } from './types';
import type { Finding } from '../checks/types';

export interface NewEvidence {
  evaluationId: string;
  kind: EvidenceKind;
  url: string;
  pageTitle: string;
  capturedAt: number;
  quote?: string | null;
  image?: Blob | null;
  finding?: Finding | null;
  note?: string;
  criterionIds: string[];
}

/** History keeps what the evidence says, not its image bytes (they stay in the evidence row). */
const forHistory = ({ image, ...rest }: EvidenceRow) => ({ ...rest, image: image ? { type: image.type, size: image.size } : null });

export async function addEvidence(db: WorkspaceDb, input: NewEvidence, who: string | null, now = Date.now()): Promise<string> {
  if (input.kind === 'quote' && !input.quote?.trim()) throw new WorkspaceRuleError('La sélection est vide : sélectionnez le texte à citer dans la page.');
  if (input.kind === 'screenshot' && !input.image) throw new WorkspaceRuleError("La capture d'écran a échoué : aucune image reçue.");
  if (input.kind === 'finding' && !input.finding) throw new WorkspaceRuleError('Constat vide : relancez l’analyse de la page.');
  if (!/^(https?|file):/i.test(input.url)) throw new WorkspaceRuleError('Une preuve doit venir d’une page web (adresse http ou https).');
  const row: EvidenceRow = {
    id: newId(),
    evaluationId: input.evaluationId,
    kind: input.kind,
    url: input.url,
    pageTitle: input.pageTitle,
    capturedAt: input.capturedAt,
    quote: input.quote ?? null,
    image: input.image ?? null,
    finding: input.finding ?? null,
    note: input.note ?? '',
    criterionIds: [...new Set(input.criterionIds)],
    createdBy: who,
  };
  await db.transaction('rw', db.evidence, db.evaluations, db.history, async () => {
    if (!(await db.evaluations.update(input.evaluationId, { updatedAt: now }))) throw new WorkspaceRuleError('Cette évaluation n’existe plus.');
    await db.evidence.add(row);
    await record(db, who, now, { evaluationId: row.evaluationId, entity: 'evidence', entityId: row.id, action: 'create', field: null, before: null, after: forHistory(row) });
  });
  return row.id;
}

/** Sets which criteria an evidence item backs, and its caption. */
export async function updateEvidence(db: WorkspaceDb, id: string, patch: Partial<Pick<EvidenceRow, 'criterionIds' | 'note'>>, who: string | null, now = Date.now()) {
  await db.transaction('rw', db.evidence, db.evaluations, db.history, async () => {
    const current = await db.evidence.get(id);
    if (!current) throw new WorkspaceRuleError('Cette preuve n’existe plus.');
    const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter((f) => JSON.stringify(current[f]) !== JSON.stringify(patch[f]));
    if (!fields.length) return;
    await db.evidence.update(id, patch);
    await db.evaluations.update(current.evaluationId, { updatedAt: now });
    await record(db, who, now, ...fields.map((field) => ({ evaluationId: current.evaluationId, entity: 'evidence' as const, entityId: id, action: 'update' as const, field, before: current[field], after: patch[field] })));
  });
}

/** Removes an evidence item (the UI asks for confirmation first); the history keeps what it was. */
export async function removeEvidence(db: WorkspaceDb, id: string, who: string | null, now = Date.now()) {
  await db.transaction('rw', db.evidence, db.evaluations, db.history, async () => {
    const current = await db.evidence.get(id);
    if (!current) return;
    await db.evidence.delete(id);
    await db.evaluations.update(current.evaluationId, { updatedAt: now });
    await record(db, who, now, { evaluationId: current.evaluationId, entity: 'evidence', entityId: id, action: 'delete', field: null, before: forHistory(current), after: null });
  });
}

export function evidenceOf(db: WorkspaceDb, evaluationId: string): Promise<EvidenceRow[]> {
  return db.evidence.where('evaluationId').equals(evaluationId).sortBy('capturedAt');
}
