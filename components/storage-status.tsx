import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { requestPersistentStorage, type StorageState } from '@/lib/workspace/persistence';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} Mo`;

/** Whether the browser agreed to keep Grille's data (not evict it), and the space used. */
export function StorageStatus() {
  const [state, setState] = useState<StorageState | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setState);
  }, []);
  if (!state) return null;
  return (
    <p className="hint" data-testid="storage-status">
      {state.persisted === true ? t('storagePersisted') : state.persisted === false ? t('storageNotPersisted') : t('storageUnknown')}
      {state.usage !== null && state.quota !== null && ` — ${t('storageUsage', mb(state.usage), mb(state.quota))}`}
    </p>
  );
}
