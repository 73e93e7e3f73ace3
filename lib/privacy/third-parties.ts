// Sorts a page's requests into what the RGPD rules and the guided flow report: known trackers (by
// the list in ./data/trackers), probable trackers (by the beacon heuristic), and other third
// parties (fonts, CDNs, embeds), listed as facts.
import type { ResourceFact } from '../page/facts';
import { findTracker, type TrackerEntry } from './data/trackers';
import { beaconHint, type BeaconHint } from './beacons';
import { hostOf, isThirdParty } from './site';

export interface TrackerRequest {
  url: string;
  host: string;
  startTime: number;
  tracker: TrackerEntry;
}

export interface BeaconRequest extends BeaconHint {
  host: string;
  startTime: number;
}

export interface ThirdParties {
  trackers: TrackerRequest[];
  beacons: BeaconRequest[];
  /** Third-party requests that are neither. */
  others: { url: string; host: string; startTime: number }[];
}

export function classifyRequests(resources: readonly Pick<ResourceFact, 'url' | 'initiatorType' | 'startTime'>[], pageUrl: string): ThirdParties {
  const result: ThirdParties = { trackers: [], beacons: [], others: [] };
  for (const r of resources) {
    if (!isThirdParty(r.url, pageUrl)) continue;
    const host = hostOf(r.url);
    const tracker = findTracker(r.url);
    if (tracker) {
      result.trackers.push({ url: r.url, host, startTime: r.startTime, tracker });
      continue;
    }
    const hint = beaconHint(r, pageUrl);
    if (hint) result.beacons.push({ ...hint, host, startTime: r.startTime });
    else result.others.push({ url: r.url, host, startTime: r.startTime });
  }
  return result;
}

/** Distinct values, in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** « Google Analytics (google-analytics.com) » for each distinct vendor. */
export function trackerNames(trackers: readonly TrackerRequest[]): string[] {
  const byVendor = new Map<string, Set<string>>();
  for (const t of trackers) {
    const hosts = byVendor.get(t.tracker.vendor) ?? new Set<string>();
    hosts.add(t.host);
    byVendor.set(t.tracker.vendor, hosts);
  }
  return [...byVendor].map(([vendor, hosts]) => `${vendor} (${[...hosts].join(', ')})`);
}

/** What a list says, cut: « a, b, c et 4 autres ». */
export function listText(items: readonly string[], max = 8): { fr: string; en: string } {
  if (items.length <= max) return { fr: items.join(', '), en: items.join(', ') };
  const rest = items.length - max;
  return { fr: `${items.slice(0, max).join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}`, en: `${items.slice(0, max).join(', ')} and ${rest} more` };
}
