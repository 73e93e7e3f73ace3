// Forms carry no visibility flag in the snapshot; a form or a field inside an element the
// snapshot lists as hidden text (a collapsed cookie-preferences panel…) is hidden too.
import type { PageSnapshot } from '../page/facts';

export function isInsideHidden(selector: string, snapshot: PageSnapshot): boolean {
  return snapshot.hiddenTexts.some((h) => selector === h.selector || selector.startsWith(`${h.selector} `));
}
