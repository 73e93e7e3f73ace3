// Edge cases of hidden text in a Google Docs export (issue 11, item 4): colour equal to the page,
// to its own highlight, to its paragraph's shading or its cell; 2 pt or less in any unit; hidden,
// transparent or zero-opacity text from classes and style attributes — and readable coloured text
// that must not be flagged. Each case is one paragraph of a document shaped like an export (a
// body of class-styled paragraphs and runs), read by the adapter as the panel reads it.
import { describe, expect, it } from 'vitest';
import { PageSnapshot, type HiddenReason } from '@/lib/page/facts';
import { snapshotFromDocsHtml } from '@/lib/page/adapters/google-docs';

const TAB = 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit';
/** Docs' own rules for every document: paragraphs, runs in 11-pt black Arial; .fr styles the runs around the case. */
const BASE = 'p{margin:0;color:#000000;font-size:11pt;font-family:"Arial"}.c0{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}.p{padding-top:0pt;line-height:1.15;text-align:left}.fr{color:#000000}';

function exportOf(style: string, paragraph: string, page = '.doc{background-color:#ffffff;max-width:451.4pt;padding:72pt 72pt 72pt 72pt}'): PageSnapshot {
  const html =
    `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">${BASE}${page}${style}</style><title>Essai</title></head>` +
    `<body class="doc doc-content"><p class="p"><span class="fr">Début du dossier.</span></p>${paragraph}<p class="p"><span class="fr">Fin du dossier.</span></p></body></html>`;
  return PageSnapshot.parse(snapshotFromDocsHtml(html, TAB));
}

const TEXT = 'Texte à examiner';

