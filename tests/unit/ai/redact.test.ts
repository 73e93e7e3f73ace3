import { describe, expect, test } from 'vitest';
import { createRedactor, redact, restore } from '@/lib/ai/redact';

const name = 'Camille Roche';

describe('redact', () => {
  test('the full name, its parts, e-mails and phones become placeholders, and come back', () => {
    const text = 'Camille Roche (camille.roche@atelier-brume.fr, 06 12 34 56 78) dirige l’atelier ; Camille y coule les bougies. Appelez Roche au +33 6 98 76 54 32.';
    const { text: sent, redactions } = redact(text, { candidateName: name });
    expect(sent).toBe('[CANDIDAT] ([EMAIL_1], [TEL_1]) dirige l’atelier ; [CANDIDAT_NOM_1] y coule les bougies. Appelez [CANDIDAT_NOM_2] au [TEL_2].');
    expect(restore(sent, redactions)).toBe(text);
  });

  test('case-, accent- and hyphen-insensitive, whole words only; each spelling keeps its own placeholder', () => {
    const { text, redactions } = redact('HÉLÈNE DUPONT-LAJOIE, Helene Dupont Lajoie, hélène. Dupontel et Hélènes restent.', { candidateName: 'Hélène Dupont-Lajoie' });
    expect(text).toBe('[CANDIDAT], [CANDIDAT_2], [CANDIDAT_NOM_1]. Dupontel et Hélènes restent.');
    expect(redactions.get('[CANDIDAT]')).toBe('HÉLÈNE DUPONT-LAJOIE');
    expect(redactions.get('[CANDIDAT_2]')).toBe('Helene Dupont Lajoie');
    expect(redactions.get('[CANDIDAT_NOM_1]')).toBe('hélène');
  });

  test('« Nom Prénom » order, particles and short parts are handled', () => {
    expect(redact('Roche Camille a signé.', { candidateName: name }).text).toBe('[CANDIDAT] a signé.');
    expect(redact('Le site de Jean de La Fontaine, de la ville.', { candidateName: 'Jean de La Fontaine' }).text).toBe('Le site de [CANDIDAT], de la ville.');
    expect(redact('Li et Lia', { candidateName: 'Li Wei' }).text).toBe('Li et Lia');
  });

  test('extra names (group projects) are hidden too', () => {
    expect(redact('Camille et Léo Martin', { candidateName: name, extraNames: ['Léo Martin'] }).text).toBe('[CANDIDAT_NOM_1] et [CANDIDAT]');
  });

  test.each([
    ['06 12 34 56 78'],
    ['06.12.34.56.78'],
    ['06-12-34-56-78'],
    ['0612345678'],
    ['+33 6 12 34 56 78'],
    ['+33 (0)6 12 34 56 78'],
    ['0033 6 12 34 56 78'],
    ['04 72 00 00 00'],
    ['+44 20 7946 0958'],
    ['+1 (555) 123-4567'],
    ['+49 30 1234567'],
  ])('phone number %s', (phone) => {
    expect(redact(`Tél. ${phone}.`, { candidateName: '' }).text).toBe('Tél. [TEL_1].');
  });

  test.each([['Prix : 24,00 €'], ['SIRET 812 345 678 00019'], ['69001 Lyon'], ['12 septembre 2024'], ['Commande n° 123456789']])('not a phone: %s', (text) => {
    expect(redact(text, { candidateName: '' }).text).toBe(text);
  });

  test('an e-mail containing the name is one e-mail', () => {
    expect(redact('Écrire à contact@camille-roche.fr', { candidateName: name }).text).toBe('Écrire à [EMAIL_1]');
  });

  test('a shared redactor keeps placeholders stable across texts', () => {
    const r = createRedactor({ enabled: true, candidateName: name });
    expect(r.redact('a@b.fr et Camille Roche')).toBe('[EMAIL_1] et [CANDIDAT]');
    expect(r.redact('c@d.fr, a@b.fr, Camille Roche')).toBe('[EMAIL_2], [EMAIL_1], [CANDIDAT]');
    expect([...r.redactions.keys()]).toEqual(['[EMAIL_1]', '[CANDIDAT]', '[EMAIL_2]']);
    const off = createRedactor({ enabled: false, candidateName: name });
    expect(off.redact('Camille Roche')).toBe('Camille Roche');
    expect(off.redactions.size).toBe(0);
  });
});

test('restore tolerates the model’s casing and leaves unknown placeholders', () => {
  const redactions = new Map([['[CANDIDAT]', 'Camille Roche']]);
  expect(restore('[candidat] et [Candidat] puis [EMAIL_9]', redactions)).toBe('Camille Roche et Camille Roche puis [EMAIL_9]');
});
