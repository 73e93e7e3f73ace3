// Conventions of the workspace database: versions only grow, each upgrade has its own test.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_VERSIONS, WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { saveObservation } from '@/lib/workspace/assessments';

describe('workspace database', () => {
  it('declares versions in increasing order, starting at 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it.each(SCHEMA_VERSIONS.filter((v) => v.version > 1).map((v) => v.version))('version %i has an upgrade test seeding the version before', (version) => {
    expect(existsSync(`tests/unit/workspace/upgrades/v${version}.test.ts`)).toBe(true);
  });

  it('is the extension-wide database name', () => {
    expect(new WorkspaceDb().name).toBe(DB_NAME);
  });

  it('keeps everything when the database is closed and opened again (panel closed, Grille updated)', async () => {
    const name = `reopen-${crypto.randomUUID()}`;
    const first = new WorkspaceDb(name);
    const id = await createEvaluation(first, { candidateName: 'A', certificationId: 'c', referentielVersion: 1, blocIds: ['b'], mode: 'jury', jurors: [], deliverables: [] }, null);
    await saveObservation(first, id, 'k', 'texte', null);
    first.close();
    const second = new WorkspaceDb(name);
    expect((await second.assessments.get([id, 'k']))?.observation).toBe('texte');
    expect(await second.history.where('evaluationId').equals(id).count()).toBe(2);
  });
});
