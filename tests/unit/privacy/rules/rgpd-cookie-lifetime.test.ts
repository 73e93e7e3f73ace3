import { describe, expect, it } from 'vitest';
import rule from '@/lib/privacy/rules/rgpd-cookie-lifetime';
import { DAY, facts, NOW } from './build-facts';

describe('rgpd-cookie-lifetime', () => {
  it('fails beyond 395 days, in months, and says the browser caps at 400 days', () => {
    const r = rule.check(facts({ cookies: [{ name: '_brume_uid', domain: null, expires: NOW + 400 * DAY }, { name: 'cart', domain: null, expires: NOW + 30 * DAY }] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('_brume_uid (13,1 mois)');
    expect(r.detail.fr).not.toContain('cart (');
    expect(r.detail.fr).toContain('400 jours');
  });

  it('does not mention the cap when the lifetime is well under it', () => {
    const r = rule.check(facts({ cookies: [{ name: 'x', domain: null, expires: NOW + 396 * DAY }] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).not.toContain('400 jours');
  });

  it('passes when every cookie is a session cookie or lives 13 months at most', () => {
    const r = rule.check(facts({ cookies: [{ name: 's', domain: null, expires: null }, { name: 'y', domain: null, expires: NOW + 395 * DAY }] }));
    expect(r.outcome).toBe('pass');
    expect(r.detail.fr).toContain('13 mois');
  });

  it('asks the juror when only names are known (document.cookie)', () => {
    const r = rule.check(facts({ cookieSource: 'document.cookie', cookies: [{ name: '_ga', domain: null }] }));
    expect(r.outcome).toBe('review');
    expect(r.detail.fr).toContain('_ga');
  });

  it('is inapplicable without cookies', () => {
    expect(rule.check(facts()).outcome).toBe('inapplicable');
  });
});
