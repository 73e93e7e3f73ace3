// What a backup holds and whether it can go in, before anything is written: its evaluations
// and référentiels, the evaluations already here (conflicts the juror settles), and the rows
// whose id another evaluation here holds.
import { bundledCertifications } from '../referentiels/catalog';
import type { Certification } from '../referentiels/schema';
import type { WorkspaceDb } from '../workspace/db';
import type { Envelope } from './envelope';
import { ImportError, type EvaluationConflict } from '../text/file-errors';

export interface ImportSummary {
  scope: Envelope['scope'];
  grilleVersion: string;
  exportedAt: string;
  candidates: number;
  evaluations: { id: string; candidateName: string; certificationId: string; referentielVersion: number }[];
  referentiels: { id: string; dataVersion: number; title: string | null; custom: boolean }[];
  evidence: number;
  screenshots: number;
  /** Evaluations of the file already present here. */
  conflicts: EvaluationConflict[];
  /** Rows of the file whose id another evaluation here holds (taken into a joint record, or copied): imported under new ids. */
  heldElsewhere: { evidence: number; rgaaAudits: number; aiSuggestions: number };
}

export interface PlanOptions {
  /** The certifications shipped with Grille (defaults to the bundled ones). */
  certifications?: readonly Certification[];
}

export function candidateNames(envelope: Envelope): Map<string, string> {
  return new Map(envelope.data.candidates.map((c) => [c.id, c.name]));
}

type ReferentielSummary = ImportSummary['referentiels'][number];

/** A custom référentiel of the file must not take a bundled id, nor a version installed here with another content. */
async function customClashes(db: WorkspaceDb, envelope: Envelope, bundled: readonly Certification[]): Promise<string[]> {
  const problems: string[] = [];
  for (const custom of envelope.data.customReferentiels) {
    if (bundled.some((c) => c.id === custom.id))
      problems.push(`Le référentiel « ${custom.certification.title} » du fichier porte l’identifiant d’une certification fournie avec Grille (${custom.id}) : il n’est pas importé.`);
    const local = await db.customReferentiels.get([custom.id, custom.dataVersion]);
    if (local && JSON.stringify(local.certification) !== JSON.stringify(custom.certification))
      problems.push(`Le référentiel ${custom.id} version ${custom.dataVersion} est déjà installé ici avec un autre contenu : les deux ne peuvent pas porter le même numéro de version.`);
  }
  return problems;
}

/** The référentiels of the file's evaluations (bundled, in the file or installed here) and of the file, by id and version; `unknown` names the missing ones. */
async function referentielsOf(db: WorkspaceDb, envelope: Envelope, bundled: readonly Certification[], names: ReadonlyMap<string, string>) {
  const { data } = envelope;
  const referentiels = new Map<string, ReferentielSummary>();
  const unknown: string[] = [];
  for (const e of data.evaluations) {
    const key = `${e.certificationId}\u0000${e.referentielVersion}`;
    if (referentiels.has(key)) continue;
    // Bundled référentiels never lose an id: an evaluation made with an older version opens with the current one.
    const shipped = bundled.find((c) => c.id === e.certificationId && e.referentielVersion <= c.dataVersion);
    const custom =
      data.customReferentiels.find((c) => c.id === e.certificationId && c.dataVersion === e.referentielVersion)?.certification ??
      (await db.customReferentiels.get([e.certificationId, e.referentielVersion]))?.certification;
    const found = shipped ?? custom;
    if (!found) {
      unknown.push(`référentiel inconnu : ${e.certificationId} version ${e.referentielVersion} (évaluation de ${names.get(e.candidateId) || e.candidateId})`);
      continue;
    }
    referentiels.set(key, { id: e.certificationId, dataVersion: e.referentielVersion, title: found.title, custom: !shipped });
  }
  for (const c of data.customReferentiels) {
    const key = `${c.id}\u0000${c.dataVersion}`;
    if (!referentiels.has(key)) referentiels.set(key, { id: c.id, dataVersion: c.dataVersion, title: c.certification.title, custom: true });
  }
  return { referentiels, unknown };
}

/** How many rows of the list (in an evaluation) have an id another evaluation here holds. */
async function heldElsewhere(list: readonly { id: string; evaluationId: string }[], local: (ids: string[]) => Promise<({ evaluationId: string } | undefined)[]>): Promise<number> {
  const rows = list.filter((r) => r.evaluationId !== '');
  const here = rows.length ? await local(rows.map((r) => r.id)) : [];
  return rows.filter((r, i) => here[i] && here[i]!.evaluationId !== r.evaluationId).length;
}

/**
 * What the file holds and whether it can go in: every evaluation's référentiel must be known
 * (bundled, in the file or installed here), and a custom référentiel must not clash. Writes nothing.
 */
export async function planImport(db: WorkspaceDb, envelope: Envelope, options: PlanOptions = {}): Promise<ImportSummary> {
  const bundled = options.certifications ?? bundledCertifications;
  const names = candidateNames(envelope);
  const { data } = envelope;
  const problems = await customClashes(db, envelope, bundled);
  if (problems.length) throw new ImportError('referentiel-conflict', problems[0]!, problems);

  const { referentiels, unknown } = await referentielsOf(db, envelope, bundled, names);
  if (unknown.length)
    throw new ImportError(
      'unknown-referentiel',
      `Fichier refusé, rien n’a été importé — ${unknown[0]}. Importez d’abord ce référentiel (ou mettez Grille à jour).`,
      unknown,
    );

  const present = await db.evaluations.bulkGet(data.evaluations.map((e) => e.id));
  const conflicts = data.evaluations
    .filter((_, i) => present[i])
    .map((e) => conflictOf(e, names, referentiels));
  return {
    heldElsewhere: {
      evidence: await heldElsewhere(data.evidence, (ids) => db.evidence.bulkGet(ids)),
      rgaaAudits: await heldElsewhere(data.rgaaAudits, (ids) => db.rgaaAudits.bulkGet(ids)),
      aiSuggestions: await heldElsewhere(data.aiSuggestions, (ids) => db.aiSuggestions.bulkGet(ids)),
    },
    scope: envelope.scope,
    grilleVersion: envelope.grilleVersion,
    exportedAt: envelope.exportedAt,
    candidates: data.candidates.length,
    evaluations: data.evaluations.map((e) => ({ id: e.id, candidateName: names.get(e.candidateId) ?? '', certificationId: e.certificationId, referentielVersion: e.referentielVersion })),
    referentiels: [...referentiels.values()],
    evidence: data.evidence.length,
    screenshots: data.evidence.filter((e) => e.image).length,
    conflicts,
  };
}

/** An evaluation of the file already here, named as the juror knows it: candidate and certification title. */
export function conflictOf(
  e: { id: string; candidateId: string; certificationId: string; referentielVersion: number },
  names: ReadonlyMap<string, string>,
  referentiels: ReadonlyMap<string, { title: string | null }>,
): EvaluationConflict {
  const title = referentiels.get(`${e.certificationId}\u0000${e.referentielVersion}`)?.title;
  return { evaluationId: e.id, candidateName: names.get(e.candidateId) ?? '', certificationId: e.certificationId, certificationTitle: title ?? e.certificationId };
}

