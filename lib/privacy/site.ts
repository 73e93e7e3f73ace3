// Whether a request goes to the page's own site or to a third party. « Site » as browsers count
// it for cookies: the registrable domain (eTLD+1) by the Public Suffix List, private section
// included (github.io, netlify.app…: each subdomain is someone else's site), as tldts ships it.
// IP addresses, single-label hosts (localhost) and public suffixes themselves are compared whole —
// so localhost and 127.0.0.1 are two sites.
import { parse } from 'tldts';

const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/** The host of a URL, lower-case, without brackets for IPv6; '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** A host as `URL` writes it (lower case, IDN in punycode), so a typed académie.fr meets a request’s xn--acadmie-eya.fr. */
function asciiHost(host: string): string {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!h || h.includes(':')) return h;
  try {
    return new URL(`http://${h}/`).hostname || h;
  } catch {
    return h;
  }
}

/** The registrable domain of a host (« site »): example.co.uk for www.example.co.uk; the host itself for IPs and localhost. */
export function siteOf(host: string): string {
  const h = asciiHost(host);
  if (!h) return h;
  const parsed = parse(h, PSL_OPTIONS);
  if (parsed.isIp) return h;
  return parsed.domain ?? h;
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
