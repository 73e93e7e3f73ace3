// Ranks a bloc's criteria for the deliverable in the active tab, and says why each one is relevant.
import { TOPICS_BY_KIND, type DeliverableDetection } from './detect-deliverable';
import type { CriterionInContext } from '../referentiels/catalog';
import type { DeliverableKind, Topic } from '../referentiels/schema';

export type RelevanceReason = { type: 'kind'; kind: DeliverableKind } | { type: 'topic'; topic: Topic };

export interface RankedCriterion {
  item: CriterionInContext;
  score: number;
  reasons: RelevanceReason[];
}

/** A matching kind weighs more than any number of matching topics. */
const KIND_WEIGHT = 10;

export function scoreCriterion(item: CriterionInContext, detection: DeliverableDetection | null): RankedCriterion {
  if (!detection) return { item, score: 0, reasons: [] };
  const reasons: RelevanceReason[] = [];
  let score = 0;
  const kind = detection.kinds.find((k) => item.criterion.deliverableKinds.includes(k));
  if (kind) {
    reasons.push({ type: 'kind', kind });
    // The more specific the matching kind (first in the detection), the higher.
    score += KIND_WEIGHT + (detection.kinds.length - detection.kinds.indexOf(kind));
  }
  const watched = new Set(detection.kinds.flatMap((k) => TOPICS_BY_KIND[k]));
  for (const topic of item.criterion.topics) {
    if (watched.has(topic)) {
      reasons.push({ type: 'topic', topic });
      score += 1;
    }
  }
  return { item, score, reasons };
}

/**
 * Criteria relevant to the detected deliverable first (highest score first), then the others;
 * document order is kept between equals, so the ranking is stable.
 */
export function rankByRelevance(items: readonly CriterionInContext[], detection: DeliverableDetection | null): RankedCriterion[] {
  return items
    .map((item) => scoreCriterion(item, detection))
    .map((ranked, order) => ({ ranked, order }))
    .sort((a, b) => b.ranked.score - a.ranked.score || a.order - b.order)
    .map(({ ranked }) => ranked);
}
