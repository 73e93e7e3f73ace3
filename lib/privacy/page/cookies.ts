// Cookies the page can see. cookieStore (Chromium, secure contexts — https and localhost) gives
// each cookie's domain and expiry; elsewhere document.cookie gives names only.
// Invisible from the page either way: HttpOnly cookies, and cookies other sites set through the
// page's third-party requests — for those, the third-party REQUESTS are the evidence.
import { LIMITS, type CookieFact, type PrivacyFacts } from '../../page/facts';
import { fitRaw } from './fit-text';

interface StoreCookie {
  name?: string;
  domain?: string | null;
  expires?: number | null;
}
type CookieStoreLike = { getAll(): Promise<StoreCookie[]> };

export async function readCookies(doc: Document): Promise<Pick<PrivacyFacts, 'cookies' | 'cookieSource'>> {
  const store = (doc.defaultView as unknown as { cookieStore?: CookieStoreLike } | null)?.cookieStore;
  if (store && typeof store.getAll === 'function') {
    try {
      const items = await store.getAll();
      const cookies: CookieFact[] = items.slice(0, LIMITS.cookies).map((c) => ({
        name: fitRaw(c.name ?? '', 200),
        // null: a host-only cookie (set without Domain), bound to the page's own host.
        domain: c.domain ? fitRaw(c.domain, 300) : null,
        expires: typeof c.expires === 'number' ? c.expires : null,
      }));
      return { cookies, cookieSource: 'cookieStore' };
    } catch {
      // Insecure context or a page that replaced cookieStore: fall back to the names.
    }
  }
  let raw = '';
  try {
    raw = doc.cookie;
  } catch {
    // Sandboxed document: no cookie access at all.
  }
  const names = raw
    .split(';')
    .map((part) => part.split('=')[0]!.trim())
    .filter(Boolean);
  return { cookies: [...new Set(names)].slice(0, LIMITS.cookies).map((name) => ({ name: fitRaw(name, 200), domain: null })), cookieSource: 'document.cookie' };
}
