import { describe, expect, it } from 'vitest';
import { buttonKind } from '@/lib/privacy/page/button-kind';

describe('buttonKind', () => {
  it.each([
    ['Accepter', 'accept'],
    ['Tout accepter', 'accept'],
    ['J’accepte', 'accept'],
    ["J'accepte", 'accept'],
    ['OK', 'accept'],
    ['Accept all', 'accept'],
    ['Accepter et fermer', 'accept'],
    ['Refuser', 'refuse'],
    ['Tout refuser', 'refuse'],
    ['Continuer sans accepter', 'refuse'],
    ['Continuer sans accepter →', 'refuse'],
    ['Reject all', 'refuse'],
    ['Decline', 'refuse'],
    ['Accepter uniquement les cookies nécessaires', 'refuse'],
    ['Only necessary', 'refuse'],
    ['Personnaliser', 'settings'],
    ['Paramétrer les cookies', 'settings'],
    ['Préférences', 'settings'],
    ['Gérer mes choix', 'settings'],
    ['Manage options', 'settings'],
    ['×', 'close'],
    ['Fermer', 'close'],
    ['Enregistrer mes choix', 'other'],
    ['En savoir plus', 'other'],
    ['', 'other'],
  ])('« %s » → %s', (label, kind) => expect(buttonKind(label)).toBe(kind));

  it('reads the accessible name of an icon button', () => {
    expect(buttonKind('', 'Fermer')).toBe('close');
    expect(buttonKind('✕', 'Fermer et refuser')).toBe('refuse');
  });
});
