// The privacy facts of the page as it is now: cookies it can see, requests it made, its consent
// banner, and the names of its localStorage keys. Runs in the page (analyzer, isolated world);
// reads only. The RGPD rules (lib/privacy/rules) judge; this only observes.
import type { PrivacyFacts } from '../../page/facts';
import { findBanner } from './find-banner';
import { readCookies } from './cookies';
import { readResources } from './resources';
import { fitRaw } from './fit-text';

/** localStorage key names (values are never read), or none when storage is blocked. */
export function readStorageKeys(doc: Document): string[] {
  try {
    const storage = doc.defaultView?.localStorage;
    if (!storage) return [];
    const keys: string[] = [];
    for (let i = 0; i < storage.length && keys.length < 100; i++) {
      const key = storage.key(i);
      if (key !== null) keys.push(fitRaw(key, 200));
    }
    return keys;
  } catch {
    return []; // storage denied (sandbox, blocked third-party storage)
  }
}

export async function collectPrivacy(doc: Document): Promise<PrivacyFacts> {
  const { cookies, cookieSource } = await readCookies(doc);
  let banner: PrivacyFacts['banner'];
  try {
    banner = findBanner(doc);
  } catch {
    // A page hostile enough to break the search: report no banner rather than no facts at all.
    banner = { found: false, visible: false, selector: null, text: '', buttons: [], links: [] };
  }
  return { cookies, cookieSource, resources: readResources(doc), banner, storageKeys: readStorageKeys(doc) };
}
