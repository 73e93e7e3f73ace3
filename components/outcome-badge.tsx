import { t } from '@/lib/i18n';
import type { Family, Outcome } from '@/lib/checks/types';

/** The outcome in words (never colour alone): « Non conforme », « À vérifier par le juré »… */
export function outcomeLabel(outcome: Outcome, family: Family): string {
  return family === 'rgaa' && (outcome === 'fail' || outcome === 'pass') ? t(`outcome_${outcome}_rgaa`) : t(`outcome_${outcome}`);
}

export function OutcomeBadge({ outcome, family }: { outcome: Outcome; family: Family }) {
  return <span className={`outcome outcome-${outcome}`}>{outcomeLabel(outcome, family)}</span>;
}
