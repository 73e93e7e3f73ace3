import { describe, expect, it } from 'vitest';
import rule from '@/lib/privacy/rules/rgpd-third-parties-before-consent';
import { banner, facts, PAGE, resource } from './build-facts';

const ga = resource('https://www.google-analytics.com/g/collect?v=2&tid=G-1', { initiatorType: 'fetch' });
const font = resource('https://fonts.gstatic.com/s/inter/v1/a.woff2', { initiatorType: 'css' });
const own = resource(`${PAGE}wp-content/themes/brume/style.css`, { initiatorType: 'link' });
const beacon = resource(`http://127.0.0.1:8080/collect?v=1&tid=BR-4471&dl=${encodeURIComponent(PAGE)}`);

describe('rgpd-third-parties-before-consent', () => {
  it('fails on a known tracker called while the banner is on screen', () => {
    const r = rule.check(facts({ resources: [own, ga, font], banner: banner() }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('Google Analytics (www.google-analytics.com)');
    expect(r.detail.fr).toContain('autres tiers : fonts.gstatic.com');
  });

  it('fails on a probable tracker found by the beacon heuristic, with its reasons', () => {
    const r = rule.check(facts({ resources: [beacon], banner: banner() }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('traceurs probables : 127.0.0.1');
    expect(r.detail.fr).toContain('adresse de la page');
  });

  it('asks the juror when trackers run and no banner is shown', () => {
    expect(rule.check(facts({ resources: [ga] })).outcome).toBe('review');
  });

  it('lists other third parties for the juror when no tracker is recognised', () => {
    const r = rule.check(facts({ resources: [own, font], banner: banner() }));
    expect(r.outcome).toBe('review');
    expect(r.detail.fr).toContain('fonts.gstatic.com');
  });

  it('passes when every request stays on the page’s site (subdomains included)', () => {
    const cdn = resource('https://cdn.atelier-brume.fr/app.js', { initiatorType: 'script' });
    expect(rule.check(facts({ resources: [own, cdn], banner: banner() })).outcome).toBe('pass');
  });
});

describe('rgpd-third-parties-before-consent and CNIL-exemptable audience measurement', () => {
  it('asks the juror to check the configuration instead of failing', () => {
    const matomo = resource('https://atelier.matomo.cloud/matomo.php?idsite=1&rec=1', { initiatorType: 'beacon' });
    const r = rule.check(facts({ resources: [matomo], banner: banner() }));
    expect(r.outcome).toBe('review');
    expect(r.detail.fr).toContain('Matomo Cloud');
    expect(r.detail.fr).toContain('exemption CNIL');
  });
});
