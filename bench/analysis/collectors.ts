// In the benchmark's page: each part of Grille's page analysis timed on its own, in the order and
// with the shared selector cache of collectSnapshot (lib/page/snapshot/collect.ts), to tell which
// collector, if any, grows faster than the page. Bundled by bench/analysis.mjs and evaluated in
// the page; `window.grilleCollectors.time()` returns milliseconds per part.
import { withSelectorCache } from '../../lib/page/selector';
import { collectCounts } from '../../lib/page/snapshot/counts';
import { collectForms } from '../../lib/page/snapshot/forms';
import { collectHeadings } from '../../lib/page/snapshot/headings';
import { selectHiddenTexts } from '../../lib/page/snapshot/hidden-texts';
import { collectImages, imageElements } from '../../lib/page/snapshot/images';
import { collectJsonLd } from '../../lib/page/snapshot/json-ld';
import { collectLinks, linkElements } from '../../lib/page/snapshot/links';
import { collectMainText } from '../../lib/page/snapshot/main-text';
import { collectMeta } from '../../lib/page/snapshot/meta';
import { computeVisibility } from '../../lib/page/snapshot/visibility';
import { collectPrivacy } from '../../lib/privacy/page/collect';

async function time(): Promise<Record<string, number>> {
  const doc = document;
  const url = doc.location.href;
  const ms: Record<string, number> = {};
  const lap = <T>(name: string, part: () => T): T => {
    const t0 = performance.now();
    const out = part();
    ms[name] = (ms[name] ?? 0) + performance.now() - t0;
    return out;
  };
  withSelectorCache(() => {
    const visibility = lap('visibilité', () => computeVisibility(doc));
    const main = lap('texte principal', () => collectMainText(doc, visibility));
    const links = lap('liens', () => linkElements(doc));
    const images = lap('images', () => imageElements(doc));
    lap('méta', () => collectMeta(doc, doc.baseURI || url));
    lap('titres', () => collectHeadings(doc, visibility));
    lap('textes cachés', () => selectHiddenTexts(visibility.groups));
    lap('JSON-LD', () => collectJsonLd(doc));
    lap('liens', () => collectLinks(doc, url, visibility, links));
    lap('images', () => collectImages(doc, visibility, images));
    lap('formulaires', () => collectForms(doc, visibility));
    lap('comptages', () => collectCounts(doc, { links: links.length, images: images.length, words: main.words }));
  });
  const t0 = performance.now();
  await collectPrivacy(doc);
  ms['RGPD'] = performance.now() - t0;
  return ms;
}

(globalThis as unknown as { grilleCollectors: unknown }).grilleCollectors = { time };
