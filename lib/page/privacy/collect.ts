// PLACEHOLDER — replaced by the privacy implementation.
import type { PrivacyFacts } from '../facts';

export async function collectPrivacy(doc: Document): Promise<PrivacyFacts> {
  void doc;
  return { cookies: [], cookieSource: 'document.cookie', resources: [], banner: { found: false, visible: false, selector: null, text: '', buttons: [], links: [] }, storageKeys: [] };
}
