// Lossless backup: the envelope, what an evaluation's export contains, file names, and the
// round trip (export → import into a fresh database → export: identical) on random workspaces.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, buildEnvelope, envelopeBlob, exportBackup } from '@/lib/export/backup';
import { EnvelopeSchema, FORMAT, FORMAT_VERSION, type Envelope } from '@/lib/export/envelope';
import { importBackup, readBackup } from '@/lib/export/import';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { setStatus, saveObservation, commitObservations } from '@/lib/workspace/assessments';
import { addEvidence } from '@/lib/workspace/evidence';
import { setDecision } from '@/lib/workspace/decisions';
import { setGapText } from '@/lib/workspace/gap-texts';
import { setCriterion } from '@/lib/rgaa/audits';
import pkg from '../../../package.json';
import { fixtureCertification } from '../../fixtures/certification';
import { customCertification, randomWorkspace, seed } from '../../fixtures/exports/random-workspace';

const certifications = [fixtureCertification];
const freshDb = () => new WorkspaceDb(`backup-${crypto.randomUUID()}`);

beforeEach(() => {
  // jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does (a browser's too).
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function sampleEvaluation(db: WorkspaceDb) {
  const id = await createEvaluation(
    db,
    { candidateName: 'Camille Martin-Élan', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: 'Nadia Benali', external: true }], deliverables: [] },
    'Nadia Benali',
    1000,
  );
  await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'acquis' }, 'Nadia Benali', 2000);
  await saveObservation(db, id, 'tc-k001', 'Sources <b>variées</b> <script>alert(1)</script>', 'Nadia Benali', 2100);
  await commitObservations(db, id, 'Nadia Benali', undefined, 2200);
  await addEvidence(db, { evaluationId: id, kind: 'screenshot', url: 'https://a.fr/', pageTitle: 'A', capturedAt: 3000, image: new Blob([new Uint8Array([137, 80, 78, 71, 0, 255])], { type: 'image/png' }), criterionIds: ['tc-k001'] }, 'Nadia Benali', 3000);
  await setDecision(db, { evaluationId: id, targetType: 'bloc', targetId: 'tc-b1', decision: 'valide', comment: '' }, 'Nadia Benali', 4000);
  await setGapText(db, { certificationId: 'test-certification', itemId: 'tc-k004', dataVersion: 3, text: 'Texte officiel' }, 'Nadia Benali', 4100);
  await setCriterion(db, { evaluationId: id, pageUrl: 'https://a.fr/#x', pageTitle: 'A' }, { criterion: '1.1', result: 'NC', comment: 'Image sans alternative' }, 'Nadia Benali', 4200);
  return id;
}

/** The second export's data equals the first, but for the « import » history entries added on the way. */
function withoutImportEntries(envelope: Envelope) {
  return { ...envelope.data, history: envelope.data.history.filter((h) => h.field !== 'import') };
}

