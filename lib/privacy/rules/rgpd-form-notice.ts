// Forms collecting personal data must inform the person where the data is collected (RGPD art. 13:
// controller, purposes, legal basis, recipients, retention, rights). Grille looks for such wording
// in and around the form — a fact for the juror, who judges whether the notice is complete.
import type { FormFact } from '../../page/facts';
import { fold } from '../wording';
import { listText } from '../third-parties';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

const NOTICE =
  /donnees personnelles|donnees a caractere personnel|finalite|\brgpd\b|\bgdpr\b|confidentialite|vos droits|droit d'acces|droits? (d'acces|de rectification|d'opposition|a l'effacement)|gestion de vos donnees|protection des donnees|responsable (du|de) traitement|\bcnil\b|personal data|privacy|data protection|your rights/;
const PROCESSING = /traitement/;
const DATA = /donnees/;

export function hasNotice(text: string): boolean {
  const t = fold(text);
  return NOTICE.test(t) || (PROCESSING.test(t) && DATA.test(t));
}

const PERSONAL_FR: Record<string, string> = { name: 'nom', email: 'e-mail', phone: 'téléphone', address: 'adresse', birthdate: 'date de naissance', 'other-identifier': 'identifiant' };

function fieldName(f: FormFact['fields'][number]): string {
  return (f.label || f.placeholder || f.name || f.type).replace(/\s+/g, ' ').trim().slice(0, 60);
}

export default defineRule({
  id: 'rgpd-form-notice',
  family: 'rgpd',
  topics: ['data-protection', 'legal'],
  title: l('Information près des formulaires de données personnelles', 'Notice next to personal-data forms'),
  source: { label: 'RGPD (règlement (UE) 2016/679), article 13 — informations à fournir lors de la collecte', url: 'https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679' },
  check({ snapshot }) {
    const personal = snapshot.forms.filter((f) => f.fields.some((x) => x.personal !== null));
    if (!personal.length) return { outcome: 'inapplicable', detail: l('Aucun formulaire ne collecte de données personnelles sur cette page.', 'No form on this page collects personal data.') };
    const without = personal.filter((f) => !hasNotice(f.surroundingText));
    const data = { personalForms: personal.length, withoutNotice: without.length };
    if (!without.length)
      return {
        outcome: 'pass',
        detail: l(
          `${personal.length} formulaire(s) de données personnelles, chacun accompagné d’une mention sur les données (finalité, droits, confidentialité…). Sa complétude reste à vérifier par le juré.`,
          `${personal.length} personal-data form(s), each with wording about the data (purpose, rights, privacy…). Whether it is complete is for the juror to check.`,
        ),
        data,
      };
    const described = without.map((f) => {
      const fields = f.fields.filter((x) => x.personal !== null);
      const kinds = [...new Set(fields.map((x) => PERSONAL_FR[x.personal!] ?? x.personal!))].join(', ');
      return { fr: `${f.selector} (${kinds} : ${fields.map(fieldName).join(', ')})`, en: `${f.selector} (${[...new Set(fields.map((x) => x.personal!))].join(', ')}: ${fields.map(fieldName).join(', ')})` };
    });
    return {
      outcome: 'fail',
      detail: l(
        `${without.length} formulaire(s) collectant des données personnelles sans mention d’information à proximité (finalité, base légale, durée de conservation, droits) : ${listText(described.map((d) => d.fr), 4).fr}.`,
        `${without.length} form(s) collecting personal data with no notice nearby (purpose, legal basis, retention, rights): ${listText(described.map((d) => d.en), 4).en}.`,
      ),
      elements: without.map((f) => ({ selector: f.selector, snippet: `<form action="${f.action}" method="${f.method}">`.slice(0, 300) })),
      data,
    };
  },
});
