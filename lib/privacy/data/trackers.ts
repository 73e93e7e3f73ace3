// Known tracker hosts, built by Grille from the vendors' own documentation (the host their tag is
// loaded from or sends to, as their install or Content-Security-Policy pages give it). Not copied
// from a licensed block list (Disconnect, EasyPrivacy, DuckDuckGo Tracker Radar). How the list is
// built, and how to add an entry: docs/trackers.md.
//
// `checked`: the source page was read while writing the entry and names the host (true), or the
// source is the vendor's documentation for that product but the host was not seen on it (false —
// to re-check when the list is next reviewed).

export const TRACKER_PURPOSES = ['analytics', 'advertising', 'social', 'session-replay', 'tag-manager', 'a-b-testing'] as const;
export type TrackerPurpose = (typeof TRACKER_PURPOSES)[number];

export interface TrackerEntry {
  /** Host suffix: matches the host itself and its subdomains. */
  host: string;
  /** Optional path prefix (whole segments) when the host also serves non-tracking content. */
  path?: string;
  vendor: string;
  purpose: TrackerPurpose;
  /** The vendor's own documentation of this host or product. */
  source: string;
  checked: boolean;
  /** An audience-measurement tool the CNIL lists as able to run without consent when configured for it. */
  exemptable?: boolean;
}

/** The CNIL's page on audience measurement exempt from consent, and the tools it lists. */
export const CNIL_AUDIENCE_EXEMPTION = 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience';

const GOOGLE_CSP = 'https://developers.google.com/tag-platform/security/guides/csp';

