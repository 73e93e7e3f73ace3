// What the juror reads around AI suggestions (panel) and the AI endpoint (options page), French
// first, English beside it; shown through pick() from lib/i18n. Kept here rather than in the
// shared message catalogue: the wording of the AI feature lives in one place.
import type { FactProblem } from './contract';

type L = { fr: string; en: string };
const x = (fr: string, en: string): L => ({ fr, en });
/** Singular for one, plural otherwise — never « suggestion(s) ». */
const pl = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const M = {
  // Panel section
  heading: x("Suggestions d'observations (IA)", 'Suggested observations (AI)'),
  intro: x(
    "Grille peut demander à un modèle d'IA de rédiger, critère par critère, des observations appuyées sur des citations de la page analysée. Vous voyez ce qui sera envoyé avant tout envoi ; chaque citation est vérifiée dans la page ; vous acceptez, modifiez ou rejetez chaque suggestion. L'IA ne propose ni statut ni décision.",
    'Grille can ask an AI model to draft observations, criterion by criterion, backed by quotes from the analysed page. You see what will be sent before anything is sent; every quote is checked against the page; you accept, edit or reject each suggestion. The AI proposes no status and no decision.',
  ),
  loadingConfig: x('Lecture de la configuration de l’IA…', 'Reading the AI setup…'),
  notConfigured: x(
    "Aucun fournisseur d'IA n'est configuré. Pour obtenir des suggestions, indiquez dans les options de Grille un fournisseur compatible OpenAI (OpenAI, Azure OpenAI, Mistral, ou un serveur local comme Ollama ou LM Studio), son adresse, le modèle et votre clé. Tout le reste de Grille fonctionne sans IA.",
    'No AI provider is set up. To get suggestions, give an OpenAI-compatible provider in Grille’s options (OpenAI, Azure OpenAI, Mistral, or a local server such as Ollama or LM Studio), its address, the model and your key. Everything else in Grille works without AI.',
  ),
  openOptions: x('Ouvrir les options de Grille', 'Open Grille’s options'),
  analyseFirst: (button: string): L =>
    x(
      `Analysez d'abord la page du livrable : bouton « ${button} » ci-dessus. Les suggestions s'appuient sur ce que l'analyse a lu dans la page.`,
      `Analyse the deliverable's page first: the “${button}” button above. Suggestions rest on what the analysis read in the page.`,
    ),
  endpoint: (model: string, provider: string): L => x(`Modèle : ${model} (${provider}).`, `Model: ${model} (${provider}).`),
  analysedPage: (url: string): L => x(`Page analysée : ${url}`, `Analysed page: ${url}`),
  wholeBloc: (n: number): L => x(`Suggérer pour tout le bloc (une requête, ${n} critères)`, `Suggest for the whole bloc (one request, ${n} criteria)`),
  perCriterionHint: x('Ou bien « Suggérer » sous un critère, pour ce critère seulement.', 'Or « Suggest » under a criterion, for that criterion only.'),
  suggest: x('Suggérer', 'Suggest'),
  suggestFor: (code: string): L => x(`Suggérer une observation pour ${code} (IA)`, `Suggest an observation for ${code} (AI)`),

  // Preview
  previewHeading: x('Avant l’envoi : ce qui sera envoyé', 'Before sending: what will be sent'),
  previewScopeBloc: (n: number): L => x(`Demande pour tout le bloc : ${n} critères, une seule requête.`, `Request for the whole bloc: ${n} criteria, one request.`),
  previewScopeCriterion: (code: string): L => x(`Demande pour le critère ${code}.`, `Request for criterion ${code}.`),
  previewTokens: (n: string, model: string, provider: string): L =>
    x(`Taille estimée : environ ${n} jetons, envoyés à ${model} (${provider}).`, `Estimated size: about ${n} tokens, sent to ${model} (${provider}).`),
  previewPseudonymised: (n: number): L =>
    x(
      `Pseudonymisation : ${n} ${pl(n, "donnée personnelle (nom, adresse e-mail ou numéro de téléphone) remplacée avant l'envoi, rétablie", "données personnelles (noms, adresses e-mail ou numéros de téléphone) remplacées avant l'envoi, rétablies")} à l'affichage.`,
      `Pseudonymisation: ${n} ${pl(n, 'personal detail (name, e-mail address or phone number)', 'personal details (names, e-mail addresses or phone numbers)')} replaced before sending, restored on display.`,
    ),
  previewNotPseudonymised: x(
    'Pseudonymisation désactivée dans les options : le nom du candidat et ses coordonnées sont envoyés tels quels.',
    'Pseudonymisation is off in the options: the candidate’s name and contact details are sent as they are.',
  ),
  previewMessages: x('Messages envoyés, tels quels', 'Messages sent, exactly'),
  role: (role: string): L => x(role === 'system' ? 'Consignes (system)' : 'Demande et données (user)', role === 'system' ? 'Instructions (system)' : 'Request and data (user)'),
  injectionHeading: (sent: number, withheld: number): L => {
    const n = sent + withheld;
    const fr = `La page contient ${n === 1 ? 'un passage adressé' : `${n} passages adressés`} à une IA ou à un correcteur`;
    const en = `The page holds ${n === 1 ? 'a passage' : `${n} passages`} addressed to an AI or a grader`;
    if (!sent) return x(`${fr} : ${pl(n, "il n'est pas transmis au modèle", 'ils ne sont pas transmis au modèle')}.`, `${en}: ${pl(n, 'it is', 'they are')} not sent to the model.`);
    if (!withheld)
      return x(`${fr} : ${pl(n, 'il est transmis comme donnée', 'ils sont transmis comme données')} du livrable, jamais comme consignes.`, `${en}: ${pl(n, 'it is', 'they are')} sent as the deliverable’s data, never as instructions.`);
    return x(
      `${fr} : ${withheld} ${pl(withheld, "n'est pas transmis", 'ne sont pas transmis')} ; ${sent} ${pl(sent, 'est transmis comme donnée', 'sont transmis comme données')} du livrable, jamais comme consignes.`,
      `${en}: ${withheld} not sent; ${sent} sent as the deliverable’s data, never as instructions.`,
    );
  },
  injectionHiddenWithheld: x('caché aux visiteurs : non transmis', 'hidden from visitors: not sent'),
  injectionHiddenSent: x('non affiché, mais transmis comme donnée du livrable', 'not displayed, but sent as the deliverable’s data'),
  injectionVisible: x('visible dans la page : transmis comme donnée du livrable', 'visible in the page: sent as the deliverable’s data'),
  injectionVisibleWithheld: x('visible dans la page, mais hors de ce qui est transmis', 'visible in the page, but outside what is sent'),
  send: x('Envoyer', 'Send'),
  cancel: x('Annuler', 'Cancel'),
  stop: x('Arrêter', 'Stop'),
  retry: x('Réessayer', 'Try again'),
  running: (n: string): L => x(`Réponse du modèle en cours : ${n} caractères reçus.`, `Model answering: ${n} characters received.`),
  starting: x('Demande envoyée, en attente de la réponse du modèle…', 'Request sent, waiting for the model’s answer…'),
  stopped: x('Demande arrêtée : rien n’a été retenu.', 'Request stopped: nothing was kept.'),
  done: (n: number): L =>
    x(
      `${n} ${pl(n, 'suggestion reçue, à accepter, modifier ou rejeter', 'suggestions reçues, à accepter, modifier ou rejeter')} ci-dessous.`,
      `${n} ${pl(n, 'suggestion', 'suggestions')} received, to accept, edit or reject below.`,
    ),
  missingHeading: (missing: number, asked: number): L =>
    x(
      `Le modèle n'a pas répondu pour ${missing === 1 ? 'un critère' : `${missing} critères`} sur ${asked} demandés :`,
      `The model gave no answer for ${missing} of the ${asked} criteria asked:`,
    ),
  askMissing: (n: number): L => x(n === 1 ? 'Redemander pour le critère manquant' : `Redemander pour les ${n} critères manquants`, n === 1 ? 'Ask again for the missing criterion' : `Ask again for the ${n} missing criteria`),
  previewScopeMissing: (n: number): L =>
    x(
      n === 1 ? 'Nouvelle demande pour le critère resté sans réponse.' : `Nouvelle demande pour les ${n} critères restés sans réponse, une seule requête.`,
      n === 1 ? 'New request for the criterion left unanswered.' : `New request for the ${n} criteria left unanswered, one request.`,
    ),
  unasked: (ids: string): L =>
    x(
      `Le modèle a aussi répondu pour un critère qui n'était pas demandé (${ids}) : référence inventée, réponse écartée.`,
      `The model also answered for a criterion that was not asked (${ids}): an invented reference, set aside.`,
    ),
  doneNone: x('Le modèle n’a renvoyé aucune suggestion.', 'The model returned no suggestion.'),
  noAccess: x(
    "Grille n'a pas l'autorisation de joindre ce fournisseur : acceptez la demande d'accès du navigateur (elle ne sert qu'à appeler le fournisseur que vous avez choisi), puis réessayez.",
    'Grille is not allowed to reach this provider: accept the browser’s access request (it only serves to call the provider you chose), then try again.',
  ),
  storageFailed: x('Les suggestions n’ont pas pu être enregistrées :', 'The suggestions could not be saved:'),

  // Results
  resultsHeading: x('Suggestions reçues', 'Suggestions received'),
  handledHeading: (n: number): L => x(`Suggestions déjà traitées (${n})`, `Suggestions already handled (${n})`),
  criterionHeading: (code: string): L => x(`Critère ${code}`, `Criterion ${code}`),
  flagged: x(
    'À vérifier : au moins un fait pose problème (indiqué à côté du fait). Relisez avant d’accepter.',
    'To check: at least one fact has a problem (shown beside it). Read again before accepting.',
  ),
  verdictHeading: x('Formulation de décision : c’est au jury de décider.', 'Decision wording: it is for the jury to decide.'),
  verdictFound: (words: string): L => x(`Le texte proposé contient : ${words}.`, `The proposed text contains: ${words}.`),
  verdictBlocked: x(
    '« Accepter » n’est pas disponible pour cette suggestion : modifiez d’abord le texte (« Modifier »).',
    '“Accept” is not available for this suggestion: edit the text first (“Edit”).',
  ),
  verdictStill: (words: string): L =>
    x(`Formulation de décision encore présente : ${words}. C’est au jury de décider ; vous pouvez l’enregistrer si c’est la vôtre.`, `Decision wording still present: ${words}. It is for the jury to decide; you may save it if it is yours.`),
  verdictUnchanged: x('Modifiez le texte proposé avant de l’enregistrer.', 'Edit the proposed text before saving it.'),
  insufficient: x('Preuves insuffisantes : la page ne permet pas d’appuyer une observation sur ce critère.', 'Insufficient evidence: the page cannot back an observation on this criterion.'),
  facts: x('Faits observés', 'Observed facts'),
  quoteVerified: x('citation vérifiée dans la page', 'quote verified in the page'),
  quoteHiddenLabel: x('Texte caché aux visiteurs, cité par le modèle (jamais retenu comme preuve) :', 'Text hidden from visitors, quoted by the model (never kept as evidence):'),
  problem: {
    'quote-too-short': x(
      'citation trop courte pour être vérifiée : moins de cinq mots, et ni une phrase, ni un titre, ni une légende entière',
      'quote too short to be verified: fewer than five words, and not a whole sentence, heading or caption',
    ),
    'quote-not-found': x('citation introuvable dans la page (dans le texte transmis au modèle)', 'quote not found in the page (in the text sent to the model)'),
    'quote-in-hidden-text': x('texte caché aux visiteurs : ce n’est pas une preuve', 'text hidden from visitors: not evidence'),
    'quote-with-placeholders': x(
      'citation retrouvée seulement avec les codes de pseudonymisation ([CANDIDAT]…) : à vérifier dans la page',
      'quote found only with the pseudonymisation codes ([CANDIDAT]…): check it in the page',
    ),
    'unknown-finding': x('référence inventée : aucun constat de ce nom dans cette analyse', 'invented reference: no finding of that name in this analysis'),
    'unknown-evidence': x('référence inventée : aucune preuve de ce nom dans cette évaluation', 'invented reference: no evidence item of that name in this evaluation'),
    'no-support': x('aucun appui : ni citation, ni constat, ni preuve', 'no support: no quote, finding or evidence'),
  } satisfies Record<FactProblem, L>,
  findingRef: (title: string): L => x(`Constat de l'analyse : ${title}`, `Analysis finding: ${title}`),
  inventedRef: (kind: 'finding' | 'evidence', id: string): L =>
    kind === 'finding' ? x(`Constat cité : « ${id} »`, `Finding cited: “${id}”`) : x(`Preuve citée : « ${id} »`, `Evidence cited: “${id}”`),
  evidenceRef: x('Preuve jointe à l’évaluation', 'Evidence attached to the evaluation'),
  missing: x('Ce qui manque ou n’est pas observable sur ce livrable', 'What is missing or cannot be observed on this deliverable'),
  questions: x("Questions possibles pour l'oral", 'Possible questions for the oral defence'),
  meta: (model: string, provider: string, prompt: string, date: string): L =>
    x(`Proposée par ${model} (${provider}), prompt ${prompt}, le ${date}.`, `Proposed by ${model} (${provider}), prompt ${prompt}, on ${date}.`),
  tokens: (sent: string, received: string): L => x(`Requête : ${sent} jetons envoyés, ${received} reçus.`, `Request: ${sent} tokens sent, ${received} received.`),
  accept: x('Accepter', 'Accept'),
  edit: x('Modifier', 'Edit'),
  reject: x('Rejeter', 'Reject'),
  acceptFor: (code: string): L => x(`Accepter la suggestion pour ${code}`, `Accept the suggestion for ${code}`),
  editFor: (code: string): L => x(`Modifier la suggestion pour ${code}`, `Edit the suggestion for ${code}`),
  rejectFor: (code: string): L => x(`Rejeter la suggestion pour ${code}`, `Reject the suggestion for ${code}`),
  editLabel: (code: string): L => x(`Texte à enregistrer dans l'observation de ${code}`, `Text to save in the observation of ${code}`),
  editHint: x(
    'Ce texte sera ajouté à la fin de l’observation (après une ligne vide), marquée « rédigée avec l’aide de l’IA ». Votre texte existant est conservé.',
    'This text will be added at the end of the observation (after a blank line), marked “written with the help of AI”. Your existing text is kept.',
  ),
  saveEdit: x("Enregistrer dans l'observation", 'Save in the observation'),
  actionAccepted: (who: string, date: string): L => x(`Acceptée par ${who} le ${date}.`, `Accepted by ${who} on ${date}.`),
  actionEdited: (who: string, date: string): L => x(`Modifiée puis enregistrée par ${who} le ${date}.`, `Edited then saved by ${who} on ${date}.`),
  actionRejected: (who: string, date: string): L => x(`Rejetée par ${who} le ${date}.`, `Rejected by ${who} on ${date}.`),
  someone: x('un juré', 'a juror'),
  savedText: x("Texte enregistré dans l'observation", 'Text saved in the observation'),
  aiAssisted: x("rédigée avec l'aide de l'IA", 'written with the help of AI'),

  // Text that goes into the observation
  textUnverified: x('citation introuvable dans la page', 'quote not found in the page'),
  textProblem: {
    'quote-too-short': x('citation trop courte pour être vérifiée', 'quote too short to be verified'),
    'quote-not-found': x('citation introuvable dans la page', 'quote not found in the page'),
    'quote-in-hidden-text': x('citation écartée : texte caché aux visiteurs', 'quote set aside: text hidden from visitors'),
    'quote-with-placeholders': x('citation non vérifiée : codes de pseudonymisation', 'quote not verified: pseudonymisation codes'),
    'unknown-finding': x('référence inventée', 'invented reference'),
    'unknown-evidence': x('référence inventée', 'invented reference'),
    'no-support': x('sans appui', 'no support'),
  } satisfies Record<FactProblem, L>,
  textInvented: (kind: 'finding' | 'evidence', id: string): L =>
    kind === 'finding' ? x(`référence inventée : constat « ${id} »`, `invented reference: finding “${id}”`) : x(`référence inventée : preuve « ${id} »`, `invented reference: evidence “${id}”`),
  textFinding: (title: string): L => x(`constat : ${title}`, `finding: ${title}`),
  textMissing: (items: string): L => x(`Non observable sur ce livrable : ${items}.`, `Not observable on this deliverable: ${items}.`),
  textInsufficient: x('Preuves insuffisantes sur ce livrable pour ce critère.', 'Insufficient evidence on this deliverable for this criterion.'),

  // Options page
  optionsTitle: x('Grille — options de l’IA', 'Grille — AI options'),
  optionsHeading: x("Suggestions d'observations par IA : votre fournisseur", 'AI-suggested observations: your provider'),
  optionsIntro: x(
    "Grille peut demander à un modèle d'IA compatible OpenAI (OpenAI, Azure OpenAI, Mistral, ou un serveur local comme Ollama ou LM Studio) de rédiger des suggestions d'observations. C'est facultatif : sans fournisseur, tout le reste de Grille fonctionne.",
    'Grille can ask an OpenAI-compatible AI model (OpenAI, Azure OpenAI, Mistral, or a local server such as Ollama or LM Studio) to draft suggested observations. It is optional: without a provider, everything else in Grille works.',
  ),
  optionsPrivacy: [
    x(
      "La clé est la vôtre : elle est enregistrée dans ce navigateur seulement (stockage local de l'extension), jamais exportée ni incluse dans une sauvegarde, jamais écrite dans un journal.",
      'The key is yours: it is stored in this browser only (the extension’s local storage), never exported nor included in a backup, never written to a log.',
    ),
    x(
      "Rien n'est envoyé sans votre clic : avant chaque envoi, le panneau vous montre ce qui sera envoyé et sa taille estimée.",
      'Nothing is sent without your click: before each request, the panel shows you what will be sent and its estimated size.',
    ),
    x(
      "Le navigateur appelle directement le fournisseur choisi (sans serveur intermédiaire de Grille). Pour cela, Grille vous demandera l'accès à l'adresse de ce fournisseur, et à elle seule.",
      'The browser calls the chosen provider directly (no Grille server in between). For that, Grille will ask you for access to this provider’s address, and to it only.',
    ),
  ],
  provider: x('Fournisseur', 'Provider'),
  providerHint: x('Choisir un fournisseur remplit son adresse habituelle.', 'Choosing a provider fills in its usual address.'),
  baseUrl: x('Adresse de base (URL compatible OpenAI)', 'Base URL (OpenAI-compatible)'),
  baseUrlAzure: x(
    'Pour Azure OpenAI : remplacez <ressource> et <déploiement> par les vôtres.',
    'For Azure OpenAI: replace <ressource> and <déploiement> with yours.',
  ),
  model: x('Modèle', 'Model'),
  modelHint: (hint: string): L => x(`Par exemple : ${hint}`, `For example: ${hint}`),
  apiKey: x("Clé d'API", 'API key'),
  apiKeyOptional: x("Clé d'API (facultative pour ce fournisseur)", 'API key (optional for this provider)'),
  apiKeyStored: (masked: string): L =>
    x(`Clé enregistrée : ${masked}. Laissez le champ vide pour la conserver, ou tapez-en une nouvelle pour la remplacer.`, `Key saved: ${masked}. Leave the field empty to keep it, or type a new one to replace it.`),
  showKey: x('Afficher la clé', 'Show the key'),
  hideKey: x('Masquer la clé', 'Hide the key'),
  apiVersion: x('Version d’API Azure (api-version)', 'Azure API version (api-version)'),
  pseudonymise: x("Pseudonymiser avant l'envoi", 'Pseudonymise before sending'),
  pseudonymiseHint: x(
    "Le nom du candidat, les adresses e-mail et les numéros de téléphone sont remplacés par des codes avant l'envoi, puis rétablis à l'affichage. Recommandé.",
    'The candidate’s name, e-mail addresses and phone numbers are replaced by codes before sending, then restored on display. Recommended.',
  ),
  timeout: x("Délai d'attente (secondes)", 'Timeout (seconds)'),
  timeoutHint: x('Entre 5 et 600 secondes : au-delà, la demande est abandonnée.', 'Between 5 and 600 seconds: past it, the request is given up.'),
  connection: x('Connexion', 'Connection'),
  privacy: x('Confidentialité', 'Privacy'),
  save: x('Enregistrer', 'Save'),
  test: x('Tester la connexion', 'Test the connection'),
  clear: x('Effacer', 'Clear'),
  clearConfirm: x('Effacer la configuration et la clé enregistrées dans ce navigateur ?', 'Clear the setup and the key stored in this browser?'),
  saved: x('Configuration enregistrée dans ce navigateur.', 'Setup saved in this browser.'),
  cleared: x('Configuration et clé effacées de ce navigateur.', 'Setup and key cleared from this browser.'),
  testing: x('Test de la connexion en cours…', 'Testing the connection…'),
  testOk: (model: string): L => x(`Connexion réussie : le modèle « ${model} » répond.`, `Connection works: the model “${model}” answers.`),
  denied: (origin: string): L =>
    x(
      `Accès à ${origin} refusé : sans cet accès, le navigateur ne peut pas appeler ce fournisseur. Cliquez de nouveau et acceptez la demande pour l'utiliser.`,
      `Access to ${origin} refused: without it, the browser cannot call this provider. Click again and accept the request to use it.`,
    ),
  savedDenied: (origin: string): L =>
    x(
      `Configuration enregistrée, mais l'accès à ${origin} a été refusé : Grille ne pourra pas appeler ce fournisseur tant que vous ne l'aurez pas accepté (cliquez de nouveau sur « Enregistrer »).`,
      `Setup saved, but access to ${origin} was refused: Grille cannot call this provider until you accept it (click “Save” again).`,
    ),
  fixFields: x('Corrigez les champs signalés :', 'Fix the fields marked:'),
} as const;
