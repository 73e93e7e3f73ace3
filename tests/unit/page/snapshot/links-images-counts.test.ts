import { describe, expect, it } from 'vitest';
import { snapshot } from './helpers';

describe('links', () => {
  it('absolute address, internal by hostname, text or given name, rel', () => {
    const s = snapshot(`<body>
      <a href="/boutique/">Boutique</a>
      <a href="https://www.atelier-brume.fr/cgv/#retours">CGV</a>
      <a href="https://atelier-brume.fr/">Sans www</a>
      <a href="https://www.instagram.com/atelier.brume/" rel="noopener me" aria-label="Instagram"><svg aria-hidden="true"></svg></a>
      <a href="/panier/"><img src="/cart.svg" alt="Panier"></a>
      <a href="mailto:bonjour@atelier-brume.fr">Écrire</a>
      <a href="#contenu">Aller au contenu</a>
      <a name="ancre">pas un lien</a>
      <map name="m"><area href="/zone" alt="Zone"></map>
    </body>`);
    expect(s.links.map((l) => [l.href, l.text, l.internal, l.rel])).toEqual([
      ['https://www.atelier-brume.fr/boutique/', 'Boutique', true, ''],
      ['https://www.atelier-brume.fr/cgv/#retours', 'CGV', true, ''],
      ['https://atelier-brume.fr/', 'Sans www', false, ''],
      ['https://www.instagram.com/atelier.brume/', 'Instagram', false, 'noopener me'],
      ['https://www.atelier-brume.fr/panier/', 'Panier', true, ''],
      ['mailto:bonjour@atelier-brume.fr', 'Écrire', false, ''],
      ['https://www.atelier-brume.fr/blog/article/#contenu', 'Aller au contenu', true, ''],
      ['https://www.atelier-brume.fr/zone', 'Zone', true, ''],
    ]);
    expect(s.counts.links).toBe(8);
    expect(s.links.every((l) => l.visible)).toBe(true);
  });

  it('a link inside a hidden block is not visible', () => {
    const s = snapshot('<nav style="display:none"><a href="/a">A</a></nav><a href="/b">B</a>');
    expect(s.links.map((l) => l.visible)).toEqual([false, true]);
  });
});

describe('images', () => {
  it('alt null when absent, empty when decorative; role=img, svg titles, input type=image', () => {
    const s = snapshot(`<body>
      <img src="/a.jpg" alt="Bougie Figue" width="300" height="200">
      <img src="/deco.svg" alt="">
      <img src="/sans-alt.jpg">
      <img src="/b.jpg" alt="" aria-label="Nom ARIA">
      <svg role="img" width="24" height="24"><title>Panier</title></svg>
      <div role="img" aria-labelledby="cap"></div><p id="cap">Légende</p>
      <input type="image" src="/ok.png" alt="Valider">
      <span role="img" title="Étoiles">★★★</span>
      <svg width="10" height="10"><path d=""/></svg>
    </body>`);
    expect(s.images.map((i) => [i.src, i.alt, i.ariaName, i.role])).toEqual([
      ['https://www.atelier-brume.fr/a.jpg', 'Bougie Figue', null, null],
      ['https://www.atelier-brume.fr/deco.svg', '', null, null],
      ['https://www.atelier-brume.fr/sans-alt.jpg', null, null, null],
      ['https://www.atelier-brume.fr/b.jpg', '', 'Nom ARIA', null],
      ['', null, 'Panier', 'img'],
      ['', null, 'Légende', 'img'],
      ['https://www.atelier-brume.fr/ok.png', 'Valider', null, null],
      ['', null, 'Étoiles', 'img'],
    ]);
    expect(s.images[0]).toMatchObject({ width: 300, height: 200, visible: true });
    expect(s.counts.images).toBe(8);
  });
});

describe('counts', () => {
  it('elements, EcoIndex elements without the inside of svg, scripts that run, words, h1', () => {
    const s = snapshot(`<!DOCTYPE html><html><head><title>t</title>
      <script>var a = 1;</script><script type="module">export {}</script><script src="/x.js"></script>
      <script type="application/ld+json">{"@type":"Thing"}</script><script type="text/template"><p></p></script>
      </head><body><h1>Un titre</h1><h1>Deux titres</h1>
      <p>Une bougie coulée à la main, c’est quarante heures de douceur.</p>
      <svg><g><path d=""/><circle r="1"/></g></svg><svg><rect/></svg>
      <iframe src="about:blank"></iframe><form></form></body></html>`);
    // html head title, 5 scripts, body h1 h1 p, svg g path circle, svg rect, iframe form.
    const elements = 3 + 5 + 4 + 4 + 2 + 2;
    expect(s.counts).toEqual({
      elements,
      ecoIndexElements: elements - 4,
      links: 0,
      images: 0,
      forms: 1,
      iframes: 1,
      scripts: 3,
      words: s.counts.words,
      h1: 2,
    });
    // « Un titre Deux titres » + 10 words (c’est and quarante… counted once each).
    expect(s.counts.words).toBe(4 + 11);
  });
});
