// Words of the exported documents and of the export buttons, French first. Documents take their
// language as a parameter (French by default: the record is an official French document, and
// the référentiel's wording is French); the buttons follow the UI language through `pick`.
// Status and decision labels repeat public/_locales/*/messages.json word for word.
import { pick } from '@/lib/i18n';
import type { Outcome } from '@/lib/checks/types';
import type { AssessmentStatus, BlocDecision, CompetencyDecision, EvaluationMode } from '@/lib/workspace/types';

export type Lang = 'fr' | 'en';
export type Text = { fr: string; en: string };

const x = (fr: string, en: string): Text => ({ fr, en });

export const STATUS_LABELS: Record<AssessmentStatus, Text> = {
  'non-evalue': x('Non évalué', 'Not assessed'),
  acquis: x('Acquis', 'Acquired'),
  'partiellement-acquis': x('Partiellement acquis', 'Partly acquired'),
  'non-acquis': x('Non acquis', 'Not acquired'),
  exempte: x('Exempté', 'Exempted'),
};

export const DECISION_LABELS: Record<BlocDecision | CompetencyDecision, Text> = {
  valide: x('Validé', 'Validated'),
  'non-valide': x('Non validé', 'Not validated'),
  ajourne: x('Ajourné / à compléter', 'Deferred / to complete'),
  acquise: x('Acquise', 'Acquired'),
  'non-acquise': x('Non acquise', 'Not acquired'),
  'a-completer': x('À compléter', 'To complete'),
};

export const OUTCOME_LABELS: Record<Outcome, Text> = {
  fail: x('Défaut constaté', 'Fault observed'),
  review: x('À vérifier par le juré', 'For the juror to check'),
  pass: x('Correct sur ce qui a été testé', 'Fine on what was tested'),
  info: x('Mesure', 'Measure'),
  inapplicable: x('Non applicable', 'Not applicable'),
};
/** RGAA wording for fail / pass, as the panel shows it. */
export const RGAA_OUTCOME_LABELS: Partial<Record<Outcome, Text>> = {
  fail: x('Non conforme', 'Not compliant'),
  pass: x('Conforme sur ce qui a été testé', 'Compliant on what was tested'),
};

export const MODE_LABELS: Record<EvaluationMode, Text> = {
  jury: x('Jury de certification (décisions motivées)', 'Certification jury (motivated decisions)'),
  tuteur: x('Tuteur : pré-évaluation formative, sans décision', 'Tutor: formative pre-review, no decision'),
};

