// What sticks out on the right of a narrow panel: the page wider than the window, or any box or
// line of text beyond the window's right edge or clipped by an overflow:hidden ancestor. Content
// inside a container that scrolls horizontally on purpose (a wide table) counts only through
// that container. Used by the narrow-panel and reconciliation e2e tests.
import type { Page } from 'playwright-core';

export interface Overflow {
  /** documentElement.scrollWidth, clientWidth (the window less a vertical scrollbar) and innerWidth. */
  scrollWidth: number;
  clientWidth: number;
  innerWidth: number;
  /** Each offender: « button.evaluation-open "Léa…" right 512 > 320 (window) ». */
  offenders: string[];
}

/** Opens every <details> (so that their content is measured too) when asked, then measures. */
export async function measureOverflow(page: Page, options: { openDetails?: boolean } = {}): Promise<Overflow> {
  if (options.openDetails) {
    await page.evaluate(() => document.querySelectorAll('details:not([open])').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    // Let React render what opening revealed (lazy sections) before measuring.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  return page.evaluate(() => {
    // The right edge content may reach: the window less its vertical scrollbar, if any.
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    const TOLERANCE = 0.5;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
    };
    /** Hidden on purpose: not rendered, invisible, or clipped away (visually-hidden labels). */
    const hidden = (style: CSSStyleDeclaration) => style.display === 'none' || style.visibility === 'hidden' || (style.clip !== 'auto' && style.clip !== '') || style.clipPath !== 'none';

    function walk(el: Element, clipRight: number, clipBy: string) {
      const style = getComputedStyle(el);
      if (hidden(style)) return;
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 && rect.right > clipRight + TOLERANCE) offenders.push(`${describe(el)} right ${Math.round(rect.right)} > ${Math.round(clipRight)} (${clipBy})`);
      // A container scrolling sideways on purpose: its content is reachable, not clipped.
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el !== document.documentElement && el !== document.body) return;
      let right = clipRight;
      let by = clipBy;
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && rect.right < right) {
        right = rect.right;
        by = `clipped by ${describe(el).slice(0, 40)}`;
      }
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
          const range = document.createRange();
          range.selectNodeContents(child);
          for (const r of range.getClientRects()) {
            if (r.width > 0 && r.right > right + TOLERANCE) {
              offenders.push(`text "${child.textContent.trim().slice(0, 50)}" in ${describe(el).slice(0, 40)} right ${Math.round(r.right)} > ${Math.round(right)} (${by})`);
              break;
            }
          }
        } else if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, right, by);
      }
    }
    walk(document.body, width, 'window');
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, innerWidth: window.innerWidth, offenders: [...new Set(offenders)] };
  });
}
