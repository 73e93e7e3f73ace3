// Consent must be a clear positive act: a box ticked in advance (newsletter, offers, partners) is
// not consent (RGPD art. 4 (11) and recital 32; CJEU, Planet49, C-673/17).
import { fold } from '../wording';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

const CONSENT_WORDS = /newsletter|lettre d'information|\boffres?\b|partenaires?|consent|communications?|promotion|publicit|marketing|abonne|inscri|prospection|\bsms\b|subscribe|opt.?in|actualites|nouveautes/;

export default defineRule({
  id: 'rgpd-prechecked-consent',
  family: 'rgpd',
  topics: ['data-protection'],
  title: l('Cases de consentement pré-cochées', 'Pre-ticked consent boxes'),
  source: { label: 'CNIL — le consentement (acte positif clair ; cases pré-cochées exclues)', url: 'https://www.cnil.fr/fr/les-bases-legales/consentement' },
  check({ snapshot }) {
    if (!snapshot.forms.length) return { outcome: 'inapplicable', detail: l('Aucun formulaire sur cette page.', 'No form on this page.') };
    const boxes = snapshot.forms.flatMap((f) => f.fields).filter((x) => x.type === 'checkbox');
    // A disabled box cannot be a choice (strictly necessary cookies shown locked): not a consent.
    const ticked = boxes.filter((x) => x.checked && !x.disabled && CONSENT_WORDS.test(fold(`${x.label} ${x.name}`)));
    const data = { checkboxes: boxes.length, preTicked: ticked.length };
    if (!ticked.length)
      return {
        outcome: 'pass',
        detail: l(
          boxes.length ? `Aucune case de consentement (newsletter, offres, partenaires…) cochée d’avance parmi ${boxes.length} case(s).` : 'Aucune case à cocher dans les formulaires de la page.',
          boxes.length ? `No consent box (newsletter, offers, partners…) ticked in advance among ${boxes.length} checkbox(es).` : 'No checkbox in the page’s forms.',
        ),
        data,
      };
    const names = ticked.map((x) => `« ${(x.label || x.name).replace(/\s+/g, ' ').trim().slice(0, 120)} »`).join(', ');
    return {
      outcome: 'fail',
      detail: l(
        `${ticked.length} case(s) de consentement cochée(s) d’avance : ${names}. Le consentement doit être un acte positif : la case doit être décochée au départ.`,
        `${ticked.length} consent box(es) ticked in advance: ${names}. Consent must be a positive act: the box must start unticked.`,
      ),
      elements: ticked.map((x) => ({ selector: x.selector, snippet: `<input type="checkbox" name="${x.name}" checked>`.slice(0, 300) })),
      data,
    };
  },
});
