import { describe, expect, it } from 'vitest';
import { contrast, parseColour, WHITE } from '@/lib/page/snapshot/colour';
import { blockText, countWords, cut, tidyLines } from '@/lib/page/snapshot/text';
import { page } from './helpers';

describe('text helpers', () => {
  it('cut keeps surrogate pairs whole', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('ab🕯️cd', 4)).toBe('ab…');
    expect(cut('abc', 3)).toBe('abc');
  });
  it('tidyLines: trimmed lines, one blank line at most', () => {
    expect(tidyLines('  a  b \n\n\n\n c\n\n')).toBe('a b\n\nc');
  });
  it('countWords counts elisions and hyphenated words once', () => {
    expect(countWords("L'atelier c’est vingt-deux bougies, 180 g.")).toBe(6);
  });
  it('blockText puts blocks on their own lines and skips scripts', () => {
    const doc = page('<div><h2>Titre</h2><p>Un <b>mot</b><br>deux</p><script>x()</script><ul><li>a</li><li>b</li></ul></div>');
    expect(blockText(doc.body)).toBe('Titre\n\nUn mot\ndeux\n\na\n\nb');
  });
});

describe('colours', () => {
  it('parses computed colours', () => {
    expect(parseColour('rgb(255, 255, 255)')).toEqual(WHITE);
    expect(parseColour('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColour('rgb(0 0 0 / 50%)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColour('transparent')?.a).toBe(0);
    expect(parseColour('color(srgb 1 1 1)')).toEqual(WHITE);
    expect(parseColour('currentcolor')).toBeNull();
  });
  it('contrast ratios', () => {
    expect(contrast(WHITE, { r: 0, g: 0, b: 0, a: 1 })).toBeCloseTo(21, 0);
    expect(contrast(WHITE, { r: 0xb0, g: 0xb0, b: 0xb0, a: 1 })).toBeCloseTo(2.17, 1);
  });
});
