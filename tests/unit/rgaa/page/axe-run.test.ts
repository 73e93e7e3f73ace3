// axe-core in the page, restricted to its RGAA rules (jsdom: no layout, so no contrast here —
// the Chromium test covers it).
import { afterEach, describe, expect, it } from 'vitest';
import { runAxe } from '@/lib/rgaa/page/axe-run';
import { AxeFacts } from '@/lib/page/facts';

afterEach(() => {
  document.documentElement.removeAttribute('lang');
  document.body.innerHTML = '';
  delete (window as unknown as { axe?: unknown }).axe;
});

function page(html: string, lang = 'fr') {
  if (lang) document.documentElement.lang = lang;
  document.title = 'Page';
  document.body.innerHTML = html;
}

describe('runAxe', () => {
  it('runs only RGAA-tagged rules, in French, and returns valid bounded facts', async () => {
    page('<main><h1>Boutique</h1><img src="a.png"><a href="/panier/"><svg></svg></a></main>');
    const facts = AxeFacts.parse(await runAxe(document));
    expect(facts.version).toBe('4.14.1');
    expect(facts.rules.every((r) => r.rgaaTests.length > 0)).toBe(true);
    const imageAlt = facts.rules.find((r) => r.id === 'image-alt' && r.outcome === 'violation');
    expect(imageAlt).toMatchObject({ rgaaTests: ['1.1.1'], nodeCount: 1 });
    expect(imageAlt!.nodes[0]!.selector).toBe('img');
    expect(imageAlt!.nodes[0]!.snippet).toBe('<img src="a.png">');
    expect(imageAlt!.help).toBe('Les images doivent avoir une alternative textuelle');
    expect(facts.rules.find((r) => r.id === 'link-name')?.outcome).toBe('violation');
    // Best-practice rules outside the RGAA mapping do not run.
    expect(facts.rules.find((r) => r.id === 'heading-order' || r.id === 'image-redundant-alt')).toBeUndefined();
  });

  it('follows RGAA test 11.1.1: a placeholder is not a label', async () => {
    page('<main><form><input type="tel" name="telephone" placeholder="Téléphone"><input name="nom" title="Nom"></form></main>');
    const facts = await runAxe(document);
    const label = facts.rules.find((r) => r.id === 'label' && r.outcome === 'violation');
    expect(label?.nodes.map((n) => n.selector)).toEqual(['input[type="tel"]']);
  });

  it('shares a run asked twice at once, and ignores a page’s own axe global', async () => {
    page('<main><img src="b.png"></main>');
    (window as unknown as { axe: unknown }).axe = { run: () => Promise.reject(new Error('page axe')), version: '0.0.0' };
    const [a, b] = await Promise.all([runAxe(document), runAxe(document)]);
    expect(a).toBe(b);
    expect(a.version).toBe('4.14.1');
    // Another document while one runs: queued, not « Axe is already running ».
    const other = document.implementation.createHTMLDocument('Autre');
    other.documentElement.lang = 'fr';
    const [c, d] = await Promise.all([runAxe(document), runAxe(other)]);
    expect(c.rules.some((r) => r.id === 'image-alt' && r.outcome === 'violation')).toBe(true);
    expect(d.rules.some((r) => r.id === 'image-alt' && r.outcome === 'violation')).toBe(false);
  });
});
