// The automated pass grouped by RGAA criterion: non conforme, à vérifier, conforme sur ce qui a été testé, inapplicable.
import { describe, expect, it } from 'vitest';
import { axeFindings } from '@/lib/rgaa/axe-findings';
import { axeRule, pageFacts } from './facts';

const facts = pageFacts([
  // 1.1: a fault from one rule, a pass from another → fail, on the failing elements only.
  axeRule('image-alt', 'violation', ['1.1.1'], [{ selector: 'li.a img' }, { selector: 'li.b img' }]),
  axeRule('svg-img-alt', 'pass', ['1.1.5']),
  axeRule('role-img-alt', 'incomplete', ['1.1.1'], [{ selector: 'div.logo' }]),
  // 3.2: axe could not conclude → review.
  axeRule('color-contrast', 'incomplete', ['3.2.1'], [{ selector: 'p.note' }]),
  axeRule('color-contrast', 'pass', ['3.2.1']),
  // 8.3: passed → pass, and no more than that.
  axeRule('html-has-lang', 'pass', ['8.3.1']),
  axeRule('html-xml-lang-mismatch', 'inapplicable', ['8.3.1']),
  // 5.7: nothing to test → inapplicable.
  axeRule('td-has-header', 'inapplicable', ['5.7.4']),
  axeRule('th-has-data-cells', 'inapplicable', ['5.7.1']),
]);

const byCriterion = () => new Map(axeFindings(facts).map((f) => [f.rgaa[0]!, f]));

describe('axeFindings', () => {
  it('makes one finding per criterion axe touched, faults first', () => {
    const findings = axeFindings(facts);
    expect(findings.map((f) => [f.ruleId, f.outcome])).toEqual([
      ['rgaa-1.1', 'fail'],
      ['rgaa-3.2', 'review'],
      ['rgaa-8.3', 'pass'],
      ['rgaa-5.7', 'inapplicable'],
    ]);
    for (const f of findings) {
      expect(f.family).toBe('rgaa');
      expect(f.topics).toEqual(['accessibility']);
      expect(f.url).toBe('https://boutique.example/produit/');
      expect(f.pageTitle).toBe('Produit — Boutique');
      expect(f.analyzedAt).toBe(1_700_000_000_000);
      expect(f.detail.fr.length).toBeGreaterThan(20);
      expect(f.detail.en.length).toBeGreaterThan(20);
    }
  });

  it('fail: the criterion’s official title, the failing elements, the count and the rule', () => {
    const f = byCriterion().get('1.1')!;
    expect(f.title.fr).toBe('Critère 1.1 — Chaque image porteuse d’information a-t-elle une alternative textuelle\u00a0?');
    expect(f.source).toEqual({ label: 'RGAA 4.1.2 — critère 1.1', url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#1.1' });
    expect(f.elements.map((e) => e.selector)).toEqual(['li.a img', 'li.b img']);
    expect(f.detail.fr).toMatch(/^Non conforme : 2 défauts/);
    expect(f.detail.fr).toContain('Aide image-alt');
    expect(f.detail.fr).toContain('à vérifier par le juré');
    expect(f.detail.en).toContain('image-alt (2 elements)');
    expect(f.data).toMatchObject({ criterion: '1.1', faults: 2, toCheck: 1 });
  });

  it('review: what axe could not decide is for the juror, with the elements', () => {
    const f = byCriterion().get('3.2')!;
    expect(f.detail.fr).toMatch(/^À vérifier par le juré/);
    expect(f.elements.map((e) => e.selector)).toEqual(['p.note']);
  });

  it('pass: says only the automated tests were run and the criterion still needs the juror', () => {
    const f = byCriterion().get('8.3')!;
    expect(f.detail.fr).toContain('seuls les tests automatisés 8.3.1 ont été exécutés');
    expect(f.detail.fr).toContain('reste à vérifier par le juré');
    expect(f.detail.en).toContain('only the automated tests 8.3.1 were run');
    expect(f.detail.fr).not.toMatch(/est conforme/);
    expect(f.elements).toEqual([]);
  });

  it('inapplicable: no element concerned, the tests named', () => {
    const f = byCriterion().get('5.7')!;
    expect(f.detail.fr).toContain('5.7.1, 5.7.4');
  });

  it('returns nothing when axe did not run', () => {
    expect(axeFindings(pageFacts(null))).toEqual([]);
  });
});
