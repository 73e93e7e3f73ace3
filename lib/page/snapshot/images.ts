// Images and their text alternatives: <img>, <input type=image>, and anything with role=img
// (svg included). alt is null when the attribute is absent, '' when marked decorative.
import { LIMITS, type ImageFact } from '../facts';
import { clip, cssPath } from '../selector';
import { givenName } from './names';
import { cutUrl } from './text';
import { elementVisible } from './links';
import type { Visibility } from './visibility';

export function imageElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('img, input[type="image" i], [role="img" i]'));
}

function source(el: Element): string {
  if (el.localName === 'img') {
    const img = el as HTMLImageElement;
    return img.currentSrc || img.src || '';
  }
  if (el.localName === 'input') return (el as HTMLInputElement).src || '';
  return '';
}

function svgTitle(el: Element): string | null {
  if (el.localName !== 'svg') return null;
  const title = Array.from(el.children).find((c) => c.localName === 'title');
  const text = title?.textContent?.trim();
  return text ? text : null;
}

function size(el: Element, visibility: Visibility): { width: number; height: number } {
  const rect = visibility.rect(el);
  if (rect) return { width: Math.round(rect.width), height: Math.round(rect.height) };
  // No layout (jsdom, a parsed export): the width/height attributes, else inline style pixels.
  const inline = el.getAttribute('style') ?? '';
  const attr = (name: string) => {
    let n = Number.parseFloat(el.getAttribute(name) ?? '');
    if (!Number.isFinite(n)) n = Number.parseFloat(new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([\\d.]+)px`, 'i').exec(inline)?.[1] ?? '');
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };
  return { width: attr('width'), height: attr('height') };
}

export function collectImages(doc: Document, visibility: Visibility, elements = imageElements(doc)): ImageFact[] {
  return elements.slice(0, LIMITS.images).map((el) => {
    const alt = el.localName === 'img' || el.localName === 'input' ? el.getAttribute('alt') : null;
    const name = givenName(el) ?? svgTitle(el);
    return {
      src: cutUrl(source(el), LIMITS.url),
      alt: alt === null ? null : clip(alt, LIMITS.text),
      ariaName: name === null ? null : clip(name, LIMITS.text),
      role: el.getAttribute('role') === null ? null : clip(el.getAttribute('role') ?? '', 50),
      ...size(el, visibility),
      visible: elementVisible(el, visibility),
      selector: clip(cssPath(el), LIMITS.selector),
    };
  });
}