describe('export', () => {
  it('wraps one evaluation with everything it needs in a versioned envelope', async () => {
    const db = freshDb();
    const id = await sampleEvaluation(db);
    const other = await createEvaluation(db, { candidateName: 'Autre', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b2'], mode: 'tuteur', jurors: [], deliverables: [] }, null, 5000);
    await setStatus(db, { evaluationId: other, criterionId: 'tc-k005', status: 'acquis' }, null, 5100);
    const { blob, fileName, envelope } = await exportBackup(db, { evaluationId: id }, { now: Date.UTC(2024, 2, 14, 10) });
    expect(blob.type).toBe('application/json');
    expect(fileName).toBe('grille-camille-martin-elan-2024-03-14.json');
    expect(envelope).toMatchObject({ format: FORMAT, formatVersion: FORMAT_VERSION, grilleVersion: pkg.version, exportedAt: '2024-03-14T10:00:00.000Z', scope: 'evaluation', referentiels: [{ id: 'test-certification', dataVersion: 3 }] });
    const { data } = envelope;
    expect(data.evaluations.map((e) => e.id)).toEqual([id]);
    expect(data.candidates.map((c) => c.name)).toEqual(['Camille Martin-Élan']);
    expect(data.assessments.map((a) => [a.criterionId, a.status, a.observation])).toEqual([['tc-k001', 'acquis', 'Sources <b>variées</b> <script>alert(1)</script>']]);
    expect(data.assessments[0]).not.toHaveProperty('words');
    expect(data.evidence[0]!.image).toEqual({ type: 'image/png', base64: btoa(String.fromCharCode(137, 80, 78, 71, 0, 255)) });
    expect(data.decisions.map((d) => d.decision)).toEqual(['valide']);
    expect(data.gapTexts.map((g) => g.text)).toEqual(['Texte officiel']);
    expect(data.rgaaAudits.map((a) => [a.pageUrl, a.results['1.1']?.result])).toEqual([['https://a.fr/', 'NC']]);
    expect(data.history.length).toBeGreaterThan(5);
    expect(data.history.every((h) => h.evaluationId === id && !('seq' in h))).toBe(true);
    expect(data.customReferentiels).toEqual([]);
    // The file is the envelope, as JSON that the schema accepts.
    expect(EnvelopeSchema.parse(JSON.parse(await blob.text()))).toEqual(envelope);
  });

  it('includes the custom référentiel version the evaluation uses, and only that one', async () => {
    const db = freshDb();
    for (const v of [1, 2]) await db.customReferentiels.add({ id: 'ecole-custom', dataVersion: v, certification: customCertification(v), importedAt: 1, source: 'x.csv' });
    const id = await createEvaluation(db, { candidateName: 'A', certificationId: 'ecole-custom', referentielVersion: 1, blocIds: ['tc-b1'], mode: 'jury', jurors: [], deliverables: [] }, null, 1);
    const { envelope } = await exportBackup(db, { evaluationId: id });
    expect(envelope.data.customReferentiels.map((c) => [c.id, c.dataVersion])).toEqual([['ecole-custom', 1]]);
    expect(envelope.referentiels).toEqual([{ id: 'ecole-custom', dataVersion: 1 }]);
  });

  it('exports everything under a dated name', async () => {
    const db = freshDb();
    await seed(db, randomWorkspace(7));
    const { fileName, envelope } = await exportBackup(db, 'all', { now: Date.UTC(2024, 5, 1, 12) });
    expect(fileName).toBe('grille-sauvegarde-2024-06-01.json');
    expect(envelope.scope).toBe('all');
    expect(envelope.data.evaluations.length).toBe(await db.evaluations.count());
  });

  it('refuses to produce a file it could not import back, naming what to fix', async () => {
    const db = freshDb();
    const id = await sampleEvaluation(db);
    await saveObservation(db, id, 'tc-k002', 'x'.repeat(100_001), 'Nadia Benali');
    await expect(exportBackup(db, { evaluationId: id })).rejects.toThrow(/^Export impossible : Grille ne pourrait pas réimporter ce fichier — assessments\[1\]\.observation : texte trop long/);
  });

  it('names files after the candidate, safely', () => {
    const at = new Date(2024, 0, 5).getTime();
    expect(backupFileName('  Zoé  N’Diaye / <script> ', at)).toBe('grille-zoe-n-diaye-script-2024-01-05.json');
    expect(backupFileName('😀', at)).toBe('grille-candidat-2024-01-05.json');
    expect(backupFileName(null, at)).toBe('grille-sauvegarde-2024-01-05.json');
  });

  it('reads the backup from the database only: no extension storage, no key', async () => {
    const db = freshDb();
    await sampleEvaluation(db);
    const { blob } = await exportBackup(db, 'all');
    const text = await blob.text();
    expect(Object.keys(JSON.parse(text).data)).toEqual(['candidates', 'evaluations', 'assessments', 'evidence', 'decisions', 'history', 'gapTexts', 'rgaaAudits', 'customReferentiels', 'aiSuggestions']);
    expect(text).not.toMatch(/apiKey|api_key|authorization/i);
  });
});

describe('round trip', () => {
  it('keeps an evaluation, screenshot bytes and markup as they were', async () => {
    const source = freshDb();
    const id = await sampleEvaluation(source);
    const first = await buildEnvelope(source, { evaluationId: id }, { now: 1 });
    const target = freshDb();
    await importBackup(target, await readBackup(await envelopeBlob(first).text()), { who: 'Import', certifications, fileName: 'f.json', now: 9 });
    const image = (await target.evidence.toArray())[0]!.image!;
    expect([...new Uint8Array(await image.arrayBuffer())]).toEqual([137, 80, 78, 71, 0, 255]);
    expect(image.type).toBe('image/png');
    expect((await target.assessments.toArray())[0]!.observation).toBe('Sources <b>variées</b> <script>alert(1)</script>');
    const second = await buildEnvelope(target, { evaluationId: id }, { now: 2 });
    expect(second.exportedAt).not.toBe(first.exportedAt);
    expect(withoutImportEntries(second)).toEqual(first.data);
  });

  // Property: for random workspaces, export → import (fresh database) → export gives the same data.
  it.each(Array.from({ length: 50 }, (_, i) => i + 1))('holds for random workspace #%i', async (seedNumber) => {
    const source = freshDb();
    const rows = randomWorkspace(seedNumber);
    await seed(source, rows);
    const first = await buildEnvelope(source, 'all', { now: 1 });
    const text = await envelopeBlob(first).text();
    const target = freshDb();
    const result = await importBackup(target, await readBackup(text), { who: 'Import', certifications, fileName: 'sauvegarde.json', now: 5 });
    expect(result.added).toBe(rows.evaluations.length);
    const second = await buildEnvelope(target, 'all', { now: 2 });
    expect(withoutImportEntries(second)).toEqual(first.data);
    expect(second.referentiels).toEqual(first.referentiels);
    // Byte-identical screenshots and identical search words (recomputed from the observation).
    const before = await source.evidence.toArray();
    for (const row of await target.evidence.toArray()) {
      const original = before.find((b) => b.id === row.id)!;
      expect(row.image?.size ?? null).toBe(original.image?.size ?? null);
      if (row.image) expect(new Uint8Array(await row.image.arrayBuffer())).toEqual(new Uint8Array(await original.image!.arrayBuffer()));
    }
    expect((await target.assessments.toArray()).map((a) => a.words)).toEqual((await source.assessments.toArray()).map((a) => a.words));
    // One evaluation at a time too.
    const one = rows.evaluations[0]!.id;
    const single = await buildEnvelope(source, { evaluationId: one }, { now: 1 });
    const third = freshDb();
    await importBackup(third, await readBackup(await envelopeBlob(single).text()), { who: null, certifications, now: 5 });
    expect(withoutImportEntries(await buildEnvelope(third, { evaluationId: one }, { now: 3 }))).toEqual(single.data);
  });
});
