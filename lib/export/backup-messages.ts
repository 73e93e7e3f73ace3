// Words of the backup, reconciliation and référentiel-import components, French first, shown
// through `pick` (the UI language). Errors from the libraries are French sentences already.
import { pick } from '@/lib/i18n';

type Text = { fr: string; en: string };
const x = (fr: string, en: string): Text => ({ fr, en });
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

export const M = {
  // Backup
  backupTitle: x('Sauvegarde', 'Backup'),
  backupHelp: x(
    'Un fichier JSON avec tout : observations, preuves et captures, décisions, historique. Il se réimporte sur un autre poste sans rien perdre.',
    'A JSON file with everything: observations, evidence and screenshots, decisions, history. It imports on another computer with nothing lost.',
  ),
  exportEvaluation: x('Exporter cette évaluation', 'Export this evaluation'),
  exportAll: x('Tout exporter', 'Export everything'),
  exporting: x('Préparation du fichier…', 'Preparing the file…'),
  importFile: x('Importer une sauvegarde (JSON)', 'Import a backup (JSON)'),
  reading: x('Lecture du fichier…', 'Reading the file…'),
  fileContents: x('Contenu du fichier', 'What the file holds'),
  importConfirm: x('Importer', 'Import'),
  cancel: x('Annuler', 'Cancel'),
  conflictLegend: x('Ces évaluations existent déjà ici. Que faire ?', 'These evaluations already exist here. What should happen?'),
  unnamedCandidate: x('(sans nom)', '(no name)'),
  conflictSkip: x('Les ignorer (garder celles d’ici)', 'Skip them (keep the ones here)'),
  conflictReplace: x('Les remplacer par celles du fichier (l’historique d’ici est gardé)', 'Replace them with the file’s (the history here is kept)'),
  conflictCopy: x('Les importer comme copies', 'Import them as copies'),
  importError: x('Import refusé : rien n’a été modifié.', 'Import refused: nothing was changed.'),
  exportError: x('L’export a échoué.', 'The export failed.'),

  // Référentiel import
  referentielTitle: x('Importer un référentiel', 'Import a référentiel'),
  referentielHelp: x(
    'Au format JSON de Grille, ou en CSV d’après le modèle (une ligne par critère). Une nouvelle version est gardée à côté de l’ancienne : les évaluations en cours gardent la leur.',
    'In Grille’s JSON format, or as CSV following the template (one row per criterion). A new version is kept beside the old one: existing evaluations keep theirs.',
  ),
  referentielFile: x('Fichier du référentiel (JSON ou CSV)', 'Référentiel file (JSON or CSV)'),
  referentielImport: x('Importer ce référentiel', 'Import this référentiel'),
  referentielErrors: x('Le fichier ne peut pas être importé :', 'The file cannot be imported:'),
  optional: x('optionnel', 'optional'),

  // Reconciliation
  reconcileTitle: x('Rapprocher avec un collègue', 'Reconcile with a colleague'),
  reconcileHelp: x(
    'Importez l’export JSON d’un autre juré pour le même candidat : seules les différences s’affichent, critère par critère. Vous choisissez, puis produisez le procès-verbal commun.',
    'Import another juror’s JSON export for the same candidate: only the differences are shown, criterion by criterion. You choose, then produce the joint record.',
  ),
  reconcileFile: x('Export du collègue (JSON)', 'Colleague’s export (JSON)'),
  reconcilePick: x('Évaluation du collègue à comparer', 'Colleague’s evaluation to compare'),
  reconcileNoMatch: x(
    'Aucune évaluation de ce fichier ne porte sur le même candidat et la même certification : choisissez-la vous-même.',
    'No evaluation in this file is about the same candidate and certification: choose it yourself.',
  ),
  reconcileSame: x('Aucune différence : vos deux évaluations concordent.', 'No difference: both evaluations agree.'),
  reconcileVersion: x(
    'Attention : vos deux évaluations n’utilisent pas la même version du référentiel.',
    'Note: the two evaluations do not use the same version of the référentiel.',
  ),
  keep: x('Garder :', 'Keep:'),
  status: x('Statut', 'Status'),
  observation: x('Observation', 'Observation'),
  decision: x('Décision', 'Decision'),
  motivation: x('Motivation', 'Motivation'),
  mine: x('le mien', 'mine'),
  theirs: x('le sien', 'theirs'),
  both: x('les deux', 'both'),
  keptText: x('Texte retenu (modifiable)', 'Text kept (editable)'),
  empty: x('(vide)', '(empty)'),
  evidenceTheirs: x('Ajouter sa preuve', 'Add their evidence'),
  evidenceMine: x('Preuve seulement chez vous', 'Evidence only on your side'),
  otherEvidence: x('Autres preuves du collègue', 'Colleague’s other evidence'),
  decisions: x('Décisions', 'Decisions'),
  produce: x('Produire le procès-verbal commun', 'Produce the joint record'),
  recordAgreement: x('Consigner l’accord au procès-verbal', 'Record the agreement in the jury record'),
  agreementRecorded: x('Rapprochement consigné au procès-verbal : vos deux évaluations concordent.', 'Reconciliation recorded in the jury record: both evaluations agree.'),
  criteriaDiffer: x('Critères qui diffèrent', 'Criteria that differ'),
} satisfies Record<string, Text>;

