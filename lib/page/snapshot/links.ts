// Links: absolute address, text (or the name given by aria-label / an image's alt), internal
// when on the page's hostname, rel, and whether a sighted user can see it.
import { LIMITS, type LinkFact } from '../facts';
import { clip, cssPath } from '../selector';
import { contentText, givenName } from './names';
import { cut, cutUrl } from './text';
import type { Visibility } from './visibility';

export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

export function linkElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('a[href], area[href]'));
}

/** Absolute href: the resolved one when the page has a base; the attribute otherwise. */
export function resolvedHref(el: Element): string {
  const attr = el.getAttribute('href') ?? '';
  try {
    return new URL(attr, el.baseURI || undefined).href;
  } catch {
    return attr;
  }
}

export function elementVisible(el: Element, visibility: Visibility): boolean {
  // An image map's areas have no box of their own (display: none): as visible as their map.
  if (el.localName === 'area') {
    const map = el.closest('map');
    return !!map && !visibility.isHidden(map);
  }
  // aria-hidden hides from assistive technologies, not from sight (the visibility reading knows).
  if (visibility.isHidden(el)) return false;
  const rect = visibility.rect(el);
  if (!rect) return true;
  if (rect.width > 0 && rect.height > 0) return true;
  // An inline link whose only content is a floated or positioned child has an empty own box.
  return Array.from(el.children).some((c) => {
    const r = visibility.rect(c);
    return !visibility.isHidden(c) && !!r && r.width > 0 && r.height > 0;
  });
}

export function collectLinks(doc: Document, pageUrl: string, visibility: Visibility, elements = linkElements(doc)): LinkFact[] {
  const host = hostnameOf(pageUrl);
  return elements.slice(0, LIMITS.links).map((el) => {
    const href = resolvedHref(el);
    const linkHost = hostnameOf(href);
    const text = contentText(el, LIMITS.headingText * 2) || (el.localName === 'area' ? (el.getAttribute('alt') ?? '').trim() : '') || givenName(el) || '';
    return {
      href: cutUrl(href, LIMITS.url),
      text: clip(text, LIMITS.headingText),
      internal: linkHost !== null && linkHost === host,
      rel: cut((el.getAttribute('rel') ?? '').trim(), 200),
      visible: elementVisible(el, visibility),
      selector: clip(cssPath(el), LIMITS.selector),
    };
  });
}
