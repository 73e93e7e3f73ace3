// The snapshot of what a page says, read in the page (analyzer script, isolated world): one
// pass computes what a sighted user can see (visibility.ts), then each collector reads its part.
// Bounded by LIMITS; the panel validates it with the PageSnapshot schema on arrival. Selectors
// share one cache for the whole read (lib/page/selector.ts), so no collector grows faster than the page.
import { LIMITS, type PageSnapshot } from '../facts';
import { cut, cutUrl } from './text';
import { collectCounts } from './counts';
import { collectForms } from './forms';
import { collectHeadings } from './headings';
import { selectHiddenTexts } from './hidden-texts';
import { collectImages, imageElements } from './images';
import { collectJsonLd } from './json-ld';
import { collectLinks, linkElements } from './links';
import { collectMainText } from './main-text';
import { collectMeta, pageLang, pageTitle } from './meta';
import { collectSocial, detectSocialNetwork } from './social';
import { computeVisibility } from './visibility';
import { withSelectorCache } from '../selector';

export interface SnapshotOptions {
  /** The page's address; defaults to the document's (tests pass a social network's). */
  url?: string;
}

export function collectSnapshot(doc: Document, options: SnapshotOptions = {}): PageSnapshot {
  return withSelectorCache(() => readSnapshot(doc, options));
}

function readSnapshot(doc: Document, options: SnapshotOptions): PageSnapshot {
  const url = options.url ?? doc.location?.href ?? doc.URL;
  const visibility = computeVisibility(doc);
  const main = collectMainText(doc, visibility);
  const links = linkElements(doc);
  const images = imageElements(doc);
  const network = detectSocialNetwork(url);
  return {
    url: cutUrl(url, LIMITS.url),
    title: pageTitle(doc),
    lang: pageLang(doc),
    source: network ? 'social-profile' : 'dom',
    meta: collectMeta(doc, doc.baseURI || url),
    headings: collectHeadings(doc, visibility),
    mainText: cut(main.text, LIMITS.mainText),
    mainTextTruncated: main.text.length > LIMITS.mainText,
    hiddenTexts: selectHiddenTexts(visibility.groups),
    jsonLd: collectJsonLd(doc),
    links: collectLinks(doc, url, visibility, links),
    images: collectImages(doc, visibility, images),
    forms: collectForms(doc, visibility),
    social: network ? collectSocial(doc, network, visibility) : null,
    counts: collectCounts(doc, { links: links.length, images: images.length, words: main.words }),
  };
}
