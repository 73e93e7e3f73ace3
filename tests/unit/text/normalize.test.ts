import { describe, expect, it } from 'vitest';
import { foldForSearch, foldText, foldWithOffsets } from '@/lib/text/normalize';
import { fold } from '@/lib/privacy/wording';
import { normaliseWords } from '@/lib/page/snapshot/personal';
import { foldToken } from '@/lib/ai/quote-text';

describe('foldText, the one accent and case folding', () => {
  it('drops case, accents and any combining mark, spells out œ and æ', () => {
    expect(foldText('Ÿ ÉLÈVE Cœur Æther çà')).toBe('y eleve coeur aether ca');
    // Already decomposed (e + U+0301) folds the same.
    expect(foldText('e\u0301te\u0301')).toBe('ete');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('leaves compatibility forms, ß and apostrophes alone unless asked', () => {
    expect(foldText('ﬁn ² Straße l’été')).toBe('ﬁn ² straße l’ete');
    expect(foldText('ﬁn ² Straße Ｆ', { compatibility: true })).toBe('fin 2 strasse f');
    expect(foldText('l’été d‘un ʼa `b ´c', { apostrophes: true })).toBe("l'ete d'un 'a 'b 'c");
  });

  it('keeps offsets: each folded unit names the original character it came from', () => {
    const text = 'Œuvre de Jérôme 😀 Zoë';
    const { folded, origin } = foldWithOffsets(text);
    expect(folded).toBe('oeuvre de jerome 😀 zoe');
    expect(origin).toHaveLength(folded.length + 1);
    const at = folded.indexOf('jerome');
    expect(text.slice(origin[at], origin[at + 'jerome'.length])).toBe('Jérôme');
    const zoe = folded.indexOf('zoe');
    expect(text.slice(origin[zoe], origin[zoe + 3])).toBe('Zoë');
    expect(origin[0]).toBe(0);
    expect(origin[1]).toBe(0); // « oe » both from « Œ »
  });

  it('is what each caller builds on', () => {
    expect(foldForSearch('  ÉTUDE  d’Œuvre ')).toBe("etude d'oeuvre");
    expect(fold('Vos DONNÉES l’accès')).toBe("vos donnees l'acces");
    expect(normaliseWords('numéroDeTéléphone2')).toBe('numero de telephone 2');
    expect(foldToken('Ｆéﬁ')).toBe('fefi');
  });
});
