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

  // The Public Suffix List (tldts) where the former hand-kept list of ~60 suffixes was wrong or silent.
  it.each([
    ['x.github.io', 'x.github.io'],
    ['a.b.gouv.fr', 'b.gouv.fr'],
    ['www.city.kawasaki.jp', 'city.kawasaki.jp'], // an exception rule (!city.kawasaki.jp)
    ['bucket.s3.eu-west-3.amazonaws.com', 'bucket.s3.eu-west-3.amazonaws.com'], // was amazonaws.com
    ['shop.x.appspot.com', 'x.appspot.com'], // was appspot.com
    ['moncabinet.avocat.fr', 'moncabinet.avocat.fr'], // was avocat.fr
    ['www.school.county.sch.uk', 'school.county.sch.uk'], // *.sch.uk; was county.sch.uk
    ['www.x.presse.fr', 'presse.fr'], // not (or no longer) a public suffix; was x.presse.fr
    ['blog.x.wordpress.com', 'wordpress.com'], // not on the list: browsers share cookies across it
    ['github.io', 'github.io'], // a public suffix itself: compared whole
    ['::1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['foo.localhost', 'foo.localhost'],
    ['www.académie.fr', 'xn--acadmie-eya.fr'], // IDN, as URL writes it
    ['WWW.Example.CO.UK.', 'example.co.uk'],
  ])('by the Public Suffix List, %s is on site %s', (host, site) => expect(siteOf(host)).toBe(site));

  it('tells two accounts on one hosting platform apart, and an IDN from its punycode not', () => {
    expect(sameSite('x.github.io', 'y.github.io')).toBe(false);
    expect(sameSite('a.b.gouv.fr', 'c.b.gouv.fr')).toBe(true);
    expect(sameSite('www.académie.fr', 'cdn.xn--acadmie-eya.fr')).toBe(true);
    expect(isThirdParty('https://cdn.académie.fr/a.js', 'https://www.xn--acadmie-eya.fr/')).toBe(false);
    expect(isThirdParty('https://other.netlify.app/a.js', 'https://mine.netlify.app/')).toBe(true);
  });

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
