// The consent banner: present when something needs consent, and refusing as easy as accepting at
// its first level (CNIL 2020: a « Tout refuser » button, or « Continuer sans accepter », next to
// « Tout accepter »; « Personnaliser » is not a refusal). Sizes compare rendered areas only:
// colours and contrast are left to the juror.
import { exemptUse } from '../data/exempt-cookies';
import { bannerRef, firstLevel, labels } from '../banner';
import { describeLink, PRIVACY_POLICY } from '../links';
import { fold, foldUrl } from '../wording';
import { classifyRequests, listText } from '../third-parties';
import type { PrivacyFacts } from '../../page/facts';
import { defineRule, type CheckResult } from '../../checks/types';
import { l, type Localized } from '../../i18n/localized';
import { CNIL_GUIDELINES } from './rgpd-cookies-before-consent';

/** Below this share of the accept button's area, refusing is reported as less prominent. */
export const MIN_REFUSE_RATIO = 0.5;

function policyNote(links: readonly { href: string; text: string }[]): Localized {
  const policy = links.find((k) => PRIVACY_POLICY.test(fold(k.text)) || PRIVACY_POLICY.test(foldUrl(k.href)));
  if (policy) {
    const d = describeLink({ ...policy, selector: null, visible: true });
    return l(` Le bandeau renvoie à une politique : ${d.fr}.`, ` The banner links to a policy: ${d.en}.`);
  }
  if (links.length) return l(` Le bandeau contient ${links.length} lien(s), aucun vers une politique de confidentialité ou de cookies.`, ` The banner has ${links.length} link(s), none to a privacy or cookie policy.`);
  return l(' Le bandeau ne renvoie vers aucune politique (aucun lien).', ' The banner links to no policy (no link).');
}

type Banner = PrivacyFacts['banner'];
type Button = Banner['buttons'][number];
type Elements = NonNullable<CheckResult['elements']>;
type Data = NonNullable<CheckResult['data']>;

/** No banner: nothing needed one, only audience measurement that may be exempt, or cookies and trackers without one. */
function withoutBanner(cookies: readonly string[], requests: ReturnType<typeof classifyRequests>): CheckResult {
  const tracking = requests.trackers.filter((t) => !t.tracker.exemptable).length + requests.beacons.length;
  const data = { bannerFound: false, cookies: cookies.length, trackingRequests: tracking };
  const exemptable = requests.trackers.filter((t) => t.tracker.exemptable).map((t) => t.tracker.vendor);
  if (!cookies.length && !tracking && exemptable.length)
    return {
      outcome: 'review',
      detail: l(
        `Aucun bandeau de consentement trouvé ; seule une mesure d’audience pouvant être exemptée de consentement est appelée (${[...new Set(exemptable)].join(', ')}) : sa configuration reste à vérifier par le juré.`,
        `No consent banner found; only audience measurement that can be exempt from consent is called (${[...new Set(exemptable)].join(', ')}): its configuration is for the juror to check.`,
      ),
      data,
    };
  if (!cookies.length && !tracking)
    return { outcome: 'inapplicable', detail: l('Aucun bandeau de consentement trouvé, et ni cookie (hors usages exemptés) ni traceur observé.', 'No consent banner found, and neither cookies (exempt uses aside) nor trackers observed.'), data };
  const what = listText([...cookies.map((c) => `cookie ${c}`), ...new Set([...requests.trackers.filter((t) => !t.tracker.exemptable), ...requests.beacons].map((r) => r.host))]);
  return {
    outcome: 'fail',
    detail: l(
      `Aucun bandeau de consentement trouvé, alors que des cookies ou des traceurs sont présents : ${what.fr}. (Si un choix a déjà été fait sur ce site, le bandeau peut ne plus s’afficher : le parcours guidé recharge la page sans cookies.)`,
      `No consent banner found, while cookies or trackers are present: ${what.en}. (If a choice was already made on this site, the banner may no longer show: the guided flow reloads the page without cookies.)`,
    ),
    data,
  };
}

