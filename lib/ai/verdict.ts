// Verdict wording in a model's text: the jury decides, and the AI may not write a decision any
// more than set one. Found, in any case, with or without accents, in French and English:
// statuses and decisions (acquis, partiellement acquis, non acquis, exempté, validé, non validé,
// ajourné), marks (18/20, 4/5, 15 sur 20, « note de 15 »), levels (« niveau expert »), verdicts
// on a criterion (« le critère est rempli », « répond pleinement au critère ») and calls to decide
// (« le jury peut valider le bloc », « je recommande de valider »).
//
// French makes some of these words ordinary: « les acquis de l'expérience » (a noun), « un
// formulaire validé côté client », « un code HTML valide », « le lancement a été ajourné »,
// « acquisition de trafic », « la note de synthèse », « titre de niveau 6 », « 24/7 », a date.
// So validé, ajourné and exempté count when they qualify what the jury decides on (a criterion,
// a competency, a bloc, the certification, the candidate — within the same clause), stand alone
// as a label (« Statut : validé »), or follow a call to decide. Acquis counts in those places
// too, and whenever something « est acquis » — but not as a noun after a determiner.
// Returned as ranges of the original text, for highlighting (never as markup).

export interface VerdictRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** The words found, as written. */
  text: string;
}

/** Lower case, no accents, one apostrophe — the same length as the text, so ranges map back. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    let f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (/^[’‘ʼ`´]$/.test(f)) f = "'";
    else if (/^[\u00a0\u202f\u2009]$/.test(f)) f = ' ';
    // Keep one folded character per UTF-16 unit (œ, æ, ß and symbols stay as they are).
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const B = '(?<![a-z0-9])'; // word start
const E = '(?![a-z0-9])'; // word end
const s = (stem: string) => `${stem}(?:e|s|es)?`; // validé, validée, validés, validées

/** What the jury decides on. */
const TARGET = `${B}(?:criteres?|competences?|blocs?|capacites?|certifications?|epreuves?|c ?s?\\d+(?:\\.\\d+)*|criteri(?:on|a)|competenc(?:e|es|y|ies)|skills?|blocks?)${E}`;
/** « acquis » as an adjective or participle, not the noun (« les acquis », « l'acquis »). */
const ACQ = `${B}(?<!${B}(?:les|des|ses|leurs|vos|nos|mes|tes|ces|aux|un|leur|son|mon|ton|votre|notre|cet|quels|quelques|nouveaux|premiers) )(?<!${B}[ld]')acquis(?:es?)?${E}`;
const FR_STATUS = `(?:partiellement |non[- ]?)?${ACQ}|${B}(?:non[- ]?)?${s('valide')}${E}|${B}${s('ajourne')}${E}|${B}${s('exempte')}${E}|${B}exempt(?:e|s|es)?${E}|${B}${s('rempli')}${E}|${B}${s('atteint')}${E}|${B}${s('satisfait')}${E}|${B}${s('maitrise')}${E}|${B}${s('reussi')}${E}`;
const EN_STATUS = `${B}(?:partially |not |fully )?(?:acquired|validated|adjourned|deferred|exempt(?:ed)?|met|passed|failed|fulfilled|satisfied|mastered)${E}`;
const STATUS = `(?:${FR_STATUS}|${EN_STATUS})`;
const CLAUSE = '[^.;:!?\\n]'; // within one clause
const ADVERB = '(?:(?:[a-z]+ment|en partie|bien|deja|tout a fait|pas|plus|encore|toujours|donc|ainsi) ){0,2}';
const DECIDE_FR = '(?:valider|ajourner|accorder|attribuer|refuser|delivrer|prononcer|l\'ajournement|la validation|l\'attribution|la delivrance)';