export const TRACKERS: readonly TrackerEntry[] = [
  // Google
  { host: 'google-analytics.com', vendor: 'Google Analytics', purpose: 'analytics', source: GOOGLE_CSP, checked: false },
  { host: 'analytics.google.com', vendor: 'Google Analytics', purpose: 'analytics', source: GOOGLE_CSP, checked: false },
  { host: 'googletagmanager.com', vendor: 'Google Tag Manager / Google tag', purpose: 'tag-manager', source: GOOGLE_CSP, checked: true },
  { host: 'doubleclick.net', vendor: 'Google Ads / Floodlight (DoubleClick)', purpose: 'advertising', source: GOOGLE_CSP, checked: false },
  { host: 'googleadservices.com', vendor: 'Google Ads', purpose: 'advertising', source: GOOGLE_CSP, checked: false },
  { host: 'googlesyndication.com', vendor: 'Google AdSense / Ads', purpose: 'advertising', source: GOOGLE_CSP, checked: false },
  // Meta
  { host: 'connect.facebook.net', vendor: 'Meta Pixel (Facebook)', purpose: 'advertising', source: 'https://developers.facebook.com/docs/meta-pixel/get-started', checked: true },
  { host: 'facebook.com', path: '/tr', vendor: 'Meta Pixel (Facebook)', purpose: 'advertising', source: 'https://developers.facebook.com/docs/meta-pixel/get-started', checked: true },
  // Other ad networks and social ads
  { host: 'analytics.tiktok.com', vendor: 'TikTok Pixel', purpose: 'advertising', source: 'https://ads.tiktok.com/help/article/get-started-pixel', checked: false },
  { host: 'snap.licdn.com', vendor: 'LinkedIn Insight Tag', purpose: 'advertising', source: 'https://www.linkedin.com/help/linkedin/answer/a7155497', checked: false },
  { host: 'px.ads.linkedin.com', vendor: 'LinkedIn Insight Tag', purpose: 'advertising', source: 'https://www.linkedin.com/help/linkedin/answer/a7155497', checked: false },
  { host: 'bat.bing.com', vendor: 'Microsoft Advertising UET', purpose: 'advertising', source: 'https://help.ads.microsoft.com/apex/index/3/en/60122', checked: false },
  { host: 'ct.pinterest.com', vendor: 'Pinterest Tag', purpose: 'advertising', source: 'https://developers.pinterest.com/docs/api-features/pinterest-tag/', checked: false },
  { host: 's.pinimg.com', path: '/ct', vendor: 'Pinterest Tag', purpose: 'advertising', source: 'https://developers.pinterest.com/docs/api-features/pinterest-tag/', checked: false },
  { host: 'static.ads-twitter.com', vendor: 'X (Twitter) Pixel', purpose: 'advertising', source: 'https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites', checked: false },
  { host: 'analytics.twitter.com', vendor: 'X (Twitter) Pixel', purpose: 'advertising', source: 'https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites', checked: false },
  { host: 'sc-static.net', vendor: 'Snap Pixel', purpose: 'advertising', source: 'https://businesshelp.snapchat.com/s/article/pixel-website-install', checked: false },
  { host: 'tr.snapchat.com', vendor: 'Snap Pixel', purpose: 'advertising', source: 'https://businesshelp.snapchat.com/s/article/pixel-website-install', checked: false },
  { host: 'alb.reddit.com', vendor: 'Reddit Pixel', purpose: 'advertising', source: 'https://business.reddithelp.com/s/article/Install-the-Reddit-Pixel-on-your-website', checked: false },
  { host: 'criteo.com', vendor: 'Criteo', purpose: 'advertising', source: 'https://www.criteo.com/privacy/', checked: false },
  { host: 'criteo.net', vendor: 'Criteo', purpose: 'advertising', source: 'https://www.criteo.com/privacy/', checked: false },
  { host: 'taboola.com', vendor: 'Taboola', purpose: 'advertising', source: 'https://www.taboola.com/policies/privacy-policy', checked: false },
  { host: 'outbrain.com', vendor: 'Outbrain', purpose: 'advertising', source: 'https://www.outbrain.com/privacy/', checked: false },
  { host: 'adnxs.com', vendor: 'Xandr (Microsoft)', purpose: 'advertising', source: 'https://learn.microsoft.com/en-us/xandr/', checked: false },
  { host: 'quantserve.com', vendor: 'Quantcast', purpose: 'advertising', source: 'https://www.quantcast.com/privacy/', checked: false },
  { host: 'demdex.net', vendor: 'Adobe Audience Manager', purpose: 'advertising', source: 'https://experienceleague.adobe.com/docs/id-service/using/intro/cookies.html', checked: false },
  // Audience measurement and product analytics
  { host: 'scorecardresearch.com', vendor: 'Comscore', purpose: 'analytics', source: 'https://www.scorecardresearch.com/privacy.aspx', checked: false },
  { host: 'mc.yandex.ru', vendor: 'Yandex Metrica', purpose: 'analytics', source: 'https://yandex.com/support/metrica/general/cookie-usage.html', checked: false },
  { host: 'mc.yandex.com', vendor: 'Yandex Metrica', purpose: 'analytics', source: 'https://yandex.com/support/metrica/general/cookie-usage.html', checked: false },
  { host: 'js.hs-analytics.net', vendor: 'HubSpot', purpose: 'analytics', source: 'https://knowledge.hubspot.com/domains-and-urls/ssl-and-domain-security-in-hubspot', checked: false },
  { host: 'track.hubspot.com', vendor: 'HubSpot', purpose: 'analytics', source: 'https://knowledge.hubspot.com/domains-and-urls/ssl-and-domain-security-in-hubspot', checked: false },
  { host: 'cdn.segment.com', vendor: 'Segment', purpose: 'analytics', source: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/', checked: false },
  { host: 'api.segment.io', vendor: 'Segment', purpose: 'analytics', source: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/', checked: false },
  { host: 'mixpanel.com', vendor: 'Mixpanel', purpose: 'analytics', source: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript', checked: false },
  { host: 'mxpnl.com', vendor: 'Mixpanel', purpose: 'analytics', source: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript', checked: false },
  { host: 'amplitude.com', vendor: 'Amplitude', purpose: 'analytics', source: 'https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2', checked: false },
  { host: 'heapanalytics.com', vendor: 'Heap', purpose: 'analytics', source: 'https://developers.heap.io/docs/web', checked: false },
  { host: 'posthog.com', vendor: 'PostHog', purpose: 'analytics', source: 'https://posthog.com/docs/advanced/content-security-policy', checked: true },
  { host: 'xiti.com', vendor: 'Piano Analytics (AT Internet)', purpose: 'analytics', source: 'https://support.piano.io/hc/en-us/articles/4465935443346-Custom-Domain-Data-Collection-CDDC', checked: true, exemptable: true },
  { host: 'matomo.cloud', vendor: 'Matomo Cloud', purpose: 'analytics', source: 'https://developer.matomo.org/guides/tracking-javascript-guide', checked: false, exemptable: true },
  { host: 'omtrdc.net', vendor: 'Adobe Analytics', purpose: 'analytics', source: 'https://experienceleague.adobe.com/docs/id-service/using/intro/cookies.html', checked: false },
  // Session replay and heatmaps
  { host: 'hotjar.com', vendor: 'Hotjar', purpose: 'session-replay', source: 'https://help.hotjar.com/hc/en-us/articles/115011640307-Content-Security-Policies', checked: false },
  { host: 'hotjar.io', vendor: 'Hotjar', purpose: 'session-replay', source: 'https://help.hotjar.com/hc/en-us/articles/115011640307-Content-Security-Policies', checked: false },
  { host: 'clarity.ms', vendor: 'Microsoft Clarity', purpose: 'session-replay', source: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cmp-integration-guide', checked: false },
  { host: 'fullstory.com', vendor: 'Fullstory', purpose: 'session-replay', source: 'https://help.fullstory.com/hc/en-us/articles/360020622854-Can-I-use-Content-Security-Policy-CSP-with-Fullstory', checked: true },
  { host: 'mouseflow.com', vendor: 'Mouseflow', purpose: 'session-replay', source: 'https://mouseflow.com/legal/company/privacy-policy/', checked: false },
  { host: 'crazyegg.com', vendor: 'Crazy Egg', purpose: 'session-replay', source: 'https://www.crazyegg.com/privacy', checked: false },
  { host: 'contentsquare.net', vendor: 'Contentsquare', purpose: 'session-replay', source: 'https://docs.contentsquare.com/en/web/content-security-policy/', checked: true },
  // A/B testing and personalisation
  { host: 'abtasty.com', vendor: 'AB Tasty', purpose: 'a-b-testing', source: 'https://developers.abtasty.com/docs/tag/tag-troubleshooting-csp', checked: true },
  { host: 'kameleoon.eu', vendor: 'Kameleoon', purpose: 'a-b-testing', source: 'https://developers.kameleoon.com/', checked: false },
  { host: 'kameleoon.io', vendor: 'Kameleoon', purpose: 'a-b-testing', source: 'https://developers.kameleoon.com/', checked: false },
  { host: 'optimizely.com', vendor: 'Optimizely', purpose: 'a-b-testing', source: 'https://docs.developers.optimizely.com/web-experimentation/docs', checked: false },
];

function pathMatches(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** The known tracker a URL goes to, if any (longest host match wins). */
export function findTracker(url: string): TrackerEntry | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  let best: TrackerEntry | null = null;
  for (const entry of TRACKERS) {
    if (host !== entry.host && !host.endsWith(`.${entry.host}`)) continue;
    if (entry.path && !pathMatches(parsed.pathname, entry.path)) continue;
    if (!best || entry.host.length > best.host.length) best = entry;
  }
  return best;
}