/** Strings of the documents. */
export const DOC = {
  recordTitle: { jury: x("Procès-verbal d'évaluation", 'Evaluation record'), tuteur: x('Grille de pré-évaluation (tuteur)', 'Pre-review grid (tutor)') },
  feedbackTitle: x('Retour au candidat', 'Feedback to the candidate'),
  certification: x('Certification', 'Certification'),
  rncp: x('Code RNCP', 'RNCP code'),
  noRncp: x('non indiqué', 'not stated'),
  rncpByJury: x('indiqué par le jury, absent du référentiel', 'entered by the jury, not stated in the référentiel'),
  referentiel: x('Référentiel', 'Référentiel'),
  version: (v: number) => x(`version ${v}`, `version ${v}`),
  versionMismatch: (used: number, loaded: number) =>
    x(
      `évaluation faite sur la version ${used} ; textes ci-dessous tirés de la version ${loaded} chargée dans Grille`,
      `evaluated against version ${used}; texts below taken from version ${loaded} loaded in Grille`,
    ),
  candidate: x('Candidat', 'Candidate'),
  mode: x('Cadre', 'Setting'),
  opened: x('Évaluation ouverte le', 'Evaluation opened on'),
  lastChange: x('Dernière modification le', 'Last changed on'),
  produced: x('Document établi le', 'Document produced on'),
  deliverables: x('Livrables examinés', 'Deliverables examined'),
  jury: { jury: x('Membres du jury', 'Jury members'), tuteur: x('Tuteurs', 'Tutors') },
  member: { jury: x('Membre du jury', 'Jury member'), tuteur: x('Tuteur', 'Tutor') },
  quality: x('Qualité', 'Capacity'),
  external: x("externe à l'organisme de formation", 'external to the training organisation'),
  internal: x("interne à l'organisme de formation", 'internal to the training organisation'),
  externalShort: x('externe', 'external'),
  internalShort: x('interne', 'internal'),
  noMembers: x('Aucun membre renseigné.', 'No member recorded.'),
  signature: x('Signature : ________________________', 'Signature: ________________________'),
  signatures: x('Signatures', 'Signatures'),
  signatureColumn: x('Signature', 'Signature'),
  bloc: (code: string, title: string) => x(`Bloc ${code} — ${title}`, `Bloc ${code} — ${title}`),
  optionalBloc: x('bloc optionnel', 'optional bloc'),
  modalities: x("Modalités d'évaluation", 'Evaluation modalities'),
  production: x('Production attendue', 'Expected production'),
  covers: x('Compétences', 'Competencies'),
  wholeBloc: x('tout le bloc', 'the whole bloc'),
  noOwnCriteria: x('Aucun critère propre : voir les critères communs ci-dessous.', 'No criterion of its own: see the shared criteria below.'),
  blocCriteria: x('Critères communs au bloc', 'Criteria of the whole bloc'),
  criteriaOf: (codes: string) => x(`Critères communs à ${codes}`, `Criteria shared by ${codes}`),
  gap: x('passage perdu à la conversion du référentiel', 'passage lost when the référentiel was converted'),
  gapText: x('texte saisi par le jury', 'text entered by the jury'),
  status: x('Statut', 'Status'),
  exemptionReason: x("Raison de l'exemption", 'Reason for the exemption'),
  observation: x('Observation', 'Observation'),
  aiAssisted: x("rédigée avec l'aide de l'IA", 'written with the help of AI'),
  noObservation: x('Pas d’observation.', 'No observation.'),
  evidence: x('Preuves', 'Evidence'),
  evidenceNo: (n: number) => x(`Preuve n° ${n}`, `Evidence #${n}`),
  quote: x('Citation', 'Quote'),
  screenshot: x("Capture d'écran", 'Screenshot'),
  link: x('Lien', 'Link'),
  finding: x('Constat', 'Finding'),
  seenOn: x('vue sur', 'seen on'),
  capturedAt: x('capturée le', 'captured on'),
  analyzedAt: x('analysée le', 'analysed on'),
  caption: x('Légende du juré', "Juror's caption"),
  shownAbove: (n: number) => x(`capture reproduite plus haut (preuve n° ${n})`, `screenshot shown above (evidence #${n})`),
  imageUnreadable: (mime: string) => x(`image non intégrable (${mime || 'type inconnu'}) : voir la sauvegarde JSON`, `image not embeddable (${mime || 'unknown type'}): see the JSON backup`),
  screenshotAlt: (n: number, title: string) => x(`Capture d'écran n° ${n} : ${title}`, `Screenshot #${n}: ${title}`),
  unattached: x('Preuves non rattachées à un critère évalué', 'Evidence not attached to an assessed criterion'),
  counts: x('Bilan des critères', 'Criteria summary'),
  decision: { jury: x('Décision du jury', 'Jury decision'), tuteur: x('Retour du tuteur', "Tutor's feedback") },
  competencyDecision: { jury: x('Décision sur la compétence', 'Decision on the competency'), tuteur: x('Retour sur la compétence', 'Feedback on the competency') },
  noDecision: { jury: x('Décision non renseignée.', 'No decision recorded.'), tuteur: x('Pas de retour rédigé.', 'No feedback written.') },
  motivation: { jury: x('Motivation', 'Motivation'), tuteur: x('Retour', 'Feedback') },
  decidedBy: x('par', 'by'),
  decidedOn: x('le', 'on'),
  finalNote: {
    jury: x(
      'Les statuts, observations et décisions consignés dans ce procès-verbal sont ceux du jury, qui en est seul responsable. Grille ne prend aucune décision : les constats automatiques qui y figurent sont des faits relevés sur les pages, à apprécier par le jury.',
      'The statuses, observations and decisions recorded here are the jury’s, who alone is responsible for them. Grille makes no decision: the automatic findings shown are facts observed on the pages, for the jury to weigh.',
    ),
    tuteur: x(
      'Ce document est une pré-évaluation formative rédigée par le tuteur : il ne vaut pas décision de certification, qui appartient au seul jury.',
      'This document is a formative pre-review written by the tutor: it is not a certification decision, which belongs to the jury alone.',
    ),
  },
  // The juror's RGAA audits (results are labelled with lib/rgaa/messages' RESULT_LABELS).
  rgaaAudit: x("Audit d'accessibilité (RGAA 4.1.2)", 'Accessibility audit (RGAA 4.1.2)'),
  rgaaPageUrl: x('Adresse de la page', 'Page address'),
  rgaaRate: x('Taux de conformité', 'Conformity rate'),
  rgaaRateValue: (percent: string, c: number, nc: number) => x(`${percent} % (${c} ÷ (${c} + ${nc}))`, `${percent}% (${c} ÷ (${c} + ${nc}))`),
  rgaaRateNone: x('non calculable (aucun critère conforme ou non conforme)', 'cannot be computed (no compliant or non-compliant criterion)'),
  rgaaNote: {
    jury: x(
      "Comme le définit le RGAA, le taux de conformité ne porte que sur les critères testés : conformes ÷ (conformes + non conformes), les critères non applicables et non testés étant exclus. L'analyse automatique ne propose que des non-conformités, que le juré a confirmées ou non : celles qu'il n'a pas revues sont signalées comme telles.",
      'As the RGAA defines it, the conformity rate covers only the criteria tested: compliant ÷ (compliant + non-compliant), not applicable and not tested criteria being excluded. The automated analysis only proposes non-compliances, which the juror confirmed or not: those not reviewed are marked as such.',
    ),
    tuteur: x(
      "Comme le définit le RGAA, le taux de conformité ne porte que sur les critères testés : conformes ÷ (conformes + non conformes), les critères non applicables et non testés étant exclus. L'analyse automatique ne propose que des non-conformités, que le tuteur a confirmées ou non : celles qu'il n'a pas revues sont signalées comme telles.",
      'As the RGAA defines it, the conformity rate covers only the criteria tested: compliant ÷ (compliant + non-compliant), not applicable and not tested criteria being excluded. The automated analysis only proposes non-compliances, which the tutor confirmed or not: those not reviewed are marked as such.',
    ),
  },
  rgaaCriteria: x('Critères évalués ou commentés', 'Criteria assessed or commented'),
  rgaaAutomated: x("proposé par l'analyse automatique, non revu", 'proposed by the automated analysis, not reviewed'),
  rgaaComment: x('Commentaire', 'Comment'),
  // Feedback
  feedbackTo: (name: string) => x(`À l'attention de ${name}`, `For ${name}`),
  feedbackIntro: {
    jury: x(
      'Voici, compétence par compétence, ce que le jury a relevé dans votre travail : vos points forts et ce qu’il vous reste à travailler.',
      'Here is, competency by competency, what the jury noted in your work: your strengths and what remains to work on.',
    ),
    tuteur: x(
      'Voici, compétence par compétence, le retour de votre tuteur sur votre travail avant le jury : vos points forts et ce qu’il vous reste à travailler.',
      'Here is, competency by competency, your tutor’s feedback on your work before the jury: your strengths and what remains to work on.',
    ),
  },
  strengths: x('Points forts', 'Strengths'),
  toWorkOn: x('À travailler', 'To work on'),
  exempted: x('Exemptés', 'Exempted'),
  notEvaluated: x('Non évalués à ce stade', 'Not assessed yet'),
  nothingYet: x('Aucun critère évalué pour cette compétence.', 'No criterion assessed for this competency.'),
  blocFeedback: { jury: x('Décision du jury sur le bloc', "The jury's decision on the bloc"), tuteur: x('Retour du tuteur sur le bloc', "Tutor's feedback on the bloc") },
  feedbackNote: {
    jury: x('Ce retour reprend les observations du jury. Le procès-verbal signé fait foi.', 'This feedback repeats the jury’s observations. The signed record prevails.'),
    tuteur: x('Ce retour est formatif : il ne préjuge pas de la décision du jury.', 'This feedback is formative: it does not prejudge the jury’s decision.'),
  },
  page: (n: number, total: number) => x(`Page ${n} / ${total}`, `Page ${n} of ${total}`),
};

