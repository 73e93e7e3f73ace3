import { t } from '@/lib/i18n';
import { storageErrorMessage, WorkspaceRuleError } from '@/lib/workspace/errors';

/**
 * A failed write, explained in French; the juror's text stays in the field meanwhile. « Réessayer »
 * is named only where the button is there: a rule broken (a motivation missing) is not retried.
 */
export function StorageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const retry = onRetry && !(error instanceof WorkspaceRuleError) ? onRetry : undefined;
  return (
    <div role="alert" className="storage-error">
      <p>{storageErrorMessage(error, { retry: retry ? t('retry') : undefined })}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
