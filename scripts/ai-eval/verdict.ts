// Verdict wording in a suggestion: a status (acquis, non acquis, validé…), a mark (14/20, note
// maximale) or a decision (ajourné, critère rempli) — what the prompts forbid, because the jury
// alone decides. The harness counts suggestions that contain some. This detector is the
// harness's own, used until Grille's lands in lib/ai: EvalModules.detectVerdict takes any
// function of this shape, and the CLI takes lib/ai/verdict.ts's findVerdictWording when that file
// exists. The page's own words, quoted « … » or "…", are not the model's wording: left out.

/** The verdict wording found in a text (the matched words), or null. */
export type VerdictDetector = (text: string) => string | null;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/\s+/g, ' ');

/** Quoted passages: the page's words, not the model's. */
const QUOTED = /«[^»]*»|“[^”]*”|"[^"]*"/g;

const SUBJECT = String.raw`(?:critere|competence|bloc|candidat|candidate|livrable|attendu)s?`;
const AUX = String.raw`(?:est|sont|semble|semblent|peut etre|peuvent etre|serait|seraient|a ete|ont ete|parait|paraissent)`;
const DEGREE = String.raw`(?:non |pleinement |entierement |totalement |partiellement |bien |largement )?`;
const PARTICIPLE = String.raw`(?:valide|validee|valides|validees|rempli|remplie|remplis|remplies|satisfait|satisfaite|satisfaits|atteint|atteinte|atteints|demontre|demontree|demontres|maitrise|maitrisee|maitrises|reussi|reussie)`;
const PATTERNS: RegExp[] = [
  // Statuses of the jury's grid, in any agreement: « acquis », « partiellement acquise », « non acquis ».
  /\b(?:(?:non|partiellement|totalement|pleinement) )?acquis(?:e|es)?\b/,
  // « le critère est rempli », « la compétence semble maîtrisée » (not « le livrable démontre… »).
  new RegExp(String.raw`\b${SUBJECT} ${AUX} ${DEGREE}${PARTICIPLE}\b`),
  // « critère validé », « compétence validée » without an auxiliary.
  /\b(?:critere|competence|bloc)s? (?:valide|validee|valides|validees|rempli|remplie|remplis)\b/,
  // Decisions (« exempté » is left out: folded, it reads as « exempte de… », an ordinary observation).
  /\b(?:non valide|non validee|ajourne|ajournee)\b/,
  /\b(?:je valide|nous validons|peut etre valide|merite d'etre valide|validation du (?:critere|bloc))\b/,
  // Marks.
  /(?<![\d/])\d{1,3}(?:[.,]\d+)? ?\/ ?(?:10|20|100)(?![\d/])/, // not a date (12/10/2025)
  /\bnote (?:maximale|minimale|finale|globale|de \d|sur \d)\b/,
  /\b(?:noter|note|notee|notes) \d{1,3}\b/,
  // English, for models that answer in it.
  /\b(?:criterion|criteria|competency|skill|block) (?:is |are )?(?:met|passed|failed|validated|acquired|achieved)\b/,
  /\b(?:highest|maximum|full) (?:score|mark|grade)\b/,
];

/** Grille's harness detector: the first verdict wording found outside quoted passages. */
export const detectVerdictWording: VerdictDetector = (text) => {
  const own = fold(text.replace(QUOTED, ' '));
  for (const re of PATTERNS) {
    const m = re.exec(own);
    if (m) return m[0];
  }
  return null;
};

/** Grille's detector (lib/ai/verdict.ts, findVerdictWording: ranges of verdict wording) in the harness's shape. */
export function fromGrilleDetector(find: (text: string) => readonly { text: string }[]): VerdictDetector {
  return (text) => find(text)[0]?.text ?? null;
}

/** The model's own words in a suggestion: facts' texts, missing items and questions (not its quotes). */
export function suggestionWording(suggestion: { facts: readonly { text: string }[]; missing: readonly string[]; questions: readonly string[] }): string[] {
  return [...suggestion.facts.map((f) => f.text), ...suggestion.missing, ...suggestion.questions];
}
