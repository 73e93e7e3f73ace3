// What a consent banner's button does, from its label (French and English, a few German words):
// accept, refuse, settings (« Personnaliser » is not a refusal), close, or other.
import type { PrivacyFacts } from '../../page/facts';

export type ButtonKind = PrivacyFacts['banner']['buttons'][number]['kind'];

const REFUSE =
  /\b(tout\s+)?refuser\b|\bje\s+refuse\b|(continuer\s+)?sans\s+accepter|\brejeter\b|\breject(\s+all)?\b|\bdecline\b|\bdeny\b|\bnon,?\s+merci\b|\bno,?\s+thanks\b|\bdisagree\b|do\s+not\s+(accept|consent)|\bablehnen\b|uniquement\s+(les\s+)?(cookies\s+|traceurs\s+)?(n[ée]cessaires|essentiels|strictement)|n[ée]cessaires\s+uniquement|only\s+(strictly\s+)?(necessary|essential)|(necessary|essential)\s+(cookies\s+)?only/i;
const ACCEPT = /\baccept|\bj['’]accepte\b|\bok\b|\bd['’]accord\b|\bagree\b|\ballow\b|\bautoriser\b|\bconsentir\b|\bj['’]ai\s+compris\b|\bgot\s+it\b|\bakzeptieren\b|\bzustimmen\b|\bi\s+consent\b/i;
const SETTINGS = /personnalis|param[eéè]tr|pr[ée]f[ée]rences|\bg[ée]rer\b|\bmanage\b|\bsettings\b|\boptions\b|customi[sz]e|\bje\s+choisis\b|\bchoisir\b|r[ée]glages|configurer|einstellungen/i;
const CLOSE = /^\s*[×✕✖✗╳xX]\s*$|^\s*(fermer|close|dismiss)\s*$/i;

/** The kind of a banner button from its visible label and its accessible name (aria-label, title). */
export function buttonKind(label: string, accessibleName = ''): ButtonKind {
  const text = `${label} ${accessibleName}`.replace(/\s+/g, ' ').trim();
  if (!text) return 'other';
  if (REFUSE.test(text)) return 'refuse';
  if (CLOSE.test(label) || (label.trim().length <= 1 && /\b(fermer|close|dismiss)\b/i.test(accessibleName))) return 'close';
  if (ACCEPT.test(text)) return 'accept';
  if (SETTINGS.test(text)) return 'settings';
  if (/^\s*(fermer|close)\b/i.test(text)) return 'close';
  return 'other';
}
