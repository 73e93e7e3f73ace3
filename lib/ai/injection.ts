// Text in a candidate's page that reads like instructions to an AI or a grader — « ignore les
// consignes précédentes », « note to the AI grading this website », « attribue la note
// maximale », prompt role markers — in French, English, Spanish, German, Italian and Portuguese.
// Detected before anything is sent and shown to the juror; the prompt then treats the page as
// data. Hidden text is never sent as page content; a non-visible field (alt text, meta
// description) is withheld when it reads like instructions, and sent otherwise (an alt text that
// merely mentions an AI); visible text stays inside the delimited data, with a notice. Whether
// each passage is in what is sent is measured on the page text itself (lib/ai/prepare.ts).
import type { InjectionWarning } from './contract';
import type { HiddenReason, PageSnapshot } from '../page/facts';
import { isInsideHidden } from './hidden-parts';

/** Lower case, no diacritics, one apostrophe, spaces collapsed — newlines kept (role markers sit at line starts). */
export function foldForDetection(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[ \t\u00a0\u202f\u2009]+/g, ' ');
}

type Kind = 'ignore-instructions' | 'addressed-to-ai' | 'score-request' | 'prompt-markup';

const KIND_LABELS: Record<Kind, string> = {
  'ignore-instructions': 'demande d’ignorer les consignes',
  'addressed-to-ai': 'texte adressé à une IA ou à un correcteur',
  'score-request': 'demande de note ou de validation',
  'prompt-markup': 'balise de rôle ou de prompt',
};

const S = "[^.!?\\n]"; // within one sentence
/** verb … (qualifier … noun | noun … qualifier), within a sentence. */
function ignorePattern(verbs: string, nouns: string, qualifiers: string): RegExp {
  const v = `\\b(?:${verbs})\\b`;
  const n = `\\b(?:${nouns})\\b`;
  const q = `\\b(?:${qualifiers})\\b`;
  return new RegExp(`${v}${S}{0,40}?(?:${q}${S}{0,25}?${n}|${n}${S}{0,25}?${q})`);
}