/** The columns both session summaries start with (lib/export/csv.ts, evaluationColumns). */
const EVALUATION_COLUMNS = [
    x("Identifiant de l'évaluation", 'Evaluation id'),
    x('Candidat', 'Candidate'),
    x('Certification', 'Certification'),
    x('Code RNCP', 'RNCP code'),
    x('Version du référentiel', 'Référentiel version'),
    x('Cadre', 'Setting'),
];

/** Column headers of the session summaries. */
export const CSV_HEADERS = {
  criteria: [
    ...EVALUATION_COLUMNS,
    x('Bloc', 'Bloc'),
    x('Intitulé du bloc', 'Bloc title'),
    x('Compétences', 'Competencies'),
    x('Code du critère', 'Criterion code'),
    x('Identifiant du critère', 'Criterion id'),
    x('Critère', 'Criterion'),
    x('Statut', 'Status'),
    x("Raison de l'exemption", 'Reason for the exemption'),
    x('Observation', 'Observation'),
    x("Rédigée avec l'aide de l'IA", 'Written with AI help'),
    x('Preuves', 'Evidence'),
    x('Saisi par', 'Entered by'),
    x('Saisi le', 'Entered on'),
  ],
  blocs: [
    ...EVALUATION_COLUMNS,
    x('Jury', 'Jury'),
    x('Bloc', 'Bloc'),
    x('Intitulé du bloc', 'Bloc title'),
    x('Critères', 'Criteria'),
    x('Acquis', 'Acquired'),
    x('Partiellement acquis', 'Partly acquired'),
    x('Non acquis', 'Not acquired'),
    x('Exemptés', 'Exempted'),
    x('Non évalués', 'Not assessed'),
    x('Décision', 'Decision'),
    x('Motivation ou retour', 'Motivation or feedback'),
    x('Décidé par', 'Decided by'),
    x('Décidé le', 'Decided on'),
  ],
  yes: x('oui', 'yes'),
  no: x('non', 'no'),
  modeShort: { jury: x('jury', 'jury'), tuteur: x('tuteur', 'tutor') } as Record<EvaluationMode, Text>,
};

