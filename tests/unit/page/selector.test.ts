// Selectors of the elements a finding points at: the same whether built one by one or through the
// snapshot's shared cache, each picking its element, and the cache never outliving the read.
import { describe, expect, it } from 'vitest';
import { cssPath, withSelectorCache } from '@/lib/page/selector';
import { fieldLabel } from '@/lib/page/snapshot/forms';
import { page } from './snapshot/helpers';

const html = `<!doctype html><html><body>
  <header id="haut"><a href="/">Accueil</a><nav><a href="/a">A</a><span>·</span><a href="/b">B</a></nav></header>
  <main>
    <section><h2>Un</h2><p>a</p><p>b</p><div><p>c</p></div><p>d</p></section>
    <section><h2 id="deux">Deux</h2><img alt="x"><p>seul</p></section>
    <div id="double"><p>premier</p></div><div id="double"><p>second</p></div>
    <div><div><div><div><div><div><div><div><div><div><span>profond</span></div></div></div></div></div></div></div></div></div></div>
  </main>
  <footer><p>pied</p><p id="mentions">mentions</p></footer>
</body></html>`;

describe('cssPath', () => {
  it('through the shared cache, every element gets the selector it gets alone', () => {
    const doc = page(html);
    const all = Array.from(doc.querySelectorAll('body *'));
    const alone = all.map(cssPath);
    const cached = withSelectorCache(() => all.map(cssPath));
    expect(cached).toEqual(alone);
    expect(alone).toContain('#haut > nav > a:nth-of-type(2)');
    expect(alone).toContain('body > main > section:nth-of-type(1) > p:nth-of-type(3)');
    expect(alone).toContain('#deux');
    // A repeated id is not an anchor: the path goes through the body instead.
    expect(alone).toContain('body > main > div:nth-of-type(2) > p');
  });

  it('each selector short of the depth cap picks its element', () => {
    const doc = page(html);
    withSelectorCache(() => {
      for (const el of Array.from(doc.querySelectorAll('body *'))) {
        const selector = cssPath(el);
        if (selector.startsWith('#') || selector.startsWith('body')) expect(doc.querySelector(selector)).toBe(el);
      }
    });
  });

  it('the cache lasts one read: a page changed afterwards gets fresh selectors', () => {
    const doc = page(html);
    const img = doc.querySelector('img')!;
    const h2 = doc.getElementById('deux')!;
    expect(withSelectorCache(() => [cssPath(img), cssPath(h2)])).toEqual(['body > main > section:nth-of-type(2) > img', '#deux']);
    img.before(doc.createElement('img'));
    h2.id = 'haut';
    expect(withSelectorCache(() => [cssPath(img), cssPath(h2)])).toEqual([
      'body > main > section:nth-of-type(2) > img:nth-of-type(2)',
      'body > main > section:nth-of-type(2) > h2',
    ]);
  });
});

describe('fieldLabel', () => {
  it('every label[for] naming the field, in document order, and no other', () => {
    const doc = page(`<body><label for="mail">Adresse</label><label for="autre">Autre</label>
      <input id="mail"><label for="mail">e-mail</label><input id="seul"><label>Enveloppe <input id="dedans"></label></body>`);
    const field = (id: string) => doc.getElementById(id) as HTMLInputElement;
    expect(fieldLabel(field('mail'))).toBe('Adresse e-mail');
    expect(fieldLabel(field('seul'))).toBe('');
    expect(fieldLabel(field('dedans'))).toBe('Enveloppe');
  });
});

// Paths built one by one (outside a snapshot's cache).
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
