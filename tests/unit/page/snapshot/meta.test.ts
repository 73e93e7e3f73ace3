import { describe, expect, it } from 'vitest';
import { parseJsonLd } from '@/lib/page/snapshot/json-ld';
import { LIMITS } from '@/lib/page/facts';
import { snapshot } from './helpers';

describe('title, lang and meta', () => {
  it('reads what the head declares, addresses made absolute', () => {
    const s = snapshot(`<!DOCTYPE html><html lang="fr-FR"><head>
      <meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">
      <title>  Bougies   artisanales </title>
      <meta name="Description" content="Des bougies coulées à la main.">
      <meta name="robots" content="noindex, nofollow">
      <meta name="viewport" content="width=device-width">
      <link rel="canonical" href="/blog/article/">
      <meta property="og:title" content="Titre OG"><meta property="og:title" content="Second, ignoré">
      <meta property="og:image" content="https://cdn.example/a.jpg"><meta property="article:author" content="Camille">
      <link rel="alternate" hreflang="en" href="/en/blog/article/"><link rel="alternate" hreflang="x-default" href="https://www.atelier-brume.fr/">
      </head><body><p>Texte.</p></body></html>`);
    expect(s.title).toBe('Bougies artisanales');
    expect(s.lang).toBe('fr-FR');
    expect(s.source).toBe('dom');
    expect(s.meta).toEqual({
      description: 'Des bougies coulées à la main.',
      robots: 'noindex, nofollow',
      canonical: 'https://www.atelier-brume.fr/blog/article/',
      viewport: 'width=device-width',
      charset: 'ISO-8859-1',
      openGraph: { 'og:title': 'Titre OG', 'og:image': 'https://cdn.example/a.jpg' },
      hreflang: [
        { lang: 'en', href: 'https://www.atelier-brume.fr/en/blog/article/' },
        { lang: 'x-default', href: 'https://www.atelier-brume.fr/' },
      ],
    });
  });

  it('absent tags are null, lang is empty', () => {
    const s = snapshot('<html><head><title></title></head><body></body></html>');
    expect(s.lang).toBe('');
    expect(s.title).toBe('');
    expect(s.meta).toMatchObject({ description: null, robots: null, canonical: null, viewport: null, charset: null, openGraph: {}, hreflang: [] });
  });

  it('meta charset', () => {
    expect(snapshot('<meta charset="utf-8"><p>x</p>').meta.charset).toBe('utf-8');
  });
});

describe('JSON-LD', () => {
  it('types of top-level entities, arrays and @graph members; malformed blocks counted and kept', () => {
    const s = snapshot(`<head>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Bougie","offers":{"@type":"Offer"}}</script>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["Organization","LocalBusiness"]}]</script>
      <script type="application/ld+json; charset=utf-8">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"WebPage"},{"@type":"Product"}]}</script>
      <script type="application/ld+json">{"@type": "Article", oops}</script>
      <script type="application/json">{"@type":"NotLd"}</script>
      </head><body></body>`);
    expect(s.jsonLd.types).toEqual(['Product', 'BreadcrumbList', 'Organization', 'LocalBusiness', 'WebSite', 'WebPage']);
    expect(s.jsonLd.invalid).toBe(1);
    expect(s.jsonLd.blocks).toHaveLength(4);
    expect(s.jsonLd.blocks[3]).toBe('{"@type": "Article", oops}');
  });

  it('bounded: blocks cut, at most LIMITS.jsonLd blocks', () => {
    const big = JSON.stringify({ '@type': 'Thing', text: 'x'.repeat(30_000) });
    const result = parseJsonLd(Array.from({ length: 25 }, () => big));
    expect(result.blocks).toHaveLength(LIMITS.jsonLd);
    expect(result.blocks[0]!.length).toBe(LIMITS.jsonLdChars);
    expect(result.types).toEqual(['Thing']);
  });
});
