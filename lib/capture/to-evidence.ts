// From a capture the juror attached to criteria to the workspace's NewEvidence (addEvidence).
import type { NewEvidence } from '../workspace/evidence';
import type { PendingCapture } from './captures';

/** What the evidence dialog returns: the criteria ticked and the caption. */
export interface EvidenceSaveInput {
  criterionIds: string[];
  note: string;
}

export function newEvidenceFrom(capture: PendingCapture, evaluationId: string, { criterionIds, note }: EvidenceSaveInput): NewEvidence {
  return {
    evaluationId,
    kind: capture.kind,
    url: capture.url,
    pageTitle: capture.pageTitle,
    capturedAt: capture.capturedAt,
    quote: capture.kind === 'quote' ? capture.quote : null,
    image: capture.kind === 'screenshot' ? capture.image : null,
    finding: capture.kind === 'finding' ? capture.finding : null,
    note,
    criterionIds,
  };
}