/** A banner: which first-level buttons it has, whether it is shown, then the sizes of accepting and refusing. */
function withBanner(banner: Banner): CheckResult {
  const buttons = firstLevel(banner);
  const accept = buttons.filter((b) => b.kind === 'accept');
  const refuse = buttons.filter((b) => b.kind === 'refuse');
  const close = buttons.filter((b) => b.kind === 'close');
  const policy = policyNote(banner.links);
  const shownButtons = labels(buttons) || '—';
  const elements = [...bannerRef(banner), ...[...accept, ...refuse].map((b) => ({ selector: b.selector, snippet: b.label }))];
  const data = { bannerFound: true, bannerVisible: banner.visible, accept: accept.length, refuse: refuse.length, close: close.length };
  const hiddenNote = banner.visible ? l('', '') : l(' Bandeau présent mais masqué (un choix a peut-être déjà été fait).', ' Banner present but hidden (a choice may already have been made).');

  if (!accept.length && !refuse.length)
    return {
      outcome: 'review',
      detail: l(
        `Bandeau trouvé, mais aucun bouton « accepter » ni « refuser » reconnu (boutons : ${shownButtons}) : à vérifier par le juré.${hiddenNote.fr}${policy.fr}`,
        `Banner found, but no “accept” or “refuse” button recognised (buttons: ${shownButtons}): for the juror to check.${hiddenNote.en}${policy.en}`,
      ),
      elements,
      data,
    };
  if (!refuse.length) {
    if (close.length)
      return {
        outcome: 'review',
        detail: l(
          `Pas de bouton « Refuser » au premier niveau, seulement un bouton de fermeture (${labels(close)}) à côté de ${labels(accept)} : fermer vaut-il refus, et le bandeau le dit-il ?${policy.fr}`,
          `No “Refuse” button at the first level, only a close button (${labels(close)}) next to ${labels(accept)}: does closing mean refusing, and does the banner say so?${policy.en}`,
        ),
        elements,
        data,
      };
    return {
      outcome: 'fail',
      detail: l(
        `Le bandeau permet d’accepter (${labels(accept)}) mais pas de refuser au premier niveau (boutons : ${shownButtons}). « Personnaliser » n’est pas un refus : refuser doit être aussi simple qu’accepter.${hiddenNote.fr}${policy.fr}`,
        `The banner lets the visitor accept (${labels(accept)}) but not refuse at the first level (buttons: ${shownButtons}). “Customise” is not a refusal: refusing must be as easy as accepting.${hiddenNote.en}${policy.en}`,
      ),
      elements,
      data,
    };
  }
  if (!accept.length)
    return {
      outcome: 'review',
      detail: l(`Bandeau avec ${labels(refuse)} mais sans bouton « accepter » reconnu (boutons : ${shownButtons}) : à vérifier.${policy.fr}`, `Banner with ${labels(refuse)} but no “accept” button recognised (buttons: ${shownButtons}): to check.${policy.en}`),
      elements,
      data,
    };
  if (!banner.visible)
    return {
      outcome: 'review',
      detail: l(
        `Le bandeau propose ${labels(accept)} et ${labels(refuse)}, mais il est masqué : leurs tailles ne peuvent pas être comparées. Rechargez sans cookies (parcours guidé) pour le voir tel qu’un nouveau visiteur.${policy.fr}`,
        `The banner offers ${labels(accept)} and ${labels(refuse)}, but it is hidden: their sizes cannot be compared. Reload without cookies (guided flow) to see it as a new visitor does.${policy.en}`,
      ),
      elements,
      data,
    };
  return compareSizes(accept, refuse, policy, elements, data);
}

/** Refusing beside accepting, shown: is its button as large (rendered areas only)? */
function compareSizes(accept: readonly Button[], refuse: readonly Button[], policy: Localized, elements: Elements, data: Data): CheckResult {
  const acceptArea = Math.max(...accept.map((b) => b.area));
  const refuseArea = Math.max(...refuse.map((b) => b.area));
  const ratio = acceptArea > 0 ? refuseArea / acceptArea : 1;
  const pct = Math.round(ratio * 100);
  const sizes = l(`${labels(refuse)} : ${refuseArea} px², ${labels(accept)} : ${acceptArea} px² (${pct} %)`, `${labels(refuse)}: ${refuseArea} px², ${labels(accept)}: ${acceptArea} px² (${pct}%)`);
  if (ratio < MIN_REFUSE_RATIO)
    return {
      outcome: 'review',
      detail: l(
        `Refuser est possible au premier niveau, mais le bouton est nettement plus petit qu’« accepter » — ${sizes.fr}. Est-il aussi visible ?${policy.fr}`,
        `Refusing is possible at the first level, but its button is much smaller than “accept” — ${sizes.en}. Is it as visible?${policy.en}`,
      ),
      elements,
      data: { ...data, refuseToAcceptArea: Math.round(ratio * 100) / 100 },
    };
  return {
    outcome: 'pass',
    detail: l(
      `« Accepter » et « Refuser » au premier niveau, de tailles comparables — ${sizes.fr}. Couleurs et contraste restent à apprécier par le juré.${policy.fr}`,
      `“Accept” and “Refuse” at the first level, of comparable size — ${sizes.en}. Colours and contrast are left to the juror.${policy.en}`,
    ),
    elements,
    data: { ...data, refuseToAcceptArea: Math.round(ratio * 100) / 100 },
  };
}

export default defineRule({
  id: 'rgpd-consent-banner',
  family: 'rgpd',
  topics: ['data-protection'],
  title: l('Bandeau de consentement : refuser aussi simple qu’accepter', 'Consent banner: refusing as easy as accepting'),
  source: CNIL_GUIDELINES,
  check({ snapshot, privacy }) {
    const { banner } = privacy;
    const cookies = privacy.cookies.filter((c) => !exemptUse(c.name)).map((c) => c.name);
    const requests = classifyRequests(privacy.resources, snapshot.url);
    return banner.found ? withBanner(banner) : withoutBanner(cookies, requests);
  },
});
