import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { DeliverableTab } from '@/lib/page/active-deliverable';
import { newEvidenceFrom } from '@/lib/capture/to-evidence';
import type { PendingCaptureState } from '@/lib/hooks/use-pending-capture';
import type { PendingCapture } from '@/lib/capture/captures';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { draftsOf } from '@/lib/drafts/store';
import { addEvidence, updateEvidence } from '@/lib/workspace/evidence';
import type { EvidenceRow } from '@/lib/workspace/types';
import { CaptureActions } from './capture-actions';
import { EvidenceCaptureDialog, type EvidenceCriterionChoice } from './evidence-capture-dialog';

interface Props {
  db: WorkspaceDb;
  evaluationId: string;
  tab: DeliverableTab | null;
  actor: string | null;
  /** The criteria of the bloc on screen, labelled by their display code. */
  criteria: readonly EvidenceCriterionChoice[];
  /** An evidence row whose criteria the juror is changing, or null. */
  editing: EvidenceRow | null;
  onEditDone: () => void;
  /** The capture waiting for its criteria (owned by the evaluation view: findings arrive from elsewhere in the panel). */
  pending: PendingCaptureState;
  /** Criteria ticked at first for a capture (a finding: the criteria it informs). */
  initialCriteriaFor?: (capture: PendingCapture) => string[];
}

/** Capturing evidence from the tab under review and attaching it (or re-attaching it) to criteria. */
export function EvaluationEvidence({ db, evaluationId, tab, actor, criteria, editing, onEditDone, pending, initialCriteriaFor }: Props) {
  const [savedCount, setSavedCount] = useState(0);
  const drafts = draftsOf(db);
  return (
    <section className="evidence-capture" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('evidenceHeading')}</h3>
      <CaptureActions tab={tab} onCapture={pending.propose} />
      {pending.capture && (
        <EvidenceCaptureDialog
          key={pending.capture.capturedAt}
          capture={pending.capture}
          criteria={criteria}
          initialCriterionIds={initialCriteriaFor?.(pending.capture)}
          draft={{ drafts, field: { kind: 'caption', evaluationId, evidenceKey: `capture:${pending.capture.capturedAt}` }, who: actor }}
          onCancel={() => void pending.clear()}
          onSave={async (input) => {
            await addEvidence(db, newEvidenceFrom(pending.capture!, evaluationId, input), actor);
            await pending.clear();
            setSavedCount((n) => n + 1);
          }}
        />
      )}
      {editing && (
        <EvidenceCaptureDialog
          key={editing.id}
          mode="edit"
          capture={editing}
          criteria={criteria}
          initialCriterionIds={editing.criterionIds}
          initialNote={editing.note}
          draft={{ drafts, field: { kind: 'caption', evaluationId, evidenceKey: `evidence:${editing.id}` }, who: actor }}
          onCancel={onEditDone}
          onSave={async (input) => {
            await updateEvidence(db, editing.id, input, actor);
            onEditDone();
          }}
        />
      )}
      <p role="status" className="hint">
        {savedCount > 0 ? t('evidenceSaved') : ''}
      </p>
    </section>
  );
}
