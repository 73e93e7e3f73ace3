// The in-page collector in jsdom, for what needs no layout (rendered sizes are checked in
// Chromium: tests/e2e/privacy.e2e.test.ts). jsdom lays nothing out, so visibility is stubbed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectPrivacy, readStorageKeys } from '@/lib/privacy/page/collect';
import { readCookies } from '@/lib/privacy/page/cookies';
import { findBanner } from '@/lib/privacy/page/find-banner';
import { fit, fitRaw } from '@/lib/privacy/page/fit-text';
import { PrivacyFacts } from '@/lib/page/facts';

function layout(boxes: Record<string, { width: number; height: number }>) {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const id = this.id || this.getAttribute('data-box') || '';
    const box = boxes[id] ?? { width: 0, height: 0 };
    return { x: 0, y: 0, top: 0, left: 0, right: box.width, bottom: box.height, width: box.width, height: box.height, toJSON: () => ({}) } as DOMRect;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  localStorage.clear();
});

const BANNER = `
<main><h1>Bougies</h1><p>Contenu</p></main>
<section id="cookie-banner" class="cookie-banner">
  <p>Ce site utilise des cookies pour mesurer l’audience.</p>
  <a href="/politique-cookies/">Politique cookies</a>
  <button id="ok">Tout accepter</button>
  <button id="no">Continuer sans accepter</button>
  <button id="perso" aria-label="Personnaliser les cookies"><span role="button">Personnaliser</span></button>
  <div id="prefs" class="cookie-prefs" hidden><p>Cookies de mesure</p><button id="save">Enregistrer</button></div>
</section>`;

describe('findBanner', () => {
  it('finds a consent manager by its name and classifies its buttons with their areas', () => {
    document.body.innerHTML = BANNER;
    layout({ 'cookie-banner': { width: 600, height: 200 }, ok: { width: 120, height: 40 }, no: { width: 100, height: 20 }, perso: { width: 90, height: 20 } });
    const banner = findBanner(document);
    expect(banner).toMatchObject({ found: true, visible: true, selector: '#cookie-banner' });
    expect(banner.text).toContain('utilise des cookies');
    expect(banner.buttons.map((b) => [b.label, b.kind, b.area])).toEqual([
      ['Politique cookies', 'other', 0],
      ['Tout accepter', 'accept', 4800],
      ['Continuer sans accepter', 'refuse', 2000],
      ['Personnaliser', 'settings', 1800],
      ['Enregistrer', 'other', 0],
    ]);
    expect(banner.links).toEqual([{ href: 'http://localhost:3000/politique-cookies/', text: 'Politique cookies' }]);
  });

  it('reports a hidden banner as found, not visible', () => {
    document.body.innerHTML = BANNER.replace('class="cookie-banner"', 'class="cookie-banner" hidden');
    layout({});
    expect(findBanner(document)).toMatchObject({ found: true, visible: false });
  });

  it('finds a dialog that speaks of cookies, not one that does not', () => {
    document.body.innerHTML = '<div role="dialog" id="d"><p>Nous utilisons des traceurs.</p><button>OK</button></div><div role="dialog" id="n"><p>Inscrivez-vous</p><button>OK</button></div>';
    layout({ d: { width: 300, height: 100 }, n: { width: 300, height: 100 } });
    expect(findBanner(document).selector).toBe('#d');
  });

  it('ignores the page itself and lone links named « cookie »', () => {
    document.body.className = 'cookies-not-set';
    document.body.innerHTML = '<div id="page" class="gdpr-ready"><main><h1>T</h1><p>cookies</p></main></div><footer><a class="cookie-settings" href="#">Gérer les cookies</a></footer>';
    layout({});
    expect(findBanner(document).found).toBe(false);
    document.body.className = '';
  });

  it('finds nothing on a page without a banner', () => {
    document.body.innerHTML = '<main><h1>Bonjour</h1></main>';
    expect(findBanner(document)).toEqual({ found: false, visible: false, selector: null, text: '', buttons: [], links: [] });
  });
});

describe('cookies and storage', () => {
  it('falls back to document.cookie names when cookieStore is missing (expiry unknown)', async () => {
    document.cookie = '_brume_uid=BRM.1; path=/';
    document.cookie = 'theme=dark; path=/';
    const read = await readCookies(document);
    expect(read.cookieSource).toBe('document.cookie');
    expect(read.cookies).toEqual([
      { name: '_brume_uid', domain: null },
      { name: 'theme', domain: null },
    ]);
  });

  it('uses cookieStore when present, keeping domain and expiry', async () => {
    const win = document.defaultView as unknown as { cookieStore?: unknown };
    win.cookieStore = { getAll: async () => [{ name: '_ga', domain: 'atelier-brume.fr', expires: 123 }, { name: 's', domain: null, expires: null }] };
    try {
      expect(await readCookies(document)).toEqual({
        cookieSource: 'cookieStore',
        cookies: [
          { name: '_ga', domain: 'atelier-brume.fr', expires: 123 },
          { name: 's', domain: null, expires: null },
        ],
      });
    } finally {
      delete win.cookieStore;
    }
  });

  it('falls back when cookieStore throws (insecure context)', async () => {
    const win = document.defaultView as unknown as { cookieStore?: unknown };
    win.cookieStore = { getAll: async () => Promise.reject(new DOMException('insecure', 'SecurityError')) };
    try {
      expect((await readCookies(document)).cookieSource).toBe('document.cookie');
    } finally {
      delete win.cookieStore;
    }
  });

  it('lists localStorage key names, never values', () => {
    localStorage.setItem('brume_consent', '{"audience":true}');
    expect(readStorageKeys(document)).toEqual(['brume_consent']);
  });
});

describe('collectPrivacy', () => {
  it('returns facts the schema accepts, even from a hostile page', async () => {
    const long = 'x'.repeat(250);
    document.body.innerHTML = `<div id="cookie-consent"><p>Cookies ${'🍪'.repeat(1200)}</p><button>${long}</button>${Array.from({ length: 30 }, () => '<button>Accepter</button>').join('')}</div>`;
    for (let i = 0; i < 150; i++) localStorage.setItem(`k${i}${'y'.repeat(300)}`, '1');
    const facts = await collectPrivacy(document);
    expect(() => PrivacyFacts.parse(facts)).not.toThrow();
    expect(facts.banner.found).toBe(true);
    expect(facts.banner.text.length).toBeLessThanOrEqual(2000);
    expect(facts.banner.buttons.length).toBe(20);
    expect(facts.banner.buttons[0]!.label.length).toBeLessThanOrEqual(200);
    expect(facts.storageKeys.length).toBe(100);
  });
});

describe('text bounds', () => {
  it('never splits a surrogate pair and stays within UTF-16 limits', () => {
    const s = '🍪'.repeat(10);
    expect(fit(s, 5).length).toBeLessThanOrEqual(5);
    expect(fitRaw(s, 5)).toBe('🍪🍪');
  });
});
