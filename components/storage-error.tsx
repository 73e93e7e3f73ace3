import { t } from '@/lib/i18n';
import { storageErrorMessage } from '@/lib/workspace/errors';

/** A failed write, explained in French, with a retry; the juror's text stays in the field meanwhile. */
export function StorageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="storage-error">
      <p>{storageErrorMessage(error, { retry: onRetry ? t('retry') : undefined })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
