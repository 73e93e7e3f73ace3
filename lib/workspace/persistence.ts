// Asks the browser to keep Grille's storage (not to evict it under storage pressure) and reports
// whether it agreed, with the space used and available.

export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function requestPersistentStorage(nav: Navigator = navigator): Promise<StorageState> {
  const storage = nav.storage;
  if (!storage) return { persisted: null, usage: null, quota: null };
  let persisted: boolean | null = null;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist?.()) || false;
  } catch {
    persisted = null;
  }
  const estimate = await storage.estimate?.().catch(() => undefined);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
