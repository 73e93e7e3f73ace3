// What kind of personal data a form field collects, from its type, autocomplete tokens, then
// the words of its name, id, label and placeholder (French and English). null when nothing says so.
import type { FieldFact } from '../facts';
import { foldText } from '../../text/normalize';

type Kind = NonNullable<FieldFact['personal']>;

const AUTOCOMPLETE: [RegExp, Kind][] = [
  [/^(name|honorific-prefix|given-name|additional-name|family-name|honorific-suffix|nickname)$/, 'name'],
  [/^email$/, 'email'],
  [/^tel(-.*)?$/, 'phone'],
  [/^(street-address|address-line[123]|address-level[1-4]|postal-code|country|country-name)$/, 'address'],
  [/^bday(-day|-month|-year)?$/, 'birthdate'],
  [/^(username|cc-number|cc-name|cc-given-name|cc-family-name)$/, 'other-identifier'],
];

/** Checked in this order: « adresse e-mail » is an e-mail, « nom d'utilisateur » an identifier. */
const KEYWORDS: [RegExp, Kind][] = [
  [/\b(e ?mail|courriel|mail|adresse electronique|mel)\b/, 'email'],
  [/\b(username|user name|login|identifiant|nom d ?utilisateur|pseudo|numero de securite sociale|securite sociale|nir|passport|passeport|iban|numero client|customer number|carte d identite|id card|siret|ssn)\b/, 'other-identifier'],
  [/\b(date de naissance|naissance|birth ?date|date of birth|birthday|bday|dob|ddn)\b/, 'birthdate'],
  [/\b(telephone|tel|phone|mobile|portable|gsm|cellphone|numero de telephone)\b/, 'phone'],
  [/\b(adresse|address|code postal|postal ?code|postcode|zip|zipcode|ville|city|rue|street|commune|cp)\b/, 'address'],
  [/\b(nom|prenom|name|firstname|first name|lastname|last name|surname|fullname|full name|fname|lname|given name|family name|nom de famille|civilite)\b/, 'name'],
];

/** Words about an organisation or a product, not a person (« nom de l'entreprise »). */
const NOT_A_PERSON = /\b(entreprise|societe|company|organisation|organization|produit|product|projet|project|fichier|file|domaine|domain|site|marque|brand|raison sociale)\b/;

/** Lower case, no accents, camelCase and separators turned into spaces. */
export function normaliseWords(text: string): string {
  return foldText(text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([a-zA-Z])(\d)/g, '$1 $2'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface FieldClues {
  tag: string;
  type: string;
  name: string;
  id: string;
  label: string;
  /** A hint the user sees too (« Téléphone (facultatif) »). */
  placeholder?: string;
  autocomplete: string;
}

export function personalKind(f: FieldClues): Kind | null {
  const type = f.type.toLowerCase();
  if (['hidden', 'submit', 'button', 'reset', 'image', 'password', 'search', 'checkbox', 'radio', 'file', 'range', 'color'].includes(type)) return null;
  if (type === 'email') return 'email';
  if (type === 'tel') return 'phone';
  for (const token of f.autocomplete.toLowerCase().split(/\s+/).filter(Boolean)) {
    for (const [pattern, kind] of AUTOCOMPLETE) if (pattern.test(token)) return kind;
  }
  for (const source of [f.name, f.id, f.label, f.placeholder ?? '']) {
    const words = normaliseWords(source);
    if (!words || NOT_A_PERSON.test(words)) continue;
    for (const [pattern, kind] of KEYWORDS) if (pattern.test(words)) return kind;
  }
  return null;
}
