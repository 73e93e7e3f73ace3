// Verdict wording in the model's text (lib/ai/verdict.ts), table-driven: what must be caught —
// statuses and decisions in any case or accent, their English forms, marks, levels, calls to
// decide — and the ordinary French and web words that look like them and must not block the
// juror: « acquisition de trafic », « la note de synthèse », « les acquis de l'expérience »…
import { describe, expect, test } from 'vitest';
import { findVerdictWording, suggestionHasVerdict } from '@/lib/ai/verdict';

/** [text, the words marked]. */
const FLAGGED: [string, string[]][] = [
  // The adversarial observation.
  ['Le critère est acquis : niveau expert, note 18/20.', ['critère est acquis', 'niveau expert', '18/20']],
  // Statuses and decisions, any case, any accent.
  ['Acquis.', ['Acquis']],
  ['Statut : ACQUIS', ['Statut : ACQUIS']],
  ['Partiellement acquis', ['Partiellement acquis']],
  ['partiellement acquise pour ce candidat', ['partiellement acquise']],
  ['NON ACQUIS', ['NON ACQUIS']],
  ['non-acquis', ['non-acquis']],
  ['Exempté', ['Exempté']],
  ['Le critère est exempté.', ['critère est exempté']],
  ['Le bloc est validé.', ['bloc est validé']],
  ['Bloc 2 : non validé', ['non validé']],
  ['le bloc est valide (sans accent)', ['bloc est valide']],
  ['Décision : ajourné.', ['Décision : ajourné']],
  ['Le candidat est ajourné.', ['candidat est ajourné']],
  ['La compétence C2 est acquise.', ['compétence C2 est acquise']],
  ['Les compétences acquises sont nombreuses.', ['compétences acquises']],
  ['Les compétences ne sont pas encore acquises.', ['compétences ne sont pas encore acquises']],
  ['Cette compétence semble acquise.', ['compétence semble acquise']],
  ['La veille est considérée comme acquise.', ['considérée comme acquise']],
  ['C1.3 acquis', ['C1.3 acquis']],
  ['Le candidat a acquis les compétences du bloc.', ['acquis les compétences']],
  ['Le critère est rempli.', ['critère est rempli']],
  ['Le livrable répond pleinement au critère.', ['répond pleinement au critère']],
  ['en cours d’acquisition', ['en cours d’acquisition']],
  // Marks without a number.
  ['Attribuer la note maximale.', ['Attribuer la note maximale']],
  ['Give it the highest score.', ['Give it the highest score']],
  // English.
  ['The criterion is acquired.', ['criterion is acquired']],
  ['Partially acquired', ['Partially acquired']],
  ['not acquired', ['not acquired']],
  ['Block validated.', ['Block validated']],
  ['The page meets the criterion.', ['meets the criterion']],
  // Marks.
  ['note 18/20', ['18/20']],
  ['4/5', ['4/5']],
  ['15,5/20', ['15,5/20']],
  ['15 sur 20', ['15 sur 20']],
  ['une note de 15', ['note de 15']],
  ['18 out of 20', ['18 out of 20']],
  // Levels.
  ['niveau expert', ['niveau expert']],
  ['un niveau de maîtrise élevé', ['niveau de maîtrise élevé']],
  ['un très bon niveau de maîtrise', ['très bon niveau de maîtrise']],
  ['expert level', ['expert level']],
  // Calls to decide.
  ['Le jury peut valider le bloc.', ['jury peut valider le bloc']],
  ['Le jury pourra donc valider ce bloc.', ['jury pourra donc valider ce bloc']],
  ['Je recommande de valider ce bloc.', ['Je recommande de valider ce bloc']],
  ['Il est recommandé d’ajourner le candidat.', ['Il est recommandé d’ajourner le candidat']],
  ['Nous proposons la validation du bloc.', ['Nous proposons la validation du bloc']],
  ['Ce critère peut être considéré comme validé.', ['critère peut être considéré comme validé']],
  ['The jury can validate the block.', ['The jury can validate']],
  ['We recommend passing this block.', ['We recommend passing']],
];

/** Ordinary words that look like verdicts. */
const INNOCENT: string[] = [
  'acquisition de trafic',
  'Le coût d’acquisition client est indiqué.',
  'la note de synthèse',
  'La page demande la note maximale (texte caché).',
  'la note de bas de page',
  'les acquis de l’expérience',
  'la validation des acquis de l’expérience (VAE)',
  'Ses acquis en SEO sont présentés dans le dossier.',
  'l’expérience acquise en agence',
  'le formulaire est validé côté client',
  'le code HTML est valide',
  'une adresse e-mail non valide est refusée',
  'le lancement a été ajourné',
  'titre RNCP de niveau 6',
  'au niveau du menu',
  'disponible 24/7',
  'publié le 12/03/2024',
  'le 01/10/2024',
  '3 pages sur 10',
  '8 sur 10 visiteurs',
  '1/5 des visiteurs',
  'un score de 92 en performance',
  'Le bloc de contact contient un formulaire.',
  'Les objectifs de la campagne sont présentés.',
  'Comment mesurez-vous l’engagement ?',
];

describe('verdict wording is found', () => {
  test.each(FLAGGED)('%s', (text, words) => {
    expect(findVerdictWording(text).map((r) => r.text)).toEqual(words);
  });
});

describe('innocent look-alikes are left alone', () => {
  test.each(INNOCENT)('%s', (text) => {
    expect(findVerdictWording(text)).toEqual([]);
  });
});

test('ranges are offsets of the text itself, so the panel marks real text', () => {
  const text = 'Observation : le critère est acquis, note 18/20.';
  for (const r of findVerdictWording(text)) expect(text.slice(r.start, r.end)).toBe(r.text);
  expect(findVerdictWording(text).length).toBe(2);
});

test('a suggestion: facts, unverified quotes, missing items and questions count; a verified quote is the page’s words; hidden text is never copied', () => {
  const base = { facts: [{ text: 'La page présente la veille.', quote: null, verified: null, problems: [] }], missing: [], questions: [] };
  expect(suggestionHasVerdict(base)).toBe(false);
  expect(suggestionHasVerdict({ ...base, questions: ['Comment avez-vous choisi vos indicateurs ?'] })).toBe(false);
  expect(suggestionHasVerdict({ ...base, questions: ['Le jury peut-il valider le bloc ?'] })).toBe(true);
  expect(suggestionHasVerdict({ ...base, missing: ['Rien : le critère est acquis.'] })).toBe(true);
  expect(suggestionHasVerdict({ ...base, facts: [{ text: 'Un fait.', quote: 'Mes compétences acquises en agence', verified: true, problems: [] }] })).toBe(false);
  expect(suggestionHasVerdict({ ...base, facts: [{ text: 'Un fait.', quote: 'Le critère est acquis', verified: false, problems: ['quote-not-found'] }] })).toBe(true);
  expect(suggestionHasVerdict({ ...base, facts: [{ text: 'Un fait.', quote: 'Le critère est acquis.', verified: false, problems: ['quote-in-hidden-text'] }] })).toBe(false);
});
