import { useLiveQuery } from 'dexie-react-hooks';
import { isReconciliationEntry, ReconciliationNoteSchema } from '@/lib/export/reconciliation-note';
import { t } from '@/lib/i18n';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { historyOf } from '@/lib/workspace/history';
import type { HistoryRow } from '@/lib/workspace/types';

function describe(row: HistoryRow, codes: ReadonlyMap<string, string>): string {
  const rgaa = row.entity === 'rgaa' ? /^rgaa:[^:]*:(.+)$/.exec(row.entityId)?.[1] : undefined;
  const target = rgaa ? t('rgaaCriterionRef', rgaa) : (codes.get(row.entityId) ?? '');
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '∅';
    if (typeof v === 'string') return `« ${v.length > 120 ? `${v.slice(0, 120)}…` : v} »`;
    const o = v as Record<string, unknown>;
    if ('status' in o) return t(`status_${String(o.status)}`) + (o.exemptionReason ? ` (${String(o.exemptionReason)})` : '');
    if ('decision' in o) return (o.decision ? t(`decision_${String(o.decision)}`) : '') + (o.comment ? ` — ${String(o.comment)}` : '');
    if ('suggestionId' in o && 'action' in o) return t(`aiAction_${String(o.action)}`);
    if ('quote' in o || 'kind' in o) return `${String(o.kind ?? '')} ${o.quote ? `« ${String(o.quote).slice(0, 80)} »` : String(o.url ?? '')}`;
    return t('changed');
  };
  // A reconciliation's note: with whom, and how many points of disagreement it recorded.
  const note = isReconciliationEntry(row) ? ReconciliationNoteSchema.safeParse(row.after) : null;
  const after = note?.success ? t('reconciliationWith', note.data.theirs, String(note.data.criteria.length + note.data.decisions.length)) : value(row.after);
  return t('historyLine', t(`entity_${row.entity}`), target, row.field ? t(`field_${row.field}`) : t(`action_${row.action}`), value(row.before), after);
}

/** The append-only record of every change, newest first: what, before, after, who, when. */
export function EvaluationHistory({ db, evaluationId, codes }: { db: WorkspaceDb; evaluationId: string; codes: ReadonlyMap<string, string> }) {
  const rows = useLiveQuery(() => historyOf(db, evaluationId), [db, evaluationId]);
  return (
    <details className="history">
      <summary>{t('historyHeading', String(rows?.length ?? 0))}</summary>
      <ol reversed>
        {rows
          ?.slice()
          .reverse()
          .map((row) => (
            <li key={row.seq}>
              <time dateTime={new Date(row.at).toISOString()}>{new Date(row.at).toLocaleString(t('lang') === 'fr' ? 'fr-FR' : 'en-GB')}</time> —{' '}
              {row.who ?? t('unknownJuror')} : {describe(row, codes)}
            </li>
          ))}
      </ol>
    </details>
  );
}
