import { describe, expect, it } from 'vitest';
import rule from '@/lib/privacy/rules/rgpd-consent-banner';
import { banner, DAY, facts, NOW, resource } from './build-facts';

const accept = { label: 'Accepter', kind: 'accept' as const, area: 4800, selector: '#a' };
const settings = { label: 'Personnaliser', kind: 'settings' as const, area: 3700, selector: '#s' };
const hiddenSave = { label: 'Enregistrer mes choix', kind: 'other' as const, area: 0, selector: '#e' };

describe('rgpd-consent-banner', () => {
  it('fails without a refuse button at the first level; « Personnaliser » is not one', () => {
    const r = rule.check(facts({ banner: banner({ buttons: [accept, settings, hiddenSave] }) }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('« Personnaliser » n’est pas un refus');
    expect(r.detail.fr).toContain('aucune politique');
    expect(r.detail.fr).not.toContain('Enregistrer'); // hidden: not first level
  });

  it('ignores a refuse button hidden behind « Personnaliser »', () => {
    const hiddenRefuse = { label: 'Tout refuser', kind: 'refuse' as const, area: 0, selector: '#r' };
    expect(rule.check(facts({ banner: banner({ buttons: [accept, settings, hiddenRefuse] }) })).outcome).toBe('fail');
  });

  it('asks the juror when the refuse button is much smaller', () => {
    const r = rule.check(facts({ banner: banner({ buttons: [accept, { label: 'Continuer sans accepter', kind: 'refuse', area: 900, selector: '#r' }] }) }));
    expect(r.outcome).toBe('review');
    expect(r.detail.fr).toContain('19 %');
  });

  it('passes when accept and refuse are comparable, and names the policy link', () => {
    const r = rule.check(facts({ banner: banner({ links: [{ href: 'https://www.atelier-brume.fr/politique-de-confidentialite/', text: 'En savoir plus' }] }) }));
    expect(r.outcome).toBe('pass');
    expect(r.detail.fr).toContain('politique-de-confidentialite');
    expect(r.detail.fr).toContain('Couleurs et contraste');
  });

  it('asks about a close button standing in for refusal', () => {
    const r = rule.check(facts({ banner: banner({ buttons: [accept, { label: '×', kind: 'close', area: 600, selector: '#x' }] }) }));
    expect(r.outcome).toBe('review');
  });

  it('fails when no banner is found while cookies or trackers are present', () => {
    const r = rule.check(facts({ cookies: [{ name: '_brume_uid', domain: null, expires: NOW + 400 * DAY }] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('cookie _brume_uid');
    expect(rule.check(facts({ resources: [resource('https://connect.facebook.net/en_US/fbevents.js', { initiatorType: 'script' })] })).outcome).toBe('fail');
  });

  it('is inapplicable with no banner and nothing set (exempt names aside)', () => {
    expect(rule.check(facts()).outcome).toBe('inapplicable');
    expect(rule.check(facts({ cookies: [{ name: 'PHPSESSID', domain: null, expires: null }] })).outcome).toBe('inapplicable');
  });

  it('asks the juror when no button is recognised or the banner is hidden', () => {
    expect(rule.check(facts({ banner: banner({ buttons: [] }) })).outcome).toBe('review');
    expect(rule.check(facts({ banner: banner({ visible: false }) })).outcome).toBe('review');
  });
});