/** Words of the export buttons (components/export-actions.tsx). */
export const UI = {
  group: x('Exports', 'Exports'),
  recordDocx: x('Procès-verbal (DOCX)', 'Record (DOCX)'),
  recordPdf: x('Procès-verbal (PDF)', 'Record (PDF)'),
  feedbackDocx: x('Retour au candidat (DOCX)', 'Feedback to the candidate (DOCX)'),
  feedbackPdf: x('Retour au candidat (PDF)', 'Feedback to the candidate (PDF)'),
  feedbackMd: x('Retour au candidat (Markdown)', 'Feedback to the candidate (Markdown)'),
  sessionCriteria: x('Synthèse de session (CSV) — critères', 'Session summary (CSV) — criteria'),
  sessionBlocs: x('Synthèse de session (CSV) — blocs et décisions', 'Session summary (CSV) — blocs and decisions'),
  sessionHint: x(
    'Pour Excel en français et LibreOffice : UTF-8, séparateur point-virgule. Un fichier par critère, un autre par bloc avec la décision.',
    'For Excel (French) and LibreOffice: UTF-8, semicolon separator. One file per criterion, another per bloc with the decision.',
  ),
  busy: (what: string) => x(`Préparation : ${what}…`, `Preparing: ${what}…`),
  done: (file: string) => x(`Fichier prêt : ${file} (voir vos téléchargements).`, `File ready: ${file} (see your downloads).`),
  failed: (what: string, why: string) => x(`L'export « ${what} » a échoué : ${why}`, `The export “${what}” failed: ${why}`),
  empty: x("Aucune évaluation à exporter pour l'instant.", 'No evaluation to export yet.'),
  evaluationGroup: x('Procès-verbal et retour au candidat', 'Record and feedback to the candidate'),
  sessionGroup: x('Synthèse de session', 'Session summary'),
  unexpected: (message: string) => x(`erreur inattendue (${message}).`, `unexpected error (${message}).`),
};

export const tr = (text: Text, lang: Lang): string => text[lang] || text.fr;
/** « Statut : » in French (a space before the colon), « Status: » in English. */
export const sep = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');
export const end = (lang: Lang) => (lang === 'fr' ? ' :' : ':');
/** A UI string in the browser's language. */
export const ui = (text: Text): string => pick(text);
