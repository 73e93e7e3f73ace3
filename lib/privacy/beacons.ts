// « Probable traceur »: a third-party request that looks like a tracking beacon although its host
// is on no list — it carries the page's own address in its query string, or its path names a
// beacon (/collect, /pixel, /track, /beacon, /tr), or it is an image asked for with identifiers.
// A heuristic: every hit comes with the reasons, for the juror to judge.
import { l, type Localized } from '../i18n/localized';
import type { ResourceFact } from '../page/facts';

export interface BeaconHint {
  url: string;
  reasons: Localized[];
}

const BEACON_PATH = /(?:^|\/)(collect|pixel|track|tracking|beacon|tr|hit|event|events)(?:\.(?:gif|png|php|js))?\/?$/i;
const PIXEL_FILE = /(?:^|\/)(?:1x1|pixel|spacer|blank|p)\.(?:gif|png)$/i;
const ID_PARAM = /^(tid|id|uid|cid|pid|sid|vid|uuid|user_?id|client_?id|visitor_?id|ev|event|e|pixel_?id)$/i;

/** The page's address in the forms a tracker sends it: whole (without the fragment), or origin + path. */
function pageForms(pageUrl: string): string[] {
  try {
    const page = new URL(pageUrl);
    page.hash = '';
    const whole = page.href;
    const path = `${page.origin}${page.pathname}`;
    return [...new Set([whole, path, path.replace(/\/$/, '')])].filter((s) => s.length > 12);
  } catch {
    return [];
  }
}

function carriesPageUrl(url: URL, forms: string[]): boolean {
  if (!forms.length) return false;
  for (const value of url.searchParams.values()) {
    if (forms.some((f) => value === f || value.startsWith(f))) return true;
  }
  // Double-encoded or packed in another parameter: look in the raw query too.
  const raw = url.search;
  return forms.some((f) => raw.includes(encodeURIComponent(f)) || raw.includes(encodeURIComponent(encodeURIComponent(f))));
}

/** Why this request looks like a tracker's beacon, or null. Call it on third-party requests only. */
export function beaconHint(resource: Pick<ResourceFact, 'url' | 'initiatorType'>, pageUrl: string): BeaconHint | null {
  let url: URL;
  try {
    url = new URL(resource.url);
  } catch {
    return null;
  }
  const reasons: Localized[] = [];
  if (carriesPageUrl(url, pageForms(pageUrl))) reasons.push(l('transmet l’adresse de la page consultée', 'sends the address of the page being viewed'));
  const path = url.pathname;
  if (BEACON_PATH.test(path) || PIXEL_FILE.test(path)) reasons.push(l(`chemin de collecte (« ${path.slice(0, 60)} »)`, `collection path (“${path.slice(0, 60)}”)`));
  const ids = [...url.searchParams.keys()].filter((k) => ID_PARAM.test(k));
  if (resource.initiatorType === 'img' && ids.length > 0 && [...url.searchParams.keys()].length >= 2)
    reasons.push(l(`image demandée avec des identifiants (${ids.slice(0, 4).join(', ')})`, `image requested with identifiers (${ids.slice(0, 4).join(', ')})`));
  return reasons.length ? { url: resource.url, reasons } : null;
}
