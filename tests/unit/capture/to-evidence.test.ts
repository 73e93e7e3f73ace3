import { beforeEach, describe, expect, it } from 'vitest';
import { newEvidenceFrom } from '@/lib/capture/to-evidence';
import type { PendingCapture } from '@/lib/capture/captures';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { addEvidence } from '@/lib/workspace/evidence';

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`capture-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [], deliverables: [] },
    null,
  );
});

const where = { url: 'https://atelier-brume.fr/', pageTitle: 'Atelier Brume', capturedAt: 1_700_000_000_000 };

describe('newEvidenceFrom', () => {
  it('turns each kind of capture into evidence the workspace accepts', async () => {
    const captures: PendingCapture[] = [
      { kind: 'quote', quote: 'Ligne 1\nLigne 2', truncated: false, ...where },
      { kind: 'screenshot', image: new Blob(['png'], { type: 'image/png' }), ...where },
      { kind: 'link', ...where },
    ];
    for (const capture of captures) {
      const id = await addEvidence(db, newEvidenceFrom(capture, evaluationId, { criterionIds: ['tc-k001', 'tc-k003'], note: 'Vu' }), 'Nadia Benali');
      const row = (await db.evidence.get(id))!;
      expect(row).toMatchObject({ kind: capture.kind, ...where, note: 'Vu', criterionIds: ['tc-k001', 'tc-k003'] });
      expect(row.quote).toBe(capture.kind === 'quote' ? 'Ligne 1\nLigne 2' : null);
      // fake-indexeddb cannot clone jsdom's Blob faithfully; a real browser stores the PNG itself.
      if (capture.kind === 'screenshot') expect(row.image).toBeTruthy();
      else expect(row.image).toBeNull();
    }
  });
});
