// The consent banner as the rules read it: shown now (no choice made yet), and its first level —
// the buttons visible without opening anything.
import type { PrivacyFacts } from '../page/facts';

type Banner = PrivacyFacts['banner'];
type Button = Banner['buttons'][number];

/** The banner is on screen: the visitor has not chosen yet (or the page asks again). */
export function bannerShown(banner: Banner): boolean {
  return banner.found && banner.visible;
}

/** Buttons at the first level: visible ones when the banner is shown; all of them when it is hidden (sizes unknown). */
export function firstLevel(banner: Banner): Button[] {
  return banner.visible ? banner.buttons.filter((b) => b.area > 0) : banner.buttons;
}

export function labels(buttons: readonly Button[]): string {
  return buttons.map((b) => `« ${b.label || '(sans libellé)'} »`).join(', ');
}

/** The banner as an element a finding points at. */
export function bannerRef(banner: Banner): { selector: string; snippet: string }[] {
  if (!banner.found || !banner.selector) return [];
  return [{ selector: banner.selector, snippet: banner.text.slice(0, 200) }];
}
