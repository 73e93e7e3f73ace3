// The cascade of a parsed document's declared styles (no window, no layout), its font sizes and
// colours, and the visibility read from them.
import { describe, expect, it } from 'vitest';
import { parseColour } from '@/lib/page/snapshot/colour';
import { declaredStyles } from '@/lib/page/snapshot/declared-styles';
import { declaredVisibility, fontSizePt } from '@/lib/page/snapshot/declared-visibility';

const parsed = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('declared styles', () => {
  it('follow the cascade: specificity, order, the style attribute, !important; a selector list is split', () => {
    const doc = parsed(
      `<style>@import url(https://fonts.invalid/a.css);.a,.b>span{color:#fff}span{color:#000}.a{font-size:1pt}.a{font-size:3pt}#x{opacity:0}.imp{color:#123456!important}@media print{.a{display:none}}@media screen{.s{visibility:hidden}}.lst>li:before{content:"x";color:#fff}</style>` +
        `<p class="b"><span id="x" class="a imp s" style="color:#abcdef;font-size:2pt">t</span></p><ul class="lst"><li>u</li></ul>`,
    );
    const styles = declaredStyles(doc);
    expect(styles(doc.getElementById('x')!)).toEqual({ color: 'rgb(18, 52, 86)', 'font-size': '2pt', opacity: '0', visibility: 'hidden' });
    // Rules for ::before style generated content, not the element.
    expect(styles(doc.querySelector('li')!)).toEqual({});
  });

  it('font sizes in points, from the parent when relative', () => {
    expect(fontSizePt('1pt', 11)).toBe(1);
    expect(fontSizePt('2px', 11)).toBe(1.5);
    expect(fontSizePt('0.1em', 11)).toBeCloseTo(1.1);
    expect(fontSizePt('10%', 20)).toBe(2);
    expect(fontSizePt('0', 11)).toBe(0);
    expect(fontSizePt('x-small', 11)).toBe(7.5);
    expect(fontSizePt('calc(1pt + 1px)', 11)).toBe(11);
  });

  it('colours as written in a style sheet: hex, short hex, named', () => {
    expect(parseColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('#FEFEFE')).toEqual({ r: 254, g: 254, b: 254, a: 1 });
    expect(parseColour('#00000000')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColour('White')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('currentcolor')).toBeNull();
  });
});

describe('visibility from declared styles', () => {
  it('near-identical colours match (WCAG contrast below 1.2), distinct pale ones do not', () => {
    const doc = parsed(
      '<style>.e{color:#eeeeee}.d{color:#d9d9d9}.y{background-color:#ffff00}.y2{color:#fffc00}</style><p class="e">Gris très pâle</p><p class="d">Gris clair</p><p class="y"><span class="y2">Jaune sur jaune</span></p>',
    );
    const v = declaredVisibility(doc);
    expect(v.groups.map((g) => g.parts.join(' '))).toEqual(['Gris très pâle', 'Jaune sur jaune']);
    expect(v.visibleText(doc.body)).toBe('Gris clair');
  });

  it('visibility: visible inside a hidden block shows again; opacity multiplies down the tree', () => {
    const doc = parsed('<style>.h{visibility:hidden}.v{visibility:visible}.half{opacity:0.1}</style><p class="h">Caché <span class="v">montré</span></p><div class="half"><p class="half">Presque rien</p></div>');
    const v = declaredVisibility(doc);
    expect(v.visibleText(doc.body)).toBe('montré');
    expect(v.groups.map((g) => [...g.reasons])).toEqual([['visibility-hidden'], ['transparent']]);
  });

  it('a paragraph mixing hidden and visible runs is not hidden as a whole', () => {
    const doc = parsed('<style>.w{color:#ffffff}</style><p id="p">Visible <span class="w">caché</span></p>');
    const v = declaredVisibility(doc);
    expect(v.isHidden(doc.getElementById('p')!)).toBe(false);
    expect(v.groups.map((g) => g.owner.localName)).toEqual(['span']);
    expect(v.visibleText(doc.body)).toBe('Visible');
  });
});