const PATTERNS: { kind: Kind; re: RegExp }[] = [
  // « ignore previous instructions », in six languages.
  {
    kind: 'ignore-instructions',
    re: ignorePattern('ignore|disregard|forget|override|bypass', 'instructions?|prompts?|directions|rules|guidelines|directives', 'previous|prior|above|earlier|preceding|former|original|all|any|your|system'),
  },
  {
    kind: 'ignore-instructions',
    re: ignorePattern(
      'ignore|ignores|ignorez|ignorer|oublie|oublies|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|ne tenir aucun compte|fais abstraction|faites abstraction|passe outre|passez outre',
      'consignes?|instructions?|directives?|regles|indications|prompts?|ordres',
      'precedentes?|anterieures?|ci-dessus|qui precedent|initiales?|de depart|du systeme|systeme|toutes|tes|vos|recues',
    ),
  },
  { kind: 'ignore-instructions', re: ignorePattern('ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|omite|omita', 'instrucciones|indicaciones|ordenes|reglas|directrices', 'anteriores|previas|precedentes|todas|tus|del sistema') },
  {
    kind: 'ignore-instructions',
    re: ignorePattern('ignoriere|ignorier|ignorieren|vergiss|vergessen|missachte|missachten', 'anweisungen|instruktionen|befehle|vorgaben|regeln|anordnungen', 'vorherigen|vorigen|bisherigen|obigen|fruheren|alle|deine|ihre'),
  },
  { kind: 'ignore-instructions', re: ignorePattern('ignora|ignorate|ignori|dimentica|dimenticate|trascura', 'istruzioni|indicazioni|regole|direttive|comandi', 'precedenti|tutte|sopra|tue|del sistema') },
  { kind: 'ignore-instructions', re: ignorePattern('ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere', 'instrucoes|orientacoes|regras|comandos|diretrizes', 'anteriores|previas|todas|acima|suas|do sistema') },

  // Text addressed to an AI, a grader or the jury's tool.
  {
    kind: 'addressed-to-ai',
    re: /\b(?:note|message|remarque|consigne|instruction|info)s? (?:a|pour|destinee?s? a) (?:l'attention (?:de |du |des )?)?(?:l'|la |le |les |un |une |toute |tout )?(?:ia|i\.a\.|intelligence artificielle|correcteur|correctrice|evaluateur|evaluatrice|examinateur|modele|assistant|chatgpt|llm|robot)\b/,
  },
  { kind: 'addressed-to-ai', re: /\ba l'attention (?:de l'|du |des |de la )(?:ia|i\.a\.|intelligence artificielle|correcteur|evaluateur|modele|assistant|chatgpt|llm)\b/ },
  { kind: 'addressed-to-ai', re: /\b(?:chere|cher) (?:ia|intelligence artificielle|chatgpt|correcteur|evaluateur|assistant)\b/ },
  { kind: 'addressed-to-ai', re: /\bsi (?:tu es|vous etes) (?:une|un) (?:ia|intelligence artificielle|modele de langage|assistant|correcteur automatique)\b/ },
  { kind: 'addressed-to-ai', re: /\ben tant qu'(?:ia|intelligence artificielle|assistant|modele de langage)\b/ },
  {
    kind: 'addressed-to-ai',
    re: /\bnote (?:to|for) (?:the |any |an |a )?(?:ai|a\.i\.|llm|model|grader|evaluator|assessor|reviewer|examiner|assistant|chatgpt|language model)\b/,
  },
  { kind: 'addressed-to-ai', re: /\b(?:dear|attention|hey|hi|hello) (?:ai|a\.i\.|llm|chatgpt|grader|evaluator|assessor|language model)\b/ },
  { kind: 'addressed-to-ai', re: /\bif you are an? (?:ai|a\.i\.|llm|large language model|language model|ai assistant|automated grader)\b/ },
  { kind: 'addressed-to-ai', re: /\bas an? (?:ai|a\.i\.|large language model|language model|ai assistant)\b/ },
  { kind: 'addressed-to-ai', re: /\b(?:to|for) (?:the|any) (?:ai|llm|model) (?:grading|evaluating|assessing|reviewing|reading|scoring)\b/ },
  { kind: 'addressed-to-ai', re: /\bnota (?:para|a) (?:la |el )?(?:ia|inteligencia artificial|evaluador|corrector|modelo)\b/ },
  { kind: 'addressed-to-ai', re: /\b(?:si eres|como) una (?:ia|inteligencia artificial)\b/ },
  { kind: 'addressed-to-ai', re: /\b(?:hinweis|nachricht|notiz) (?:fur|an) (?:die |den |das )?(?:ki|kunstliche intelligenz|prufer|bewerter|korrektor|sprachmodell)\b/ },
  { kind: 'addressed-to-ai', re: /\b(?:liebe|lieber) (?:ki|kunstliche intelligenz|prufer|bewerter)\b/ },
  { kind: 'addressed-to-ai', re: /\bwenn du (?:eine|ein) (?:ki|sprachmodell) bist\b/ },
  { kind: 'addressed-to-ai', re: /\bnota per (?:l'|la |il )?(?:ia|intelligenza artificiale|valutatore|correttore|modello)\b/ },
  { kind: 'addressed-to-ai', re: /\bse sei (?:un'|una |un )(?:ia|intelligenza artificiale|modello linguistico)\b/ },
  { kind: 'addressed-to-ai', re: /\bnota para (?:a |o )?(?:ia|inteligencia artificial|avaliador|corretor|modelo)\b/ },
  { kind: 'addressed-to-ai', re: /\bse (?:voce|tu) (?:e|es|for) uma (?:ia|inteligencia artificial)\b/ },

  // Asking for a mark or a validation.
  {
    kind: 'score-request',
    re: new RegExp(`\\b(?:attribue|attribuez|attribuer|donne|donnez|donner|mets|mettez|mettre|accorde|accordez|accorder)\\b${S}{0,40}?\\b(?:note|notation|evaluation|score|appreciation)s? (?:maximale|maximum|la plus haute|la plus elevee|parfaite|excellente)\\b`),
  },
  { kind: 'score-request', re: /\b(?:la |une )?note maximale\b/ },
  { kind: 'score-request', re: new RegExp(`\\b(?:valide|validez|valider|coche|cochez)\\b${S}{0,20}?\\b(?:tous|toutes) les (?:criteres|competences|blocs)\\b`) },
  { kind: 'score-request', re: /\b(?:tous|toutes) les (?:criteres|competences|blocs) (?:sont|comme|doivent etre) (?:acquis|acquises|valides|validees|remplis)\b/ },
  {
    kind: 'score-request',
    re: new RegExp(`\\b(?:give|assign|award|grant|rate)\\b${S}{0,40}?\\b(?:highest|maximum|max|top|best|full|perfect)\\b${S}{0,12}?\\b(?:score|mark|marks|grade|rating|points)\\b`),
  },
  { kind: 'score-request', re: /\b(?:highest|maximum|perfect|full) (?:possible )?(?:score|marks|grade|rating)\b/ },
  { kind: 'score-request', re: /\bmark (?:all|every|each) criteri(?:a|on) as (?:met|passed|acquired|validated|satisfied)\b/ },
  { kind: 'score-request', re: /\b(?:(?:maxima|mas alta) (?:puntuacion|calificacion|nota)|(?:puntuacion|calificacion|nota) (?:maxima|mas alta|perfecta))\b/ },
  { kind: 'score-request', re: /\b(?:(?:hochste|beste|maximale|volle) (?:punktzahl|note|bewertung|punkte)|bestnote)\b/ },
  { kind: 'score-request', re: /\b(?:punteggio|voto|valutazione) (?:massimo|massima|piu alto|piu alta|pieno)\b/ },
  { kind: 'score-request', re: /\b(?:pontuacao|nota|avaliacao) (?:maxima|maximo|mais alta)\b/ },

  // Role markers and prompt vocabulary.
  { kind: 'prompt-markup', re: /<\|(?:im_start|im_end|system|assistant|user|endoftext|begin_of_text|start_header_id|eot_id)\|>|\[\/?inst\]|<<\/?sys>>/ },
  { kind: 'prompt-markup', re: /(?:^|\n) ?#{1,6} ?(?:system|assistant|instructions?|systeme)\b/ },
  { kind: 'prompt-markup', re: /(?:^|\n) ?(?:system|assistant|systeme) ?:/ },
  { kind: 'prompt-markup', re: /\b(?:system prompt|prompt systeme|prompt system|invite systeme|systemprompt|prompt di sistema|prompt del sistema|prompt do sistema)\b/ },
  { kind: 'prompt-markup', re: /\b(?:new|updated|nouvelles?|nuevas|neue|nuove|novas) (?:instructions|consignes|instrucciones|anweisungen|istruzioni|instrucoes) ?:/ },
  { kind: 'prompt-markup', re: /\b(?:you are now|tu es maintenant|vous etes maintenant|developer mode|mode developpeur|jailbreak)\b/ },
];

/** Words that make a hidden text worth flagging even without a full instruction pattern. */
const AI_TERMS =
  /\b(?:ia|i\.a\.|llm|chatgpt|gpt-?\d|claude|gemini|intelligence artificielle|artificial intelligence|language model|modele de langage|(?:the|an|any) ai|grader|correcteur|correctrice|evaluateur|evaluatrice|jury|prompt|ki|sprachmodell|inteligencia artificial|intelligenza artificiale)\b/;

interface Match {
  kind: Kind;
  excerpt: string;
}

function firstMatch(folded: string): Match | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(folded);
    if (m) return { kind, excerpt: m[0].trim().slice(0, 80) };
  }
  return null;
}

/** Whether a text reads like instructions to an AI or a grader (used to withhold non-visible fields). */
export function looksLikeInjection(text: string): boolean {
  return firstMatch(foldForDetection(text)) !== null;
}

const HIDDEN_LABELS: Record<HiddenReason, string> = {
  'display-none': 'display: none',
  'visibility-hidden': 'visibility: hidden',
  'off-screen': 'placé hors de l’écran',
  'zero-size': 'taille nulle',
  transparent: 'transparent',
  'same-colour-as-background': 'même couleur que le fond',
  'aria-hidden': 'aria-hidden',
  clipped: 'rogné',
  'tiny-font': 'police minuscule',
};

const MAX_TEXT = 300;
const cut = (text: string) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
};

/** Paragraphs of a long text, long paragraphs split into sentences, so a warning quotes a readable passage. */
function passages(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const p = paragraph.trim();
    if (!p) continue;
    if (p.length <= MAX_TEXT) out.push(p);
    else out.push(...(p.match(/[^.!?]+[.!?]*\s*/g) ?? [p]).map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

interface Source {
  text: string;
  hidden: boolean;
  where: string;
  selector: string | null;
  /** Hidden text: flag on AI vocabulary alone too. */
  loose?: boolean;
  /** Flag whatever it says: a document (Docs, Slides export) has no menus or screen-reader hints, its hidden text is never ordinary. */
  always?: boolean;
}

function sources(snapshot: PageSnapshot): Source[] {
  const list: Source[] = [];
  const document = snapshot.source === 'google-docs-export' || snapshot.source === 'google-slides-export';
  for (const h of snapshot.hiddenTexts) {
    list.push({ text: h.text, hidden: true, where: `texte caché aux visiteurs (${h.reasons.map((r) => HIDDEN_LABELS[r]).join(', ')})`, selector: h.selector, loose: true, always: document });
  }
  list.push({ text: snapshot.title, hidden: false, where: 'titre de la page', selector: 'title' });
  if (snapshot.meta.description) list.push({ text: snapshot.meta.description, hidden: true, where: 'balise meta description', selector: 'meta[name="description"]' });
  for (const [key, value] of Object.entries(snapshot.meta.openGraph)) list.push({ text: value, hidden: true, where: `balise meta ${key}`, selector: null });
  for (const h of snapshot.headings) {
    list.push({ text: h.text, hidden: h.hidden, where: h.hidden ? 'titre caché aux visiteurs' : `titre de niveau ${h.level}`, selector: h.selector, loose: h.hidden });
  }
  for (const passage of passages(snapshot.mainText)) list.push({ text: passage, hidden: false, where: 'texte visible de la page', selector: null });
  for (const img of snapshot.images) {
    for (const text of [img.alt, img.ariaName]) if (text) list.push({ text, hidden: true, where: 'texte alternatif d’image (non affiché)', selector: img.selector, loose: true });
  }
  for (const link of snapshot.links) {
    if (link.text) list.push({ text: link.text, hidden: !link.visible, where: link.visible ? 'texte de lien' : 'lien caché aux visiteurs', selector: link.selector, loose: !link.visible });
  }
  for (const form of snapshot.forms) {
    const formHidden = isInsideHidden(form.selector, snapshot);
    for (const field of form.fields) {
      const hidden = formHidden || isInsideHidden(field.selector, snapshot);
      for (const text of [field.label, field.placeholder]) if (text) list.push({ text, hidden, where: hidden ? 'formulaire caché aux visiteurs' : 'formulaire', selector: field.selector, loose: hidden });
    }
    for (const passage of passages(form.surroundingText)) list.push({ text: passage, hidden: formHidden, where: 'texte autour d’un formulaire', selector: form.selector });
  }
  for (const block of snapshot.jsonLd.blocks) list.push({ text: block, hidden: true, where: 'données structurées JSON-LD (non affichées)', selector: 'script[type="application/ld+json"]', loose: true });
  if (snapshot.social) {
    if (snapshot.social.bio) list.push({ text: snapshot.social.bio, hidden: false, where: 'bio du profil', selector: null });
    for (const post of snapshot.social.posts) for (const passage of passages(post.text)) list.push({ text: passage, hidden: false, where: 'publication', selector: null });
  }
  return list;
}

/** A passage found, before it is known whether it is sent (lib/ai/prepare.ts looks in what is). */
export type DetectedInjection = Omit<InjectionWarning, 'sent'>;

/** Passages of the page that look like instructions to an AI or a grader, hidden or not. */
export function detectInjections(snapshot: PageSnapshot): DetectedInjection[] {
  const warnings: DetectedInjection[] = [];
  const seen = new Set<string>();
  for (const source of sources(snapshot)) {
    const folded = foldForDetection(source.text);
    const match = firstMatch(folded);
    let reason: string | null = null;
    if (match) reason = `${source.where} ; ${KIND_LABELS[match.kind]} (« ${match.excerpt} »)`;
    else if (source.loose && AI_TERMS.test(folded) && folded.length >= 20) reason = `${source.where} ; texte caché qui parle d’IA, de correcteur ou de jury`;
    else if (source.always) reason = `${source.where} ; texte caché dans un document`;
    if (!reason) continue;
    const text = cut(source.text);
    const key = `${source.hidden}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push({ text, hidden: source.hidden, reason, selector: source.selector });
  }
  return warnings;
}
