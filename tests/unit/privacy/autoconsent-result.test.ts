import { describe, expect, it } from 'vitest';
import { autoRefuseNote, readAutoRefuse } from '@/lib/privacy/autoconsent-result';

const raw: { cmp: string | null; popup: boolean; refused: boolean; clicks: number; durationMs: number; timedOut: boolean } = { cmp: 'didomi', popup: true, refused: true, clicks: 1, durationMs: 280, timedOut: false };

describe('readAutoRefuse', () => {
  it('keeps a well-formed answer and tells a named CMP from the heuristic', () => {
    expect(readAutoRefuse(raw)).toEqual({ ...raw, heuristic: false });
    expect(readAutoRefuse({ ...raw, cmp: 'HEURISTIC-REJECT' })).toEqual({ ...raw, cmp: null, heuristic: true });
  });

  it('rejects what the page could have put there instead', () => {
    expect(readAutoRefuse(null)).toBeNull();
    expect(readAutoRefuse({ ...raw, clicks: -1 })).toBeNull();
    expect(readAutoRefuse({ ...raw, cmp: 'x'.repeat(201) })).toBeNull();
    expect(readAutoRefuse({ ...raw, refused: 'yes' })).toBeNull();
  });
});

describe('autoRefuseNote', () => {
  const note = (r: Partial<typeof raw>) => autoRefuseNote(readAutoRefuse({ ...raw, ...r })!);

  it('says who refused and how', () => {
    expect(note({}).fr).toBe('Refus fait par autoconsent (CMP reconnu : didomi, 1 clic).');
    expect(note({ cmp: 'Onetrust', clicks: 3 }).en).toBe('Refusal made by autoconsent (CMP recognised: Onetrust, 3 clicks).');
    expect(note({ cmp: 'HEURISTIC-REJECT' }).fr).toBe('Refus fait par autoconsent (bandeau reconnu par l’heuristique d’autoconsent, 1 clic).');
    expect(note({ cmp: 'Cybotcookiebot', clicks: 0 }).fr).toContain('sans clic, par l’interface du CMP');
  });

  it('sends the juror back to the page when autoconsent could not refuse', () => {
    expect(note({ refused: false }).fr).toBe('autoconsent a trouvé le bandeau (CMP reconnu : didomi) mais n’a pas pu refuser. Refusez vous-même dans la page, puis « Observer après refus ».');
    expect(note({ refused: false, popup: false }).fr).toContain('reconnaît le CMP didomi mais aucun bandeau affiché');
    expect(note({ refused: false, popup: false, cmp: null }).fr).toBe('autoconsent n’a reconnu aucun bandeau ni bouton de refus. Refusez vous-même dans la page, puis « Observer après refus ».');
  });
});
