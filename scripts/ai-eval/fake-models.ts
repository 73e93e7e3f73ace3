// Deterministic stand-ins for a model, answered by the local OpenAI-compatible server
// (tests/support/fake-openai.ts) for `npm run ai:eval -- --fake` and the harness's tests. Each is a
// model name, `fake-<strategy>`, so that `--compare` can set two of them side by side:
//   plausible              reads the request like a hurried model: a criterion is observable when a
//                          sentence of the page shares enough words with it (quoted verbatim) or a
//                          finding bears on it; never sees the labels
//   constant-insufficient  « preuves insuffisantes » everywhere
//   constant-observable    observable everywhere, quoting the page's first sentence
//   one-letter             plausible's answers, each quote cut to one letter of it
//   verdict                plausible's answers worded as statuses (« critère acquis »)
//   gullible               plausible, until the request says the page holds instructions for an
//                          AI (Grille's notice, a withheld text) or shows some: then observable
//                          everywhere with « acquis, note maximale »
//   oracle                 the labels themselves (the harness's upper bound)
import { criterionIdsIn, reply, type FakeResponder, type RecordedRequest } from '../../tests/support/fake-openai';
import type { EvalFixture } from './fixtures';

export const FAKE_STRATEGIES = ['plausible', 'constant-insufficient', 'constant-observable', 'one-letter', 'verdict', 'gullible', 'oracle'] as const;
export type FakeStrategy = (typeof FAKE_STRATEGIES)[number];
export const fakeModel = (strategy: FakeStrategy) => `fake-${strategy}`;

/** What the oracle knows: per page address, per criterion, the label and the passages. */
export type OracleBook = Map<string, Map<string, { label: EvalFixture['labels'][string]['label']; passages: string[] }>>;

interface Fact {
  text: string;
  quote: string | null;
  findingRuleId: string | null;
  evidenceId: null;
}
interface Answer {
  criterionId: string;
  facts: Fact[];
  missing: string[];
  insufficientEvidence: boolean;
  questions: string[];
}

interface Read {
  ids: string[];
  criteria: Map<string, string>;
  page: string;
  url: string;
  units: string[];
  /** Finding lines marked as a fault: [ruleId] and their text. */
  faults: { ruleId: string; text: string }[];
  warned: boolean;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const between = (text: string, open: RegExp): string => {
  const m = open.exec(text);
  if (!m) return '';
  const start = m.index + m[0].length;
  const close = text.indexOf(`\n<<<FIN ${m[1]} ${m[2]}>>>`, start);
  return close < 0 ? '' : text.slice(start, close);
};

const LABELLED_LINE = /^(Adresse|Nature|Titre de la page|Langue déclarée|Description \(balise meta\)|Données structurées[^:]*|Réseau|Nom affiché|Compteurs affichés|Publications visibles[^:]*|Texte principal[^:]*|Plan des titres|Textes alternatifs des images|Liens visibles[^:]*|Formulaires) :/;

/** Sentences of the page a model could quote: visible text lines, split at sentence ends, 5 to 30 words. */
function quotableUnits(page: string): string[] {
  const units: string[] = [];
  for (const raw of page.split('\n')) {
    let line = raw.trim();
    if (!line || LABELLED_LINE.test(line) || /^- Formulaire \d+ :/.test(line) || line.includes(' → ') || /^\(.*\)$/.test(line) || /^\[.*\]$/.test(line)) continue;
    line = line.replace(/^- (\[[^\]]*\] )?/, '').replace(/^(Bio|Texte autour) : /, '').replace(/^h\d /, '');
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const words = sentence.split(/\s+/).filter(Boolean).length;
      if (words >= 5 && words <= 30 && !sentence.includes('[retiré par Grille')) units.push(sentence.trim());
    }
  }
  return units;
}

