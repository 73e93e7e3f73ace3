// Whether a request goes to the page's own site or to a third party. « Site » as browsers count
// it for cookies: the registrable domain (eTLD+1). Grille keeps no copy of the Public Suffix List:
// the last two labels, or three under the common two-level public suffixes below. IP addresses
// and single-label hosts (localhost) are compared whole — so localhost and 127.0.0.1 are two sites.

/** Two-level public suffixes met on French and European candidates' sites (co.uk, gouv.fr…). */
const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'sch.uk',
  'gouv.fr', 'asso.fr', 'nom.fr', 'tm.fr', 'com.fr', 'presse.fr',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.nz', 'org.nz', 'co.za', 'co.in', 'co.kr', 'co.il',
  'com.br', 'com.mx', 'com.ar', 'com.cn', 'com.tw', 'com.hk', 'com.sg', 'com.tr', 'com.es', 'com.pt', 'com.pl',
  'gc.ca', 'qc.ca', 'ac.be', 'co.at', 'or.at', 'gv.at', 'co.ma', 'gov.ma', 'co.tn',
  // Hosting platforms where each subdomain is someone else's site (they are on the PSL).
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'web.app', 'firebaseapp.com', 'herokuapp.com', 'wixsite.com', 'blogspot.com', 'wordpress.com', 'myshopify.com',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The host of a URL, lower-case, without brackets for IPv6; '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** The registrable domain of a host (« site »): example.co.uk for www.example.co.uk; the host itself for IPs and localhost. */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!h || IPV4.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LEVEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** Same site as the page (first party)? Hosts, not URLs. */
export function sameSite(host: string, pageHost: string): boolean {
  return siteOf(host) === siteOf(pageHost);
}

/** Whether a URL is a third party for the page at `pageUrl` (non-http(s) URLs — data:, blob: — are not). */
export function isThirdParty(url: string, pageUrl: string): boolean {
  if (!/^https?:/i.test(url)) return false;
  const host = hostOf(url);
  const pageHost = hostOf(pageUrl);
  if (!host || !pageHost) return false;
  return !sameSite(host, pageHost);
}