export const F = {
  summaryCandidates: (n: number) => x(`${n} ${plural(n, 'candidat', 'candidats')}`, `${n} ${plural(n, 'candidate', 'candidates')}`),
  summaryEvaluations: (n: number, names: string) => x(`${n} ${plural(n, 'évaluation', 'évaluations')}${names ? ` : ${names}` : ''}`, `${n} ${plural(n, 'evaluation', 'evaluations')}${names ? `: ${names}` : ''}`),
  summaryReferentiels: (list: string) => x(`Référentiels : ${list || 'aucun'}`, `Référentiels: ${list || 'none'}`),
  summaryEvidence: (n: number, shots: number) => x(`${n} ${plural(n, 'preuve', 'preuves')} dont ${shots} ${plural(shots, 'capture', 'captures')} d’écran`, `${n} evidence items, ${shots} screenshots`),
  summaryExported: (date: string, version: string) => x(`Exporté le ${date} par Grille ${version}`, `Exported on ${date} by Grille ${version}`),
  summaryHeldElsewhere: (evidence: number, audits: number, suggestions: number) => {
    const fr = [
      evidence && `${evidence} ${plural(evidence, 'preuve', 'preuves')}`,
      audits && `${audits} ${plural(audits, 'grille RGAA', 'grilles RGAA')}`,
      suggestions && `${suggestions} ${plural(suggestions, 'suggestion de l’IA', 'suggestions de l’IA')}`,
    ].filter(Boolean);
    const en = [evidence && `${evidence} evidence items`, audits && `${audits} RGAA grids`, suggestions && `${suggestions} AI suggestions`].filter(Boolean);
    return x(
      `Déjà ici, dans une autre évaluation (après un procès-verbal commun ou une copie) : ${fr.join(', ')} de ce fichier. Rien n’est remplacé : l’import leur donne un nouvel identifiant.`,
      `Already here, in another evaluation (after a joint record or a copy): ${en.join(', ')} of this file. Nothing is replaced: the import gives them new ids.`,
    );
  },
  referentielVersion: (title: string, version: number, custom: boolean) => x(`${title} (version ${version}${custom ? ', importé' : ''})`, `${title} (version ${version}${custom ? ', imported' : ''})`),
  exported: (file: string) => x(`Fichier prêt : ${file}`, `File ready: ${file}`),
  exportTooBig: (size: string) =>
    x(
      `Ce fichier fait ${size}, plus que ce qu’un import accepte (200 Mo) : exportez aussi les évaluations une par une.`,
      `This file is ${size}, more than an import accepts (200 MB): also export the evaluations one by one.`,
    ),
  imported: (added: number, replaced: number, copied: number, skipped: number) => {
    const fr = [
      added && `${added} ${plural(added, 'évaluation importée', 'évaluations importées')}`,
      replaced && `${replaced} ${plural(replaced, 'remplacée', 'remplacées')}`,
      copied && `${copied} ${plural(copied, 'copiée', 'copiées')}`,
      skipped && `${skipped} ${plural(skipped, 'ignorée', 'ignorées')}`,
    ].filter(Boolean);
    const en = [added && `${added} imported`, replaced && `${replaced} replaced`, copied && `${copied} copied`, skipped && `${skipped} skipped`].filter(Boolean);
    return x(`Import terminé : ${fr.join(', ') || 'rien à importer'}.`, `Import done: ${en.join(', ') || 'nothing to import'}.`);
  },
  referentielSummary: (id: string, version: number, rncp: string | null) => x(`Identifiant ${id} · version ${version}${rncp ? ` · ${rncp}` : ''}`, `Id ${id} · version ${version}${rncp ? ` · ${rncp}` : ''}`),
  referentielBloc: (code: string, title: string, competencies: number, criteria: number, optional: boolean) =>
    x(
      `Bloc ${code} — ${title}${optional ? ' (optionnel)' : ''} : ${competencies} ${plural(competencies, 'compétence', 'compétences')}, ${criteria} ${plural(criteria, 'critère', 'critères')}`,
      `Bloc ${code} — ${title}${optional ? ' (optional)' : ''}: ${competencies} competencies, ${criteria} criteria`,
    ),
  referentielTotals: (blocs: number, competencies: number, criteria: number) =>
    x(`${blocs} ${plural(blocs, 'bloc', 'blocs')}, ${competencies} ${plural(competencies, 'compétence', 'compétences')}, ${criteria} ${plural(criteria, 'critère', 'critères')}`, `${blocs} blocs, ${competencies} competencies, ${criteria} criteria`),
  referentielAdded: (title: string, version: number, previous: number[]) =>
    x(
      `Référentiel « ${title} » version ${version} importé.${previous.length ? ` ${plural(previous.length, 'La version', 'Les versions')} ${previous.join(', ')} ${plural(previous.length, 'reste disponible', 'restent disponibles')} pour les évaluations qui ${plural(previous.length, "l'utilisent", 'les utilisent')}.` : ''}`,
      `Référentiel “${title}” version ${version} imported.${previous.length ? ` Version(s) ${previous.join(', ')} stay available for the evaluations using them.` : ''}`,
    ),
  referentielUnchanged: (title: string, version: number) => x(`« ${title} » version ${version} est déjà installé, à l’identique.`, `“${title}” version ${version} is already installed, identical.`),
  mineWithValue: (value: string) => x(`le mien : ${value}`, `mine: ${value}`),
  theirsWithValue: (value: string, who: string) => x(`le sien (${who}) : ${value}`, `theirs (${who}): ${value}`),
  /** Not just the bloc's name: the panel already has a region named after the bloc. */
  decisionOn: (target: string) => x(`Décision — ${target}`, `Decision — ${target}`),
  addJurors: (names: string) => x(`Ajouter au jury : ${names}`, `Add to the jury: ${names}`),
  reconciled: (criteria: number, decisions: number, evidence: number, jurors: number) =>
    x(
      `Procès-verbal commun enregistré : ${criteria} ${plural(criteria, 'critère modifié', 'critères modifiés')}, ${decisions} ${plural(decisions, 'décision', 'décisions')}, ${evidence} ${plural(evidence, 'preuve ajoutée', 'preuves ajoutées')}, ${jurors} ${plural(jurors, 'juré ajouté', 'jurés ajoutés')}.`,
      `Joint record saved: ${criteria} criteria changed, ${decisions} decisions, ${evidence} evidence items added, ${jurors} jurors added.`,
    ),
  theirEvaluation: (candidate: string, certification: string, jurors: string) => x(`${candidate || '(sans nom)'} — ${certification}${jurors ? ` — ${jurors}` : ''}`, `${candidate || '(no name)'} — ${certification}${jurors ? ` — ${jurors}` : ''}`),
};

export { pick };
