// The RGAA views' UI strings, French first, with English; `pick` (lib/i18n) chooses by the browser's language.
import type { Localized } from '../i18n/localized';
import type { RgaaResult } from '../workspace/types';

export type { Localized };
export { pick } from '../i18n';

const m = (fr: string, en: string): Localized => ({ fr, en });

export const RESULT_LABELS: Record<RgaaResult, Localized> = {
  C: m('Conforme', 'Compliant'),
  NC: m('Non conforme', 'Non-compliant'),
  NA: m('Non applicable', 'Not applicable'),
  NT: m('Non testé', 'Not tested'),
};

export const MSG = {
  automatedHeading: m('Test automatique RGAA (axe-core)', 'Automated RGAA test (axe-core)'),
  automatedIntro: m(
    'Résultats des règles d’axe-core rattachées au RGAA 4.1.2, regroupés par critère. Un test automatique ne couvre qu’une partie de chaque critère : il ne remplace pas l’examen du juré.',
    'Results of the axe-core rules mapped to RGAA 4.1.2, grouped by criterion. An automated test covers only part of each criterion: it does not replace the juror’s review.',
  ),
  automatedNone: m('Le test automatique n’a pas été lancé sur cette page.', 'The automated test has not been run on this page.'),
  groupFail: m('Non conforme', 'Non-compliant'),
  groupReview: m('À vérifier par le juré', 'For the juror to check'),
  groupPass: m('Conforme sur ce qui a été testé', 'Compliant on what was tested'),
  groupEmpty: m('Aucun critère.', 'No criterion.'),
  highlight: m('Surligner dans la page', 'Highlight in the page'),
  elements: m('Éléments concernés', 'Elements concerned'),
  criterion: (n: string) => m(`critère ${n}`, `criterion ${n}`),
  officialText: m('Texte officiel du critère', 'Official text of the criterion'),

  gridHeading: m('Grille RGAA 4.1.2', 'RGAA 4.1.2 grid'),
  gridPage: (title: string, url: string) => m(`Page auditée : ${title || url}`, `Audited page: ${title || url}`),
  presetLegend: m('Périmètre de l’audit', 'Audit scope'),
  presetFull: m('Audit complet — 106 critères', 'Full audit — 106 criteria'),
  presetQuick: m('Audit rapide — 25 critères', 'Quick audit — 25 criteria'),
  resultOf: (n: string) => m(`Résultat — critère ${n}`, `Result — criterion ${n}`),
  commentOf: (n: string) => m(`Commentaire — critère ${n}`, `Comment — criterion ${n}`),
  proposed: m('proposé par le test automatique', 'proposed by the automated test'),
  applyProposals: m('Appliquer les propositions du test automatique (non-conformités seulement)', 'Apply the automated test’s proposals (non-compliances only)'),
  proposalsHint: (n: number) =>
    m(
      n === 0
        ? 'Aucune proposition à appliquer : le test automatique ne propose que des non-conformités, jamais « Conforme », et ne remplace pas une saisie du juré.'
        : `${n} non-conformité${n > 1 ? 's' : ''} proposée${n > 1 ? 's' : ''} par le test automatique, sur des critères que le juré n’a pas encore renseignés. Le test ne propose jamais « Conforme ».`,
      n === 0
        ? 'No proposal to apply: the automated test only proposes non-compliances, never « Compliant », and never replaces a juror’s entry.'
        : `${n} non-compliance${n > 1 ? 's' : ''} proposed by the automated test, on criteria the juror has not filled yet. The test never proposes « Compliant ».`,
    ),
  proposalsApplied: (n: number) => m(`${n} proposition${n > 1 ? 's' : ''} appliquée${n > 1 ? 's' : ''}.`, `${n} proposal${n > 1 ? 's' : ''} applied.`),
  counts: (c: number, nc: number, na: number, nt: number) => m(`${c} C · ${nc} NC · ${na} NA · ${nt} NT`, `${c} C · ${nc} NC · ${na} NA · ${nt} NT`),
  countsLong: (c: number, nc: number, na: number, nt: number) =>
    m(`${c} conforme(s), ${nc} non conforme(s), ${na} non applicable(s), ${nt} non testé(s)`, `${c} compliant, ${nc} non-compliant, ${na} not applicable, ${nt} not tested`),
  rateHeading: m('Taux de conformité', 'Conformity rate'),
  rate: (percent: string) => m(`Taux de conformité : ${percent} %`, `Conformity rate: ${percent}%`),
  rateNone: m('Taux de conformité : non calculable (aucun critère conforme ou non conforme).', 'Conformity rate: cannot be computed (no compliant or non-compliant criterion).'),
  rateFormula: (c: number, nc: number) =>
    m(
      `Formule du RGAA : critères conformes ÷ (conformes + non conformes) = ${c} ÷ (${c} + ${nc}), sur les critères renseignés par le juré de cette grille ; les critères non applicables et non testés sont exclus.`,
      `RGAA formula: compliant criteria ÷ (compliant + non-compliant) = ${c} ÷ (${c} + ${nc}), over the criteria the juror filled in this grid; not applicable and not tested criteria are excluded.`,
    ),
  source: m('Source : RGAA 4.1.2, DINUM, Licence Ouverte 2.0', 'Source: RGAA 4.1.2, DINUM, Licence Ouverte 2.0 (Open Licence)'),
  saved: m('Enregistré', 'Saved'),
};
