// HTTP requests made to show the page (the document plus every resource the page's timing buffer
// lists). Above 100, the juror is asked to look — a reference, not a norm: on EcoIndex's scale
// 100 requests already sit past the middle of the web's pages. The hosts most asked are listed.
import { capNote, REQUESTS_LOWER_BOUND, sentences } from '../caveats';
import { enPlural, frPlural } from '../format';
import { pageWeight } from '../ecoindex';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

export const MAX_REQUESTS = 100;
const TOP = 5;

function host(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 50);
  } catch {
    return url.slice(0, 50);
  }
}

/** Hosts by number of requests, most first (the document counts for its own host). */
export function hostCounts(pageUrl: string, resourceUrls: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const url of [pageUrl, ...resourceUrls]) counts.set(host(url), (counts.get(host(url)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export default defineRule({
  id: 'eco-requests',
  family: 'eco',
  topics: ['eco-design', 'web-production'],
  title: l('Nombre de requêtes', 'Number of requests'),
  source: { label: 'EcoIndex (GreenIT / CNUMR) — méthode de calcul', url: 'https://www.ecoindex.fr/comment-ca-marche/' },
  check(facts) {
    const { snapshot, privacy } = facts;
    const weight = pageWeight(facts);
    const hosts = hostCounts(snapshot.url, privacy.resources.map((r) => r.url));
    const pageHost = host(snapshot.url);
    const elsewhere = hosts.filter(([h]) => h !== pageHost).reduce((a, [, n]) => a + n, 0);
    const top = hosts
      .slice(0, TOP)
      .map(([h, n]) => `${h} (${n})`)
      .join(', ');
    const data = { requests: weight.requests, hosts: hosts.length, otherHosts: elsewhere, topHosts: top };
    const n = weight.requests;
    const figures = l(
      `${n} ${frPlural(n, 'requête', 'requêtes')}, document compris, vers ${hosts.length} ${frPlural(hosts.length, 'hôte', 'hôtes')}, dont ${elsewhere} vers d’autres hôtes que celui de la page. Les plus sollicités : ${top}.`,
      `${n} ${enPlural(n, 'request', 'requests')}, the document included, to ${hosts.length} ${enPlural(hosts.length, 'host', 'hosts')}, ${elsewhere} of them to hosts other than the page’s. Most asked: ${top}.`,
    );
    const detail = (fr: string, en: string) => sentences(figures, l(fr, en), capNote(privacy.resources.length), REQUESTS_LOWER_BOUND);
    if (weight.requests > MAX_REQUESTS)
      return { outcome: 'review', detail: detail(`Au-delà de ${MAX_REQUESTS} requêtes (repère retenu par Grille, non une norme).`, `Above ${MAX_REQUESTS} requests (Grille’s reference point, not a norm).`), data };
    return { outcome: 'pass', detail: detail(`Pas plus de ${MAX_REQUESTS} requêtes (repère retenu par Grille).`, `Not above ${MAX_REQUESTS} requests (Grille’s reference point).`), data };
  },
});
