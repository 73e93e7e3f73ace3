// Selectors a finding or a hidden text points at: each names its element and only it.
import { describe, expect, it } from 'vitest';
import { cssPath } from '@/lib/page/selector';

const parsed = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('cssPath', () => {
  it('an id when unique, else tag:nth-of-type steps, a bare tag when no sibling shares it', () => {
    const doc = parsed('<main id="m"><section><h2>a</h2><p>b</p><p id="dup">c</p></section><section><p id="dup">d</p><span>e</span></section></main>');
    const [first, second] = Array.from(doc.querySelectorAll('#dup'));
    expect(cssPath(doc.querySelector('h2')!)).toBe('#m > section:nth-of-type(1) > h2');
    expect(cssPath(doc.querySelector('p')!)).toBe('#m > section:nth-of-type(1) > p:nth-of-type(1)');
    expect(cssPath(first!)).toBe('#m > section:nth-of-type(1) > p:nth-of-type(2)');
    expect(cssPath(second!)).toBe('#m > section:nth-of-type(2) > p');
    expect(cssPath(doc.querySelector('span')!)).toBe('#m > section:nth-of-type(2) > span');
  });

  it('in a flat document of hundreds of paragraphs (a Docs export), each path finds its element', () => {
    const doc = parsed(`<body>${Array.from({ length: 400 }, (_, i) => (i % 50 === 0 ? `<h2>t${i}</h2>` : `<p><span>p${i}</span></p>`)).join('')}</body>`);
    const elements = [...Array.from(doc.querySelectorAll('h2')), ...Array.from(doc.querySelectorAll('span')).filter((_, i) => i % 37 === 0)];
    for (const el of elements) expect(doc.querySelector(cssPath(el)), cssPath(el)).toBe(el);
    expect(cssPath(doc.querySelectorAll('span')[380]!)).toMatch(/^body > p:nth-of-type\(\d+\) > span$/);
  });
});
