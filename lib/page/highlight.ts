// Outlines elements a finding points at, in the page, when the juror asks; removed on request.
// Runs in the page's isolated world. The outline is drawn by an overlay Grille owns, so the
// page's own styles and layout are untouched.
const OVERLAY_ATTR = 'data-grille-highlight';

export function clearHighlight(doc: Document = document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${OVERLAY_ATTR}]`))) el.remove();
}

/** Draws a box over each element matching one of the selectors; returns how many were found. Scrolls the first into view. */
export function highlight(selectors: readonly string[], label: string, doc: Document = document): number {
  clearHighlight(doc);
  let found = 0;
  let first: Element | null = null;
  for (const selector of selectors.slice(0, 50)) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(selector);
    } catch {
      continue; // a selector the page's DOM no longer accepts
    }
    if (!el) continue;
    first ??= el;
    found++;
    const rect = el.getBoundingClientRect();
    const box = doc.createElement('div');
    box.setAttribute(OVERLAY_ATTR, '');
    box.setAttribute('aria-hidden', 'true');
    box.title = label;
    Object.assign(box.style, {
      position: 'absolute',
      left: `${rect.left + window.scrollX - 3}px`,
      top: `${rect.top + window.scrollY - 3}px`,
      width: `${Math.max(rect.width, 4) + 6}px`,
      height: `${Math.max(rect.height, 4) + 6}px`,
      outline: '3px solid #c2185b',
      boxShadow: '0 0 0 6px rgba(194, 24, 91, 0.25)',
      pointerEvents: 'none',
      zIndex: '2147483647',
    });
    doc.body.append(box);
  }
  first?.scrollIntoView({ block: 'center' });
  return found;
}
