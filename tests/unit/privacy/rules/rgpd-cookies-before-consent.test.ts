import { describe, expect, it } from 'vitest';
import rule from '@/lib/privacy/rules/rgpd-cookies-before-consent';
import { banner, facts, NOW, DAY } from './build-facts';

const uid = { name: '_brume_uid', domain: null, expires: NOW + 400 * DAY };

describe('rgpd-cookies-before-consent', () => {
  it('fails when cookies are present while the banner is on screen, listing them', () => {
    const r = rule.check(facts({ cookies: [uid, { name: 'PHPSESSID', domain: null, expires: null }], banner: banner() }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('_brume_uid');
    expect(r.detail.fr).toContain('PHPSESSID (session du serveur)'); // set apart, named
    expect(r.detail.fr).toMatch(/^1 cookie/);
    expect(r.elements?.[0]?.selector).toBe('#cookie-banner');
  });

  it('asks the juror when only exempt-looking cookies are present under the banner', () => {
    const r = rule.check(facts({ cookies: [{ name: 'didomi_token', domain: null, expires: null }], banner: banner() }));
    expect(r.outcome).toBe('review');
    expect(r.detail.fr).toContain('didomi_token');
  });

  it('asks whether consent was given earlier when no banner is shown', () => {
    for (const b of [undefined, banner({ visible: false })]) {
      const r = rule.check(facts({ cookies: [uid], banner: b }));
      expect(r.outcome).toBe('review');
      expect(r.detail.fr).toContain('a-t-il été donné plus tôt');
      expect(r.detail.fr).toContain('sans consentement');
    }
  });

  it('passes with no cookie, saying what cannot be seen', () => {
    const r = rule.check(facts({ banner: banner() }));
    expect(r.outcome).toBe('pass');
    expect(r.detail.fr).toContain('HttpOnly');
  });
});
