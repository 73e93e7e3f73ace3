// <link rel="canonical">: which URL search engines should index among duplicates. Not required
// (Google picks one itself) but advised, so absent → review. Pointing at another host can be
// legitimate (a staging copy, a syndicated article) but sends the ranking there: stated for the
// juror. An URL that does not parse, or is not http(s), is a fault.
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

/** A DNS name (IDNs arrive as xn--), an IPv4 or a bracketed IPv6. Chromium's URL parser lets
 *  some invalid hosts through percent-encoded (« atelier%20brume.fr »), so the host is checked too. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])$/i;

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && HOST.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

export default defineRule({
  id: 'seo-canonical',
  family: 'seo',
  topics: ['seo', 'web-production'],
  title: l('URL canonique', 'Canonical URL'),
  source: { label: 'Google Search Central — spécifier une URL canonique', url: 'https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls' },
  check({ snapshot }) {
    const raw = snapshot.meta.canonical;
    if (raw === null)
      return {
        outcome: 'review',
        detail: l(
          'Aucune URL canonique (<link rel="canonical">) : elle n’est pas obligatoire, mais conseillée quand une page est accessible par plusieurs adresses.',
          'No canonical URL (<link rel="canonical">): not required, but advised when a page can be reached at several addresses.',
        ),
        data: { canonical: null, valid: null },
      };
    const href = raw.trim();
    const url = href === '' ? null : parse(href, snapshot.url);
    if (url === null)
      return { outcome: 'fail', detail: l(`URL canonique invalide : « ${href} ».`, `Invalid canonical URL: “${href}”.`), data: { canonical: href, valid: false } };
    const page = parse(snapshot.url, snapshot.url);
    const data = { canonical: url.href, valid: true, sameHost: page !== null && page.host === url.host, samePage: page !== null && page.href.replace(/#.*$/, '') === url.href.replace(/#.*$/, '') };
    if (page !== null && !data.sameHost)
      return {
        outcome: 'review',
        detail: l(
          `L’URL canonique pointe vers un autre hôte (${url.host}) que la page (${page.host}) : ${url.href} — c’est cette adresse que les moteurs indexeront (légitime pour une copie de préproduction ou un article repris).`,
          `The canonical URL points to another host (${url.host}) than the page (${page.host}): ${url.href} — search engines will index that address (legitimate for a staging copy or a syndicated article).`,
        ),
        data,
      };
    if (data.samePage) return { outcome: 'pass', detail: l(`URL canonique : ${url.href} (l’adresse de la page elle-même).`, `Canonical URL: ${url.href} (the page’s own address).`), data };
    return {
      outcome: 'pass',
      detail: l(`URL canonique : ${url.href}, sur le même hôte, autre adresse que la page (${snapshot.url}).`, `Canonical URL: ${url.href}, same host, another address than the page (${snapshot.url}).`),
      data,
    };
  },
});
