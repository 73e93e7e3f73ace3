import { describe, expect, it } from 'vitest';
import privacy from '@/lib/privacy/rules/rgpd-privacy-policy-link';
import legal from '@/lib/privacy/rules/rgpd-legal-notice-link';
import terms from '@/lib/privacy/rules/rgpd-terms-of-sale-link';
import { banner, facts, link, PAGE } from './build-facts';

const footer = [link('/contact/', 'Contact'), link(`${PAGE}mentions-legales/`, 'Mentions légales'), link(`${PAGE}cgv/`, 'CGV')];

describe('rgpd-privacy-policy-link', () => {
  it('fails when no link speaks of privacy, personal data or cookies (sample site footer)', () => {
    expect(privacy.check(facts({ links: footer })).outcome).toBe('fail');
  });

  it.each([
    ['Politique de confidentialité', `${PAGE}page/`],
    ['Vos données', `${PAGE}donnees-personnelles/`],
    ['Vie privée', `${PAGE}x/`],
    ['Privacy', `${PAGE}x/`],
    ['Politique cookies', `${PAGE}x/`],
    ['En savoir plus', `${PAGE}politique-de-confidentialite/`],
  ])('passes on « %s » (%s)', (text, href) => {
    const r = privacy.check(facts({ links: [...footer, link(href, text)] }));
    expect(r.outcome).toBe('pass');
    expect(r.detail.fr).toContain(href);
  });

  it('counts a policy link inside the banner', () => {
    expect(privacy.check(facts({ banner: banner({ links: [{ href: `${PAGE}vie-privee/`, text: 'Vie privée' }] }) })).outcome).toBe('pass');
  });
});

describe('rgpd-legal-notice-link', () => {
  it('passes on « Mentions légales », fails without', () => {
    expect(legal.check(facts({ links: footer })).outcome).toBe('pass');
    expect(legal.check(facts({ links: [link('/contact/', 'Contact')] })).outcome).toBe('fail');
  });

  it('knows legal notice and imprint, not a privacy page under /legal/', () => {
    expect(legal.check(facts({ links: [link('/imprint', 'Imprint')] })).outcome).toBe('pass');
    expect(legal.check(facts({ links: [link('/legal/privacy-policy', 'Privacy')] })).outcome).toBe('fail');
  });
});

describe('rgpd-terms-of-sale-link', () => {
  it('is inapplicable on a page that sells nothing', () => {
    expect(terms.check(facts({ links: footer.slice(0, 2) })).outcome).toBe('inapplicable');
  });

  it('detects a shop by JSON-LD, by « Ajouter au panier », by a cart link', () => {
    const noCgv = footer.slice(0, 2);
    expect(terms.check(facts({ links: noCgv, jsonLdTypes: ['Product'] })).outcome).toBe('fail');
    expect(terms.check(facts({ links: noCgv, mainText: 'Bougie 32 € Ajouter au panier' })).outcome).toBe('fail');
    const r = terms.check(facts({ links: [...noCgv, link('/panier/', '')] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('/panier/');
  });

  it('passes on a shop with a CGV link', () => {
    const r = terms.check(facts({ links: footer, jsonLdTypes: ['Product'] }));
    expect(r.outcome).toBe('pass');
    expect(r.detail.fr).toContain('/cgv/');
  });
});
