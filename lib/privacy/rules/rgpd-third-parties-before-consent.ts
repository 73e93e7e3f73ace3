// Requests to other sites before the visitor has chosen. Known trackers (Grille's list, built from
// the vendors' documentation) and probable trackers (beacon heuristic: the page's address in the
// query, a collection path, an image with identifiers) while the banner is on screen are faults;
// other third parties (fonts, CDNs, embeds) are listed as facts for the juror.
import { bannerRef, bannerShown } from '../banner';
import { classifyRequests, distinct, listText, trackerNames } from '../third-parties';
import { defineRule } from '../../checks/types';
import { l, type Localized } from '../../i18n/localized';
import { CNIL_GUIDELINES } from './rgpd-cookies-before-consent';

export default defineRule({
  id: 'rgpd-third-parties-before-consent',
  family: 'rgpd',
  topics: ['data-protection'],
  title: l('Traceurs et requêtes tierces avant le consentement', 'Trackers and third-party requests before consent'),
  source: CNIL_GUIDELINES,
  check({ snapshot, privacy }) {
    const { trackers: all, beacons, others } = classifyRequests(privacy.resources, snapshot.url);
    // Audience measurement the CNIL lets run without consent when configured for it: to check, not a fault.
    const exemptable = all.filter((t) => t.tracker.exemptable);
    const trackers = all.filter((t) => !t.tracker.exemptable);
    const shown = bannerShown(privacy.banner);
    const otherHosts = distinct(others.map((o) => o.host));
    const data = { trackers: trackers.length, exemptableTrackers: exemptable.length, beacons: beacons.length, otherThirdParties: others.length, bannerShown: shown };
    if (!all.length && !beacons.length && !others.length)
      return { outcome: 'pass', detail: l('Aucune requête vers un autre site que celui de la page.', 'No request to a site other than the page’s own.'), data };

    const parts: Localized[] = [];
    if (trackers.length) {
      const names = listText(trackerNames(trackers));
      parts.push(l(`traceurs connus : ${names.fr}`, `known trackers: ${names.en}`));
    }
    if (beacons.length) {
      const hints = listText(
        distinct(beacons.map((b) => `${b.host} — ${b.reasons.map((r) => r.fr).join(', ')}`)),
        4,
      );
      const hintsEn = listText(
        distinct(beacons.map((b) => `${b.host} — ${b.reasons.map((r) => r.en).join(', ')}`)),
        4,
      );
      parts.push(l(`traceurs probables : ${hints.fr}`, `probable trackers: ${hintsEn.en}`));
    }
    if (exemptable.length) {
      const names = listText(trackerNames(exemptable));
      parts.push(l(`mesure d’audience pouvant être exemptée de consentement si elle est configurée selon la CNIL : ${names.fr}`, `audience measurement that can be exempt from consent when configured as the CNIL requires: ${names.en}`));
    }
    if (otherHosts.length) {
      const hosts = listText(otherHosts);
      parts.push(l(`autres tiers : ${hosts.fr}`, `other third parties: ${hosts.en}`));
    }
    const facts = l(parts.map((p) => p.fr).join(' ; '), parts.map((p) => p.en).join('; '));
    const elements = bannerRef(privacy.banner);

    if (trackers.length || beacons.length) {
      if (shown)
        return {
          outcome: 'fail',
          detail: l(`Bandeau de consentement encore affiché (aucun choix fait), et déjà des requêtes de suivi — ${facts.fr}.`, `Consent banner still on screen (no choice made), and tracking requests already made — ${facts.en}.`),
          elements,
          data,
        };
      return {
        outcome: 'review',
        detail: l(
          `Aucun bandeau affiché ; requêtes de suivi observées — ${facts.fr}. Le consentement a-t-il été donné plus tôt ? Sinon, elles partent sans consentement (le parcours guidé permet de le vérifier).`,
          `No banner on screen; tracking requests observed — ${facts.en}. Was consent given earlier? If not, they are made without consent (the guided flow lets you check).`,
        ),
        elements,
        data,
      };
    }
    if (exemptable.length)
      return {
        outcome: 'review',
        detail: l(
          `${facts.fr.charAt(0).toUpperCase()}${facts.fr.slice(1)}. Sa configuration (exemption CNIL : finalité strictement limitée à la mesure, données anonymisées, pas de recoupement) reste à vérifier par le juré.`,
          `${facts.en.charAt(0).toUpperCase()}${facts.en.slice(1)}. Its configuration (CNIL exemption: purpose strictly limited to measurement, anonymised data, no cross-referencing) is for the juror to check.`,
        ),
        elements,
        data,
      };
    return {
      outcome: 'review',
      detail: l(
        `Requêtes vers d’autres sites, sans traceur reconnu — ${facts.fr}. Elles transmettent au moins l’adresse IP du visiteur : à apprécier par le juré (polices, CDN, contenus intégrés).`,
        `Requests to other sites, no tracker recognised — ${facts.en}. They pass on at least the visitor’s IP address: for the juror to judge (fonts, CDNs, embedded content).`,
      ),
      data,
    };
  },
});