// [case, rules, the paragraph holding TEXT, its reasons, optional page rule]
const HIDDEN: [string, string, string, HiddenReason[], string?][] = [
  // The page colour.
  ['white on the white page', '.c1{color:#ffffff}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['white on a page with no colour declared', '.c1{color:#fff}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background'], '.doc{max-width:451.4pt}'],
  ['near-white #fffffe on the white page', '.c1{color:#fffffe}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['the colour of a cream page (Docs « couleur de page »)', '.c1{color:#fdf6e3}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background'], '.doc{background-color:#fdf6e3;max-width:451.4pt}'],
  ['black on a black page', '.c1{color:#000000}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background'], '.doc{background-color:#000000}.fr{color:#ffffff}'],
  // What is painted right behind the run.
  ['the colour of its own highlight', '.c1{background-color:#00ff00;color:#00ff00}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['the colour of its paragraph shading', '.s{background-color:#1155cc}.c1{color:#1155cc}', `<p class="p s"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['the colour of its table cell', '.cell{background-color:#cfe2f3;padding:5pt}.c1{color:#cfe2f3}', `<table><tr><td class="cell"><p class="p"><span class="c1">${TEXT}</span></p></td></tr></table>`, ['same-colour-as-background']],
  ['its highlight as background-color: currentcolor', '.c1{color:#123456;background-color:currentcolor}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['white in an inline style attribute', '', `<p class="p"><span class="c0" style="color:#ffffff">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['white !important over an inline black', '.c1{color:#ffffff!important}', `<p class="p"><span class="c1" style="color:#000000">${TEXT}</span></p>`, ['same-colour-as-background']],
  // 2 pt or less, in any unit.
  ['exactly 2 pt', '.c1{font-size:2pt}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['tiny-font']],
  ['half a point', '.c1{font-size:0.5pt}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['tiny-font']],
  ['2.6 px (1.95 pt)', '.c1{font-size:2.6px}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['tiny-font']],
  ['font-size 0', '.c1{font-size:0}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['tiny-font']],
  ['0.15 em of an 11-pt paragraph (1.65 pt)', '.c1{font-size:0.15em}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['tiny-font']],
  ['10 % of an 11-pt paragraph', '.c1{font-size:10%}', `<p class="p"><span class="c1">${TEXT}</span></p>`, ['tiny-font']],
  ['a 1-pt paragraph whose text is not in a run', '.t{font-size:1pt}', `<p class="p t">${TEXT}</p>`, ['tiny-font']],
  ['1 pt in an inline style attribute', '', `<p class="p"><span class="c0" style="font-size:1pt">${TEXT}</span></p>`, ['tiny-font']],
  ['white and 1 pt together', '.c1{color:#ffffff;font-size:1pt}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['same-colour-as-background', 'tiny-font']],
  // Hidden by a class.
  ['display: none on a run', '.c1{display:none}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['display-none']],
  ['display: none on its paragraph, the run asking to be shown', '.h{display:none}.c1{display:inline}', `<p class="p h"><span class="c0 c1">${TEXT}</span></p>`, ['display-none']],
  ['display: none on a list item', '.h{display:none}', `<ul class="lst-kix_list_1-0 start"><li class="p h"><span class="c0">${TEXT}</span></li></ul>`, ['display-none']],
  ['visibility: hidden on a paragraph', '.h{visibility:hidden}', `<p class="p h"><span class="c0">${TEXT}</span></p>`, ['visibility-hidden']],
  ['visibility: collapse on a run', '.c1{visibility:collapse}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['visibility-hidden']],
  ['the hidden attribute', '', `<p class="p" hidden><span class="c0">${TEXT}</span></p>`, ['display-none']],
  // Transparent.
  ['color: transparent', '.c1{color:transparent}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['transparent']],
  ['an rgba colour of alpha 0', '.c1{color:rgba(0,0,0,0)}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['transparent']],
  ['an 8-digit hex colour of alpha 0', '.c1{color:#00000000}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['transparent']],
  ['an hsla colour of alpha 0', '.c1{color:hsla(0,0%,0%,0)}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['transparent']],
  ['black at 5 % alpha on white', '.c1{color:rgba(0,0,0,0.05)}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['same-colour-as-background']],
  ['opacity 0 on a run', '.c1{opacity:0}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`, ['transparent']],
  ['opacity 0 % on a paragraph', '.h{opacity:0%}', `<p class="p h"><span class="c0">${TEXT}</span></p>`, ['transparent']],
  ['opacity 0.1 inside opacity 0.1 (0.01 in all)', '.h{opacity:0.1}', `<div class="h"><p class="p h"><span class="c0">${TEXT}</span></p></div>`, ['transparent']],
];

// [case, rules, the paragraph holding TEXT, optional page rule]
const VISIBLE: [string, string, string, string?][] = [
  ['#fffffe on a dark highlight', '.c1{background-color:#000000;color:#fffffe}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['white on a blue highlight', '.c1{background-color:#1155cc;color:#ffffff}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['white on a dark paragraph shading, the run transparent behind', '.s{background-color:#274e13}.c1{color:#ffffff;background-color:transparent}', `<p class="p s"><span class="c1">${TEXT}</span></p>`],
  ['white in a dark table cell', '.cell{background-color:#434343}.c1{color:#ffffff}', `<table><tr><td class="cell"><p class="p"><span class="c1">${TEXT}</span></p></td></tr></table>`],
  ['white on a black page', '.c1{color:#ffffff}', `<p class="p"><span class="c1">${TEXT}</span></p>`, '.doc{background-color:#000000}.fr{color:#ffffff}'],
  ['black on a yellow highlight', '.c1{background-color:#ffff00;color:#000000}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['white on a half-opaque black highlight', '.c1{background-color:rgba(0,0,0,0.6);color:#ffffff}', `<p class="p"><span class="c1">${TEXT}</span></p>`],
  ['light grey #cccccc on white', '.c1{color:#cccccc}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['a coloured heading', '.c1{color:#1155cc;font-size:20pt}', `<h1 class="p"><span class="c1">${TEXT}</span></h1>`],
  ['white text outlined by a text shadow', '.c1{color:#ffffff;text-shadow:0 0 2px #000000}', `<p class="p"><span class="c1">${TEXT}</span></p>`],
  ['white over a background image (what is behind is unknown)', '.c1{color:#ffffff}.s{background-image:url(https://lh3.googleusercontent.com/x.png)}', `<p class="p s"><span class="c1">${TEXT}</span></p>`],
  ['2.5 pt', '.c1{font-size:2.5pt}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['3 px (2.25 pt)', '.c1{font-size:3px}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['0.2 em of an 11-pt paragraph (2.2 pt)', '.c1{font-size:0.2em}', `<p class="p"><span class="c1">${TEXT}</span></p>`],
  ['11-pt runs in a paragraph of font-size 0', '.t{font-size:0}', `<p class="p t"><span class="c0">${TEXT}</span></p>`],
  ['half opacity', '.c1{opacity:0.5}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['visible again inside a hidden paragraph', '.h{visibility:hidden}.c1{visibility:visible}', `<p class="p h"><span class="c0 c1">${TEXT}</span></p>`],
  ['white only when printed', '@media print{.c1{color:#ffffff}}', `<p class="p"><span class="c0 c1">${TEXT}</span></p>`],
  ['a link with no colour of its own in a white run (the browser draws it blue)', '.c1{color:#ffffff}', `<p class="p"><span class="c1"><a href="https://www.google.com/url?q=https://example.org/">${TEXT}</a></span></p>`],
  ['black text in a <mark> on a black page (the browser paints it yellow)', '', `<p class="p"><mark>${TEXT}</mark></p>`, '.doc{background-color:#000000}.fr{color:#ffffff}'],
];

describe('hidden text in a Docs export: edge cases', () => {
  it.each(HIDDEN)('%s: listed as hidden, out of the text', (_, style, paragraph, reasons, page) => {
    const s = exportOf(style, paragraph, page);
    expect(s.hiddenTexts.map((h) => [h.text, h.reasons])).toEqual([[TEXT, reasons]]);
    expect(s.mainText).not.toContain(TEXT);
    expect(s.mainText).toContain('Début du dossier.');
  });

  it.each(VISIBLE)('%s: readable, not flagged', (_, style, paragraph, page) => {
    const s = exportOf(style, paragraph, page);
    expect(s.hiddenTexts.filter((h) => h.text.includes(TEXT))).toEqual([]);
    expect(s.mainText).toContain(TEXT);
  });
});