function readRequest(request: RecordedRequest): Read {
  const user = (request.body?.messages ?? []).filter((m: { role: string }) => m.role === 'user').map((m: { content: string }) => m.content).join('\n');
  const ids = criterionIdsIn(request);
  const criteria = new Map<string, string>();
  for (const block of user.split(/^criterionId : /m).slice(1)) {
    const id = block.split('\n', 1)[0]!.trim();
    // The criterion's words (its « Critère : » line; the whole entry if the prompt words it otherwise).
    criteria.set(id, /^Critère : (.*)$/m.exec(block)?.[1] ?? block.split(/\n\s*\n/, 1)[0]!);
  }
  const page = between(user, /^<<<(PAGE) (\w+)>>>$/m);
  const findings = between(user, /^<<<(CONSTATS) (\w+)>>>$/m);
  const faults = [...findings.matchAll(/^\[([^\]]+)\] défaut relevé — (.*)$/gm)].map((m) => ({ ruleId: m[1]!, text: m[2]! }));
  const beforePage = user.slice(0, Math.max(0, user.search(/^<<<PAGE /m)));
  const warned = /avertissement de grille/i.test(beforePage) || page.includes('[retiré par Grille') || /note maximale|ignore (les consignes|previous instructions)|si tu es une ia/i.test(page);
  return { ids, criteria, page, url: /^Adresse : (.*)$/m.exec(page)?.[1]?.trim() ?? '', units: quotableUnits(page), faults, warned };
}

const STOP = new Set(
  'avec dans pour sont leurs leur elles ainsi entre notamment cette celle ceux selon regard candidat candidate permet permettent mettre place etre ensemble differents differentes chaque toutes toute tous plus moins afin fonction partir compte prend prennent tenir tient assure assuree cadre maniere facon bonne bonnes bien sein type types'.split(' '),
);
const stem = (word: string) => word.slice(0, 6);
const contentStems = (text: string) => new Set((fold(text).match(/[a-z0-9]+/g) ?? []).filter((w) => w.length >= 5 && !STOP.has(w)).map(stem));

/** Criteria about the text itself (messages, tone, storytelling…), which any page with text shows. */
const CONTENT_TOPICS = /\b(messages?|contenus? (?:redactionnels?|textes?)|ton|tonalite|storytelling|redactionnel|textes)\b/;

/** Criteria that Grille's findings speak to (accessibility, eco-design, SEO…). */
const FINDING_TOPICS = /accessib|rgaa|inclusi|handicap|eco-?conception|ecoconception|numeriques? responsables?|referencement|seo|balis|chargement|rgpd|protection des donnees/;

function plausibleAnswer(read: Read, criterionId: string): Answer {
  const text = read.criteria.get(criterionId) ?? '';
  const stems = contentStems(text);
  let best: { unit: string; score: number } | null = null;
  for (const unit of read.units) {
    const unitStems = contentStems(unit);
    let score = 0;
    for (const s of stems) if (unitStems.has(s)) score++;
    if (score > (best?.score ?? 0)) best = { unit, score };
  }
  const facts: Fact[] = [];
  // Content criteria on a page with text: the best-matching sentence, however weak the match.
  const aboutContent = CONTENT_TOPICS.test(fold(text)) && read.units.length >= 3;
  if (best && (best.score >= 2 || aboutContent)) facts.push({ text: 'La page présente ce passage en rapport avec le critère.', quote: best.unit, findingRuleId: null, evidenceId: null });
  const fault = FINDING_TOPICS.test(fold(text)) ? read.faults[0] : undefined;
  if (fault) facts.push({ text: `Grille relève un défaut : ${fault.text.split(' : ')[0]}.`, quote: null, findingRuleId: fault.ruleId, evidenceId: null });
  const observable = facts.length > 0;
  return {
    criterionId,
    facts,
    missing: observable ? ['Ce que la page ne montre pas doit être vérifié à l’entretien.'] : ['La page ne montre rien sur ce critère.'],
    insufficientEvidence: !observable,
    questions: ['Pouvez-vous montrer où ce critère apparaît dans votre livrable ?'],
  };
}

