import { describe, expect, it } from 'vitest';
import notice from '@/lib/privacy/rules/rgpd-form-notice';
import prechecked from '@/lib/privacy/rules/rgpd-prechecked-consent';
import { facts, field, form } from './build-facts';

const name = field({ name: 'nom', label: 'Nom et prénom *', personal: 'name', selector: '#cf-nom' });
const email = field({ type: 'email', name: 'email', label: 'Adresse e-mail *', personal: 'email', selector: '#cf-email' });
const phone = field({ type: 'tel', name: 'telephone', placeholder: 'Téléphone (facultatif)', personal: 'phone', selector: 'input[name="telephone"]' });
const newsletter = field({ type: 'checkbox', name: 'newsletter', label: 'Je souhaite recevoir la newsletter d’Atelier Brume (nouveautés, dates d’ateliers, offres).', checked: true, selector: '#cf-newsletter' });

describe('rgpd-form-notice', () => {
  it('fails on a personal-data form with no notice nearby, naming the form and fields', () => {
    const r = notice.check(facts({ forms: [form({ fields: [name, email, phone], surroundingText: 'Les champs marqués d’un astérisque (*) sont obligatoires. Envoyer' })] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('form.wpcf7-form');
    expect(r.detail.fr).toContain('Téléphone (facultatif)');
    expect(r.elements?.[0]?.selector).toBe('form.wpcf7-form');
  });

  it.each([
    'Vos données personnelles sont utilisées pour répondre à votre demande.',
    'En savoir plus sur la gestion de vos données et vos droits.',
    'Conformément au RGPD, vous disposez d’un droit d’accès.',
    'Les données collectées font l’objet d’un traitement par Atelier Brume.',
    'Voir notre politique de confidentialité.',
  ])('passes when the form says: %s', (text) => {
    expect(notice.check(facts({ forms: [form({ fields: [email], surroundingText: text })] })).outcome).toBe('pass');
  });

  it('does not take « traitement de votre demande » alone for a notice', () => {
    expect(notice.check(facts({ forms: [form({ fields: [email], surroundingText: 'Délai de traitement de votre demande : 48 h.' })] })).outcome).toBe('fail');
  });

  it('is inapplicable without a personal-data form', () => {
    expect(notice.check(facts({ forms: [form({ fields: [field({ name: 'q', type: 'search' })] })] })).outcome).toBe('inapplicable');
    expect(notice.check(facts()).outcome).toBe('inapplicable');
  });
});

describe('rgpd-prechecked-consent', () => {
  it('fails on a newsletter box ticked in advance', () => {
    const r = prechecked.check(facts({ forms: [form({ fields: [email, newsletter] })] }));
    expect(r.outcome).toBe('fail');
    expect(r.detail.fr).toContain('newsletter');
    expect(r.elements?.[0]?.selector).toBe('#cf-newsletter');
  });

  it('passes when consent boxes start unticked, and ignores « se souvenir de moi »', () => {
    const remember = field({ type: 'checkbox', name: 'remember', label: 'Se souvenir de moi', checked: true });
    expect(prechecked.check(facts({ forms: [form({ fields: [email, { ...newsletter, checked: false }, remember] })] })).outcome).toBe('pass');
  });

  it('does not count a locked box (strictly necessary cookies shown ticked and disabled) as consent', () => {
    const locked = field({ type: 'checkbox', name: 'consent-necessary', label: 'Cookies nécessaires — consentement non requis', checked: true, disabled: true });
    expect(prechecked.check(facts({ forms: [form({ fields: [email, { ...newsletter, checked: false }, locked] })] })).outcome).toBe('pass');
  });

  it('is inapplicable without a form', () => {
    expect(prechecked.check(facts()).outcome).toBe('inapplicable');
  });
});
