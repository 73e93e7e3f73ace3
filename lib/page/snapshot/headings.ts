// The headings outline: h1–h6 and role=heading (level from aria-level, 2 when absent), hidden
// ones included and flagged.
import { LIMITS, type Heading } from '../facts';
import { clip, cssPath } from '../selector';
import { contentText, givenName } from './names';
import type { Visibility } from './visibility';

function levelOf(el: Element): number | null {
  const role = el.getAttribute('role')?.trim().toLowerCase();
  const tagLevel = /^h([1-6])$/.exec(el.localName)?.[1];
  if (role === 'heading' || !tagLevel) {
    if (role !== 'heading') return null;
    const aria = Number.parseInt(el.getAttribute('aria-level') ?? '', 10);
    if (Number.isFinite(aria) && aria >= 1) return Math.min(aria, 6);
    return tagLevel ? Number(tagLevel) : 2;
  }
  return Number(tagLevel);
}

export function collectHeadings(doc: Document, visibility: Visibility): Heading[] {
  const out: Heading[] = [];
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading" i]'))) {
    if (out.length >= LIMITS.headings) break;
    const level = levelOf(el);
    if (level === null) continue;
    const text = contentText(el, LIMITS.headingText * 2) || givenName(el) || '';
    // Hidden: the heading itself, or all of its text (an sr-only span inside a visible h2).
    const hidden = visibility.isHidden(el) || (text !== '' && visibility.visibleText(el, 20) === '' && !el.querySelector('img, svg, [role="img" i]'));
    out.push({ level, text: clip(text, LIMITS.headingText), selector: clip(cssPath(el), LIMITS.selector), hidden });
  }
  return out;
}