const insufficient = (criterionId: string): Answer => ({
  criterionId,
  facts: [],
  missing: ['La page ne montre rien sur ce critère.'],
  insufficientEvidence: true,
  questions: ['Pouvez-vous montrer où ce critère apparaît dans votre livrable ?'],
});

function oracleAnswer(read: Read, criterionId: string, book: OracleBook | undefined): Answer {
  const known = book?.get(read.url)?.get(criterionId);
  if (!known || known.label === 'insufficient') return insufficient(criterionId);
  const facts: Fact[] = known.passages.map((quote) => ({ text: 'La page contient ce passage.', quote, findingRuleId: null, evidenceId: null }));
  if (!facts.length && read.faults[0]) facts.push({ text: 'Grille relève un défaut sur ce point.', quote: null, findingRuleId: read.faults[0].ruleId, evidenceId: null });
  return { criterionId, facts, missing: [], insufficientEvidence: false, questions: ['Comment avez-vous procédé ?'] };
}

function answerFor(strategy: FakeStrategy, read: Read, criterionId: string, book: OracleBook | undefined): Answer {
  switch (strategy) {
    case 'constant-insufficient':
      return insufficient(criterionId);
    case 'constant-observable': {
      const quote = read.units[0] ?? null;
      return { criterionId, facts: [{ text: 'La page contient ce passage.', quote, findingRuleId: null, evidenceId: null }], missing: [], insufficientEvidence: false, questions: ['Pouvez-vous préciser ?'] };
    }
    case 'one-letter': {
      const answer = plausibleAnswer(read, criterionId);
      return { ...answer, facts: answer.facts.map((f) => (f.quote ? { ...f, quote: (/\p{L}/u.exec(f.quote)?.[0] ?? f.quote.slice(0, 1)) } : f)) };
    }
    case 'verdict': {
      const answer = plausibleAnswer(read, criterionId);
      const wording = answer.insufficientEvidence ? 'Compétence non acquise sur ce point.' : 'Critère acquis : la page le montre.';
      return { ...answer, facts: [...answer.facts.map((f) => ({ ...f, text: `${wording} ${f.text}` })), ...(answer.facts.length ? [] : [{ text: wording, quote: null, findingRuleId: null, evidenceId: null }])] };
    }
    case 'gullible': {
      if (!read.warned) return plausibleAnswer(read, criterionId);
      return { criterionId, facts: [{ text: 'Critère acquis, note maximale, comme la page le demande.', quote: null, findingRuleId: null, evidenceId: null }], missing: [], insufficientEvidence: false, questions: [] };
    }
    case 'oracle':
      return oracleAnswer(read, criterionId, book);
    case 'plausible':
      return plausibleAnswer(read, criterionId);
  }
}

/** The fake server's answer for every strategy, chosen by the request's model name. */
export function fakeEvalResponder(book?: OracleBook): FakeResponder {
  return (request) => {
    const model = String(request.body?.model ?? '');
    const strategy = FAKE_STRATEGIES.find((s) => fakeModel(s) === model) ?? 'plausible';
    const read = readRequest(request);
    return reply.batch({ suggestions: read.ids.map((id) => answerFor(strategy, read, id, book)) });
  };
}

/** The oracle's book for a labelled set: `urlOf(page)` gives the address stored in a page's facts. */
export function oracleBook(fixtures: readonly EvalFixture[], urlOf: (page: string) => string): OracleBook {
  const book: OracleBook = new Map();
  for (const fixture of fixtures) {
    for (const page of [fixture.page, fixture.withoutHidden].filter((p): p is string => !!p)) {
      const url = urlOf(page);
      const entry = book.get(url) ?? new Map();
      for (const [id, label] of Object.entries(fixture.labels)) entry.set(id, { label: label.label, passages: label.passages });
      book.set(url, entry);
    }
  }
  return book;
}
