import { describe, expect, it } from 'vitest';
import { isThirdParty, sameSite, siteOf } from '@/lib/privacy/site';
import { beaconHint } from '@/lib/privacy/beacons';
import { findTracker, TRACKERS, TRACKER_PURPOSES } from '@/lib/privacy/data/trackers';
import { exemptUse } from '@/lib/privacy/data/exempt-cookies';

describe('site', () => {
  it.each([
    ['www.atelier-brume.fr', 'atelier-brume.fr'],
    ['shop.example.co.uk', 'example.co.uk'],
    ['www.service-public.gouv.fr', 'service-public.gouv.fr'],
    ['a.b.example.com.au', 'example.com.au'],
    ['candidate.github.io', 'candidate.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s is on site %s', (host, site) => expect(siteOf(host)).toBe(site));

  it('compares IPs and localhost whole: localhost is not 127.0.0.1', () => {
    expect(sameSite('localhost', '127.0.0.1')).toBe(false);
    expect(isThirdParty('http://127.0.0.1:8080/collect', 'http://localhost:8080/')).toBe(true);
    expect(isThirdParty('http://localhost:8080/a.css', 'http://localhost:8080/')).toBe(false);
  });

  it('treats subdomains as the same site and ignores data: URLs', () => {
    expect(isThirdParty('https://cdn.atelier-brume.fr/a.js', 'https://www.atelier-brume.fr/')).toBe(false);
    expect(isThirdParty('https://other.github.io/a.js', 'https://candidate.github.io/')).toBe(true);
    expect(isThirdParty('data:image/png;base64,AA', 'https://www.atelier-brume.fr/')).toBe(false);
  });
});

describe('beacon heuristic', () => {
  const page = 'http://localhost:8080/boutique/?utm=x#top';

  it('catches the sample site’s tracker: page URL in the query and /collect', () => {
    const hint = beaconHint({ url: `http://127.0.0.1:8080/collect?v=1&tid=BR-4471&ev=pageview&dl=${encodeURIComponent('http://localhost:8080/boutique/?utm=x')}`, initiatorType: 'img' }, page);
    expect(hint?.reasons.map((r) => r.fr).join(' ; ')).toMatch(/adresse de la page.*chemin de collecte.*identifiants/);
  });

  it('catches a path-only beacon and an image with ids', () => {
    expect(beaconHint({ url: 'https://t.example.net/pixel.gif', initiatorType: 'img' }, page)).not.toBeNull();
    expect(beaconHint({ url: 'https://t.example.net/i?uid=42&ev=view', initiatorType: 'img' }, page)).not.toBeNull();
  });

  it('leaves ordinary third-party files alone', () => {
    expect(beaconHint({ url: 'https://fonts.googleapis.com/css2?family=Inter', initiatorType: 'link' }, page)).toBeNull();
    expect(beaconHint({ url: 'https://cdn.jsdelivr.net/npm/x@1/dist/x.js', initiatorType: 'script' }, page)).toBeNull();
    expect(beaconHint({ url: 'https://img.example.net/photo.jpg?id=3', initiatorType: 'img' }, page)).toBeNull();
  });
});

describe('tracker list', () => {
  it('has about 40 vendors documented by their own pages', () => {
    expect(new Set(TRACKERS.map((t) => t.vendor)).size).toBeGreaterThanOrEqual(35);
    for (const t of TRACKERS) {
      expect(t.source).toMatch(/^https:\/\//);
      expect(TRACKER_PURPOSES).toContain(t.purpose);
      expect(t.host).toMatch(/^[a-z0-9.-]+$/);
      // Not a block list's address.
      expect(t.source).not.toMatch(/disconnect|easylist|duckduckgo|tracker-radar/i);
    }
  });

  it('matches subdomains and path patterns, longest host first', () => {
    expect(findTracker('https://region1.google-analytics.com/g/collect?v=2')?.vendor).toBe('Google Analytics');
    expect(findTracker('https://www.facebook.com/tr?id=1&ev=PageView')?.vendor).toBe('Meta Pixel (Facebook)');
    expect(findTracker('https://www.facebook.com/atelierbrume')).toBeNull();
    expect(findTracker('https://s.pinimg.com/ct/core.js')?.vendor).toBe('Pinterest Tag');
    expect(findTracker('https://s.pinimg.com/images/a.jpg')).toBeNull();
    expect(findTracker('https://notgoogle-analytics.com/x')).toBeNull();
  });
});

describe('exempt cookie names', () => {
  it('knows consent records, sessions and carts, not trackers', () => {
    expect(exemptUse('OptanonConsent')?.use).toBe('consent');
    expect(exemptUse('PHPSESSID')?.use).toBe('session');
    expect(exemptUse('wp_woocommerce_session_abc123')?.use).toBe('cart');
    expect(exemptUse('_ga')).toBeNull();
    expect(exemptUse('_brume_uid')).toBeNull();
  });
});
