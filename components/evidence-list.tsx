import { useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { EvidenceRow } from '@/lib/workspace/types';
import { EvidenceItem } from './evidence-item';

export interface EvidenceListProps {
  /** The evidence backing one criterion, in the order to show (evidenceOf sorts by capture time). */
  items: readonly EvidenceRow[];
  /** Called after the juror confirmed; may return a promise (a failure is shown, in French). */
  onRemove: (id: string) => void | Promise<void>;
  /** Offers « Modifier les critères » on each item when given. */
  onEditCriteria?: (item: EvidenceRow) => void;
  /** Names the list, e.g. « Preuves — C2.1 · critère 2 »; defaults to « Preuves de ce critère ». */
  label?: string;
}

/** The evidence items backing one criterion, each removable after an inline confirmation. */
export function EvidenceList({ items, onRemove, onEditCriteria, label }: EvidenceListProps) {
  const group = useRef<HTMLDivElement>(null);
  const [removals, setRemovals] = useState(0);
  const name = label ?? t('evidenceListLabel');
  const afterRemoval = () => {
    setRemovals((n) => n + 1);
    // The item is about to vanish with its focused button: the list takes the focus.
    group.current?.focus();
  };
  return (
    <div className="evidence-list" role="group" aria-label={name} tabIndex={-1} ref={group}>
      {items.length === 0 ? (
        <p className="hint">{t('evidenceListEmpty')}</p>
      ) : (
        <ul className="evidence-items">
          {items.map((item) => (
            <EvidenceItem key={item.id} item={item} onRemove={onRemove} onEditCriteria={onEditCriteria} onRemoved={afterRemoval} />
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {/* A new node each time, so a second removal is announced too. */}
        {removals > 0 && <span key={removals}>{t('evidenceRemoved')}</span>}
      </p>
    </div>
  );
}