const PATTERNS: RegExp[] = [
  // « partiellement acquis », « non acquis », in any place.
  new RegExp(`${B}(?:partiellement|non[- ]?)(?: |-)?acquis(?:es?)?${E}|${B}(?:partially|not) acquired${E}|${B}en cours d'acquisition${E}`),
  // What the jury decides on, then a status, in the same clause: « le critère C1 est acquis », « compétences acquises », « bloc validé ».
  new RegExp(`${TARGET}${CLAUSE}{0,60}?${STATUS}`),
  // A status, then what it applies to: « acquis pour ce critère », « a acquis les compétences ».
  new RegExp(`${STATUS}${CLAUSE}{0,25}?${TARGET}`),
  // A status standing alone as a label: « Acquis. », « Statut : validé », « – Exempté ».
  new RegExp(`(?:^|[\\n.!?;•(\\-–—]\\s*|${B}(?:statut|decision|status|verdict|resultat|result)\\s*:?\\s*|:\\s*)${STATUS}(?=\\s*(?:$|[\\n.!?:;,)]))`),
  // Something « est acquis », « semble acquise », « considérée comme acquise ».
  new RegExp(
    `${B}(?:est|sont|soit|soient|sera|seront|serait|seraient|semble|semblent|parait|paraissent|reste|restent|etait|etaient|apparait|devient|deviennent|${s('considere')} comme|${s('juge')}|${s('estime')}|${s('declare')}|${s('reconnu')}(?: comme)?) ${ADVERB}${ACQ}`,
  ),
  new RegExp(`${B}(?:is|are|was|were|be|been|seems?|appears?|considered|deemed|judged) (?:[a-z]+ly )?(?:acquired|mastered)${E}`),
  // Modal calls: « peut être considéré comme validé », « mérite d'être acquis ».
  new RegExp(`${B}(?:peut|peuvent|pourrait|pourraient|pourra|doit|doivent|devrait|devraient|merite|meritent) ${ADVERB}(?:d')?(?:etre )?${ADVERB}(?:${s('considere')} comme ${STATUS}|${ACQ})`),
  // The candidate's status: « le candidat est ajourné », « la candidate peut être validée ».
  new RegExp(`${B}candidat(?:e|s|es)? (?:est|sont|a ete|ont ete|sera|seront|serait|peut etre|pourrait etre|doit etre|devrait etre) ${ADVERB}${STATUS}`),
  // Calls to decide: « le jury peut valider le bloc », « je recommande de valider », « il est recommandé d'ajourner ».
  new RegExp(`${B}jury ${ADVERB}(?:peut|peuvent|pourrait|pourra|pourront|doit|devrait|devra|est invite a|aurait interet a) ${ADVERB}(?:donc )?(?:${DECIDE_FR}|retenir|considerer)${E}`),
  new RegExp(`${B}(?:je |nous |grille )?(?:recommande|recommandons|propose|proposons|suggere|suggerons|preconise|preconisons|conseille|conseillons)(?:r)? (?:au jury )?(?:de |d')?${DECIDE_FR}${E}`),
  new RegExp(`${B}il (?:est|serait|semble) (?:${s('recommande')}|${s('conseille')}|${s('propose')}|possible|justifie|legitime|pertinent|raisonnable|envisageable) (?:de |d')${DECIDE_FR}${E}`),
  new RegExp(`${B}(?:valider|ajourner|accorder|attribuer|delivrer|refuser|validation|ajournement|attribution|delivrance) (?:le|la|les|ce|cette|ces|son|sa|ses|du|de la|des|au|aux|l') ?(?:bloc|critere|competence|certification|titre|candidat)`),
  new RegExp(`${B}(?:the )?(?:jury|panel|board|examiners?) (?:can|could|should|may|might|must|will|would) (?:therefore )?(?:validate|pass|fail|award|grant|defer|approve|reject)${E}`),
  new RegExp(`${B}(?:i |we )?(?:recommend|suggest|propose|advise)(?:s|ed)? (?:validating|passing|awarding|granting|deferring|failing|approving|to validate|to pass|to award|to defer)${E}`),
  new RegExp(`${B}(?:should|can|could|may|must|might) be (?:validated|passed|awarded|deferred|considered (?:acquired|met|validated))${E}`),
  new RegExp(`${B}(?:repond|repondent|satisfait|satisfont|correspond|correspondent) ${ADVERB}(?:au|aux) (?:criteres?|attendus?|exigences)${E}|${B}meets? (?:the |all |every )?(?:criteri(?:on|a)|requirements?)${E}`),
  // Levels: « niveau expert », « niveau de maîtrise élevé », « expert level ».
  new RegExp(
    `${B}niveau (?:de maitrise |de competence )?(?:d')?(?:expert|expertise|avance|intermediaire|debutant|confirme|maitrise|excellent|insuffisant|satisfaisant|tres satisfaisant|eleve|tres eleve|faible|moyen|bon|tres bon|novice|initial|professionnel|operationnel|acquis|superieur|inferieur)${E}`,
  ),
  new RegExp(`${B}(?:tres )?(?:bon|excellent|solide|haut|faible|bas) niveau de (?:maitrise|competences?|expertise)${E}`),
  new RegExp(`${B}(?:expert|advanced|intermediate|beginner|novice|proficient|mastery)[- ]level${E}|${B}level (?:of )?(?:expert|advanced|intermediate|beginner|mastery)${E}`),
  // Giving a mark without a number: « attribuer la note maximale », « give it the highest score »
  // (not « la page demande la note maximale », which reports what a page says).
  new RegExp(`${B}(?:attribuer|attribue|attribuez|donner|donne|donnez|accorder|accorde|accordez|merite|meritent|vaut|obtient|obtenir)(?: lui| leur)? (?:la |une )?notes? (?:maximale|maximum|minimale|minimum|parfaite)${E}`),
  new RegExp(`${B}(?:give|gives|award|awards|deserve|deserves|earn|earns|gets?)(?: it| them| the candidate)? (?:the |a )?(?:highest|maximum|full|top|perfect) (?:score|mark|grade)s?${E}`),
  // Marks: 18/20, 4/5, 15,5/20, 15 sur 20, 18 out of 20 — not a date, not « 24/7 », not « 1/5 des visiteurs ».
  new RegExp(`(?<![\\d/.,])\\d{1,3}(?:[.,]\\d{1,2})? ?/ ?(?:5|10|20|100)(?![\\d/])(?!\\s*(?:(?:des|du|de la|of)${E}|d'))`),
  new RegExp(`(?<![\\d/.,])\\d{1,3}(?:[.,]\\d{1,2})? (?:sur|out of) (?:5|10|20|100)(?!\\d)(?!\\s*(?!(?:points?|pts)${E})[a-z])`),
  new RegExp(`${B}(?:${s('note')}|grade|mark) (?:de |of |: ?|= ?)\\d{1,3}(?:[.,]\\d{1,2})?(?![\\d/.,]|\\s*(?:%|caracteres|mots|lignes|pages|ans|jours|heures|minutes|secondes|ko|mo|px|pixels|elements|liens|images|erreurs|criteres|occurrences))`),
];

