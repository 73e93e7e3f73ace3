// What the page's own timing buffers cannot see, said in the eco findings that rest on them.
import { LIMITS } from '../page/facts';
import { l, type Localized } from '../i18n/localized';
import type { PageWeight } from './ecoindex';

export const LOWER_BOUND = l(
  'Mesure faite dans le navigateur du juré, à la lecture de la page : les requêtes lancées après l’analyse ou depuis des iframes, les ressources servies depuis le cache (0 octet) et la taille des ressources d’autres sites qui ne la communiquent pas (sans en-tête Timing-Allow-Origin) ne sont pas comptées ; c’est une borne basse, plus juste sur une première visite (« recharger sans cookies »).',
  'Measured in the juror’s browser when the page was read: requests made after the analysis or from iframes, resources served from cache (0 bytes) and the size of other sites’ resources that withhold it (no Timing-Allow-Origin header) are not counted; it is a lower bound, closer on a first visit (“reload without cookies”).',
);

/** The same for a count of requests, where sizes do not matter. */
export const REQUESTS_LOWER_BOUND = l(
  'Compté dans le navigateur du juré, à la lecture de la page : les requêtes lancées après l’analyse (défilement, clics) ou depuis des iframes ne sont pas comptées ; c’est un minimum.',
  'Counted in the juror’s browser when the page was read: requests made after the analysis (scrolling, clicks) or from iframes are not counted; it is a minimum.',
);

/** Entries the browser's Resource Timing buffer keeps unless the page enlarges it. */
export const RESOURCE_BUFFER = 250;

/** Sentences joined with spaces, empty ones left out. */
export function sentences(...parts: Localized[]): Localized {
  const join = (texts: string[]) => texts.filter(Boolean).join(' ');
  return l(join(parts.map((p) => p.fr)), join(parts.map((p) => p.en)));
}

/** « minimums » when the resource list is exactly full: the browser's buffer, or Grille's own limit. */
export function capNote(resources: number): Localized {
  if (resources !== RESOURCE_BUFFER && resources < LIMITS.resources) return l('', '');
  return l(
    `${resources} ressources relevées, la limite de ce que garde le navigateur (${RESOURCE_BUFFER} par défaut) ou de ce que relève Grille (${LIMITS.resources}) : le nombre de requêtes et le poids sont des minimums.`,
    `${resources} resources recorded, the limit of what the browser keeps (${RESOURCE_BUFFER} by default) or of what Grille records (${LIMITS.resources}): the request count and the weight are minimums.`,
  );
}

/** Requests without a known size (in strong words when they are most of them), and capNote. */
export function weightNotes(weight: PageWeight, resources: number): Localized {
  const zero =
    weight.unknown || weight.zeroSized === 0
      ? l('', '')
      : weight.mostlyUnknown
        ? l(
            `${weight.zeroSized} requêtes sur ${weight.requests} n’ont pas indiqué leur taille (cache, ou autre site sans en-tête Timing-Allow-Origin) : le poids mesuré est nettement inférieur au poids réel.`,
            `${weight.zeroSized} of ${weight.requests} requests did not report their size (cache, or another site without a Timing-Allow-Origin header): the measured weight is well under the real one.`,
          )
        : l(
            `${weight.zeroSized} requête(s) sur ${weight.requests} sans taille connue (cache ou autre site) : le poids réel est plus élevé.`,
            `${weight.zeroSized} of ${weight.requests} request(s) without a known size (cache or another site): the real weight is higher.`,
          );
  return sentences(zero, capNote(resources));
}