/** Ranges of verdict wording in a text, merged and in order. */
export function findVerdictWording(text: string): VerdictRange[] {
  const folded = fold(text);
  const spans: { start: number; end: number }[] = [];
  for (const re of PATTERNS) {
    const global = new RegExp(re.source, 'g');
    for (const m of folded.matchAll(global)) {
      // Leading separators of the « standing alone » pattern are not part of the wording.
      const lead = /^[\s\n.!?;:•(\-–—]*/.exec(m[0])![0].length;
      if (m[0].length > lead) spans.push({ start: m.index + lead, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
}

/** The texts of a suggestion the model wrote (quotes the page verified are the page's words, hidden-text quotes are never copied). */
export function modelTexts(s: {
  facts: readonly { text: string; quote: string | null; verified: boolean | null; problems?: readonly string[] }[];
  missing: readonly string[];
  questions: readonly string[];
}): string[] {
  const quotes = s.facts.filter((f) => f.quote && f.verified !== true && !f.problems?.includes('quote-in-hidden-text')).map((f) => f.quote!);
  return [...s.facts.map((f) => f.text), ...quotes, ...s.missing, ...s.questions];
}

export const suggestionHasVerdict = (s: Parameters<typeof modelTexts>[0]) => modelTexts(s).some((t) => findVerdictWording(t).length > 0);
