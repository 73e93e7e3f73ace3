// A heavy jury season, deterministic from a seed: candidates, one evaluation each, every
// criterion assessed with a French observation, evidence and bloc decisions — written as the
// list of actions a juror performs (the script), which either Grille's own functions replay one
// by one (`replay`) or `simulate` turns into the rows those functions would have written, for a
// bulk load in big transactions. bench/workspace.mjs checks that both give the same rows.
import { commitObservations, observationWords, saveObservation, setStatus } from '../../lib/workspace/assessments';
import type { WorkspaceDb } from '../../lib/workspace/db';
import { setDecision, type DecisionInput } from '../../lib/workspace/decisions';
import { createEvaluation, type NewEvaluation } from '../../lib/workspace/evaluations';
import { addEvidence, type NewEvidence } from '../../lib/workspace/evidence';
import type { Change } from '../../lib/workspace/history';
import type {
  AssessmentRow,
  AssessmentStatus,
  CandidateRow,
  DecisionRow,
  EvaluationRow,
  EvidenceRow,
  HistoryRow,
} from '../../lib/workspace/types';

// --- seeded PRNG (sfc32) ---------------------------------------------------------------------
export type Rng = () => number;
export function rng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = 1 ^ seed;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const chance = (r: Rng, p: number) => r() < p;
/** Fisher–Yates: a shuffle by `sort(() => r() - 0.5)` calls r() a varying number of times in V8, breaking determinism. */
const shuffled = <T>(r: Rng, xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
/** A UUID-shaped id from the PRNG, so the simulated rows are the same on every run. */
const uuid = (r: Rng) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};

// --- vocabulary: a digital-marketing jury's observations -------------------------------------
const FIRST = ['Camille', 'Léa', 'Manon', 'Inès', 'Chloé', 'Zoé', 'Jade', 'Louise', 'Élodie', 'Anaïs', 'Sarah', 'Yasmine', 'Clémence', 'Océane', 'Maëlys', 'Noémie',
  'Lucas', 'Hugo', 'Théo', 'Nathan', 'Mathis', 'Enzo', 'Karim', 'Mehdi', 'Bastien', 'Jérémy', 'Loïc', 'Antoine', 'Rayan', 'Quentin', 'Maxime', 'François'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia',
  'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Benali',
  'Nguyen', 'Haddad', 'Da Silva', 'Perrin', 'Chevalier', 'Gauthier', 'Rousseau', 'Blanchard', 'Brunet', 'Le Gall'];
const JURORS = ['Nadia Benali', 'Olivier Marchand', 'Sophie Castel', 'Julien Ferrand', 'Agnès Lemoine', 'Pierre-Yves Caradec', 'Fatima Ouali', 'Hélène Roy'];
const SUBJECTS = [
  'la stratégie de contenu', 'le calendrier éditorial', 'l’audit SEO du site', 'le tunnel de conversion', 'la charte éditoriale', 'le benchmark concurrentiel',
  'la campagne d’emailing', 'les fiches produits', 'le persona principal', 'le brief créatif', 'le tableau de bord des KPI', 'la stratégie d’influence',
  'le parcours client', 'la page d’atterrissage', 'la campagne Google Ads', 'la campagne Meta Ads', 'la ligne éditoriale Instagram', 'la présence sur LinkedIn',
  'le plan de communication', 'le budget média', 'la veille concurrentielle', 'le netlinking', 'l’arborescence du site', 'le maillage interne',
  'la stratégie social media', 'le community management', 'la newsletter mensuelle', 'le plan de marquage Google Analytics 4', 'la recommandation stratégique',
  'le rétroplanning', 'la gestion de projet', 'l’analyse SWOT', 'le positionnement de la marque', 'la plateforme de marque', 'le storytelling',
  'la conformité RGPD', 'l’accessibilité RGAA', 'le cahier des charges', 'la boutique WooCommerce', 'la fiche Google Business Profile',
];
const OPENERS = ['Concernant', 'Sur', 'Pour', 'Dans'];
const ACTORS = ['le candidat', 'la candidate', 'le livrable', 'le dossier', 'la soutenance'];
const FINDINGS = [
  'montre une démarche structurée et argumentée',
  'justifie ses choix par des données chiffrées issues de Google Analytics 4',
  's’appuie sur un benchmark de plusieurs concurrents directs',
  'reste trop descriptif et ne formule pas de recommandation',
  'présente des objectifs SMART cohérents avec la cible',
  'fait preuve d’une bonne maîtrise des outils de social listening',
  'identifie correctement les leviers d’acquisition payants et organiques',
  'ne précise pas les indicateurs de performance retenus',
  'propose un ciblage pertinent mais peu segmenté',
  'mobilise les bonnes pratiques de rédaction web et d’optimisation on-page',
  'articule clairement notoriété, considération et conversion',
  'confond encore taux de clics et taux de conversion',
  'démontre une compréhension fine du parcours d’achat omnicanal',
  'expose un rétroplanning réaliste avec des jalons identifiés',
  'détaille le budget par levier sans justifier la répartition',
  'intègre les contraintes juridiques (RGPD, droit à l’image, mentions légales)',
  'présente des visuels soignés et conformes à la charte graphique',
  'analyse les statistiques d’engagement sans les comparer au secteur',
  'a su répondre avec précision aux questions du jury',
  'adapte le ton de la marque à chaque réseau social',
  'utilise {tool} avec aisance pour piloter ses actions',
  'relie les choix éditoriaux aux attentes de la cible de {brand}',
  'compare la stratégie de {brand} aux pratiques du secteur {sector}',
  'présente une analyse de la concurrence locale à {city} trop sommaire',
  'automatise le suivi des leads dans {tool} de façon convaincante',
  'argumente la priorisation des canaux au regard des moyens de l’entreprise',
  'manque de recul sur les résultats obtenus pendant l’alternance',
  'distingue clairement cibles principale, secondaire et relais d’opinion',
];
const DETAILS = [
  'Le taux d’engagement annoncé ({n} %) n’est pas mis en perspective avec la moyenne du secteur.',
  'Les personas sont crédibles mais insuffisamment exploités dans le ciblage des campagnes.',
  'Le coût par acquisition estimé à {n} € paraît optimiste au regard du panier moyen.',
  'La recommandation s’appuie sur un audit de {n} pages, ce qui est suffisant pour un site de cette taille.',
  'Les captures d’écran du compte Instagram montrent une publication régulière, environ {n} posts par mois.',
  'Le taux d’ouverture de la newsletter ({n} %) est correctement analysé, les tests A/B le sont moins.',
  'Le référencement naturel est traité avec méthode : mots-clés, balises title, maillage et vitesse de chargement.',
  'La cohérence entre les messages publicitaires et la page d’atterrissage est à améliorer.',
  'Le candidat cite {n} sources de veille, dont des études sectorielles récentes.',
  'Les contenus vidéo courts (Reels, TikTok) sont bien exploités pour la notoriété.',
  'Le tableau de bord distingue utilement les KPI de notoriété, d’engagement et de conversion.',
  'La démarche d’éco-conception et de sobriété numérique est évoquée mais pas mise en œuvre.',
  'Les mentions légales et la politique de cookies sont incomplètes sur le site présenté.',
  'Le choix des influenceurs (micro-influence, {n} k abonnés en moyenne) est argumenté.',
  'La gestion des commentaires négatifs fait l’objet d’une procédure de modération claire.',
  'L’analyse du retour sur investissement reste qualitative faute de données de vente.',
  'Le reporting mensuel réalisé sous {tool} est lisible et partagé avec la direction de {brand}.',
  'La segmentation de la base clients ({n} 000 contacts) repose sur des critères RFM pertinents.',
  'Le positionnement prix de {brand} face aux acteurs du secteur {sector} est bien documenté.',
  'Les campagnes locales à {city} ont généré {n} % de trafic supplémentaire en magasin.',
  'La refonte de la page d’accueil a fait baisser le taux de rebond de {n} points.',
  'Le candidat évoque l’usage de l’IA générative pour la rédaction, sans préciser de relecture humaine.',
  'Les visuels produits sous {tool} respectent la charte mais manquent de déclinaisons mobiles.',
  'Le plan média combine SEA, display et social ads avec un budget de {n} 000 €.',
  'La mesure de la satisfaction client (NPS de {n}) est exploitée pour ajuster l’offre.',
  'Le calendrier tient compte des temps forts commerciaux : soldes, Black Friday, fêtes de fin d’année.',
];
const ADVICE = [
  'À approfondir : le suivi des conversions et l’attribution multicanale.',
  'Il serait utile de présenter un tableau de bord des KPI avec des objectifs chiffrés.',
  'Point à vérifier lors de la soutenance.',
  'Éléments présents dans le dossier professionnel, p. {n}.',
  'Critère observé sur le livrable en ligne le jour du jury.',
  'Le jury recommande de compléter par un plan d’action à trois mois.',
  'Preuve à joindre : capture du tableau de bord Google Analytics.',
  'Bonne prise de recul sur les limites de la stratégie proposée.',
  'Attention à l’orthographe et à la syntaxe dans les publications.',
  'Échange constructif avec le jury sur les perspectives d’évolution.',
  'Voir l’annexe {n} du dossier (tableau de bord {tool}).',
  'Critère partiellement démontré : les preuves portent sur un seul canal.',
];
const BRANDS = ['Atelier Brume', 'Maison Lumen', 'Café Sillon', 'Verdure & Co', 'Les Toiles d’Anaïs', 'Biscuiterie Morvan', 'Cycles Ardoise', 'Opticien Clair', 'Fromagerie Dubreuil',
  'Studio Pixel Ouest', 'Brasserie du Quai', 'Kinésport', 'Librairie Paragraphe', 'Immo Littoral', 'Savonnerie Azur', 'Garage Méca+', 'Crèche Les Lutins', 'Domaine de Ravel'];
const TOOLS = ['Google Analytics 4', 'Looker Studio', 'Semrush', 'Ahrefs', 'HubSpot', 'Brevo', 'Mailchimp', 'Canva', 'Figma', 'Hootsuite', 'Metricool', 'Meta Business Suite',
  'Google Tag Manager', 'Matomo', 'Notion', 'Trello', 'Airtable', 'Zapier', 'WordPress', 'PrestaShop', 'Shopify', 'Screaming Frog', 'Agorapulse', 'Typeform'];
const SECTORS = ['agroalimentaire', 'cosmétique', 'tourisme', 'immobilier', 'prêt-à-porter', 'ameublement', 'santé', 'sport', 'restauration', 'culture', 'automobile', 'formation'];
const CITIES = ['Rennes', 'Nantes', 'Lyon', 'Lille', 'Bordeaux', 'Montpellier', 'Strasbourg', 'Angers', 'Tours', 'Grenoble', 'Brest', 'Dijon', 'Toulouse', 'Rouen'];
const QUOTES = [
  '« Découvrez notre nouvelle collection éco-responsable, fabriquée en France. »',
  '« Livraison offerte dès 49 € d’achat — retours gratuits sous 30 jours. »',
  '« Inscrivez-vous à notre newsletter et recevez -10 % sur votre première commande. »',
  '« Notre engagement : des matières certifiées et une production locale. »',
  '« Plus de 2 000 clients satisfaits : lisez leurs avis. »',
  '« Atelier ouvert le samedi de 10 h à 18 h, venez nous rencontrer ! »',
];
const SITES = [
  { url: 'https://atelier-brume.fr/', kind: 'woocommerce', label: 'Site e-commerce (WooCommerce)', title: 'Atelier Brume — Boutique' },
  { url: 'https://www.instagram.com/atelier.brume/', kind: 'instagram', label: 'Compte Instagram', title: 'Atelier Brume (@atelier.brume) • Instagram' },
  { url: 'https://www.linkedin.com/company/atelier-brume/', kind: 'linkedin', label: 'Page LinkedIn', title: 'Atelier Brume | LinkedIn' },
  { url: 'https://docs.google.com/document/d/1xYbench/edit', kind: 'google-docs', label: 'Dossier professionnel (Google Docs)', title: 'Dossier professionnel — Google Docs' },
];

/** What an observation can name: the candidate's company, its sector and city. */
interface Context { brand: string; sector: string; city: string }
const fill = (r: Rng, ctx: Context, template: string) =>
  template
    .replace('{n}', String(int(r, 2, 48)))
    .replace('{tool}', () => pick(r, TOOLS))
    .replace('{brand}', ctx.brand)
    .replace('{sector}', ctx.sector)
    .replace('{city}', ctx.city);
function sentence(r: Rng, ctx: Context): string {
  return fill(r, ctx, `${pick(r, OPENERS)} ${pick(r, SUBJECTS)}, ${pick(r, ACTORS)} ${pick(r, FINDINGS)}.`);
}

/** 100 to 400 characters of French jury prose. */
export function observation(r: Rng, ctx: Context): string {
  const parts = [sentence(r, ctx)];
  const extra = int(r, 0, 3);
  for (let i = 0; i < extra; i++) parts.push(fill(r, ctx, pick(r, chance(r, 0.6) ? DETAILS : ADVICE)));
  while (parts.join(' ').length < 100) parts.push(fill(r, ctx, pick(r, DETAILS)));
  while (parts.join(' ').length > 400) parts.pop();
  return parts.join(' ');
}

// --- the season as a script of juror actions ---------------------------------------------------
export interface SeasonConfig {
  candidates: number;
  criteria: number;
  seed: number;
}

export const BLOC_SIZE = 30;
export const CERTIFICATION_ID = 'bench-saison';
export const criterionIds = (n: number) => Array.from({ length: n }, (_, i) => `bench-k${String(i + 1).padStart(3, '0')}`);
export const blocIdsOf = (n: number) => Array.from({ length: Math.ceil(n / BLOC_SIZE) }, (_, i) => `bench-b${i + 1}`);

export type Action =
  | { kind: 'observation'; at: number; who: string; criterionId: string; text: string }
  | { kind: 'commit'; at: number; who: string; criterionId: string }
  | { kind: 'status'; at: number; who: string; criterionId: string; status: AssessmentStatus; exemptionReason?: string }
  | { kind: 'evidence'; at: number; who: string; input: Omit<NewEvidence, 'evaluationId'> }
  | { kind: 'decision'; at: number; who: string; input: Omit<DecisionInput, 'evaluationId'> };

export interface EvaluationScript {
  /** Ids the simulation gives; the real functions draw random ones. */
  ids: { candidate: string; evaluation: string; jurors: string[]; deliverables: string[]; evidence: string[] };
  create: { at: number; who: string; input: NewEvaluation };
  actions: Action[];
}

const SEASON_START = Date.UTC(2025, 5, 2, 7, 0, 0);

export function evaluationScript(config: SeasonConfig, index: number): EvaluationScript {
  const r = rng(config.seed * 100_003 + index);
  const criteria = criterionIds(config.criteria);
  const blocIds = blocIdsOf(config.criteria);
  const jurors = shuffled(r, JURORS).slice(0, int(r, 2, 3));
  const who = jurors[0]!;
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const sites = shuffled(r, SITES).slice(0, int(r, 1, 3));
  const ctx: Context = { brand: pick(r, BRANDS), sector: pick(r, SECTORS), city: pick(r, CITIES) };
  let at = SEASON_START + Math.floor(index / 8) * 86_400_000 + (index % 8) * 3_600_000;
  const create = {
    at,
    who,
    input: {
      candidateName: ` ${first} ${last} `,
      candidateEmail: chance(r, 0.8) ? `${first}.${last}@exemple.fr`.toLowerCase().replace(/\s/g, '') : null,
      certificationId: CERTIFICATION_ID,
      referentielVersion: 1,
      blocIds,
      mode: 'jury' as const,
      jurors: jurors.map((name, i) => ({ name, external: i > 0 })),
      deliverables: sites.map(({ url, kind, label }) => ({ url, kind, label })),
    },
  };
  const actions: Action[] = [];
  const tick = (seconds: number) => (at += seconds * 1000);
  const evidenceCount = int(r, 2, 5);
  const evidenceAfter = new Set(Array.from({ length: evidenceCount }, () => int(r, 0, criteria.length - 1)));
  const revisions: Action[][] = [];
  for (const [i, criterionId] of criteria.entries()) {
    const roll = r();
    const status: AssessmentStatus =
      roll < 0.04 ? 'non-evalue' : roll < 0.58 ? 'acquis' : roll < 0.8 ? 'partiellement-acquis' : roll < 0.98 ? 'non-acquis' : 'exempte';
    const withObservation = status === 'non-evalue' || chance(r, 0.9);
    if (withObservation) {
      const text = observation(r, ctx);
      actions.push({ kind: 'observation', at: tick(int(r, 20, 240)), who, criterionId, text });
      actions.push({ kind: 'commit', at: tick(1), who, criterionId });
    }
    if (status === 'exempte')
      actions.push({ kind: 'status', at: tick(5), who, criterionId, status, exemptionReason: `Avis du référent handicap du ${int(r, 1, 28)}/0${int(r, 1, 6)} : aménagement de l’épreuve orale.` });
    else if (status !== 'non-evalue') actions.push({ kind: 'status', at: tick(5), who, criterionId, status });
    if (evidenceAfter.has(i)) {
      const site = pick(r, sites);
      const quote = chance(r, 0.6);
      actions.push({
        kind: 'evidence',
        at: tick(30),
        who,
        input: {
          kind: quote ? 'quote' : 'link',
          url: site.url,
          pageTitle: site.title,
          capturedAt: at,
          quote: quote ? pick(r, QUOTES) : null,
          note: quote ? 'Extrait relevé sur le livrable.' : 'Page consultée pendant la délibération.',
          criterionIds: [criterionId, pick(r, criteria)],
        },
      });
    }
    // After the oral: some statuses and observations are revised.
    if (status !== 'exempte' && chance(r, 0.12)) {
      const revised: Action[] = [];
      if (withObservation && chance(r, 0.7))
        revised.push({ kind: 'observation', at: 0, who: pick(r, jurors), criterionId, text: '' }, { kind: 'commit', at: 0, who, criterionId });
      revised.push({ kind: 'status', at: 0, who: pick(r, jurors), criterionId, status: status === 'acquis' ? 'partiellement-acquis' : 'acquis' });
      revisions.push(revised);
    }
  }
  tick(1800);
  for (const revised of revisions)
    for (const action of revised) {
      action.at = tick(int(r, 10, 60));
      if (action.kind === 'observation') {
        const before = [...actions].reverse().find((a) => a.kind === 'observation' && a.criterionId === action.criterionId);
        const base = before?.kind === 'observation' ? before.text : '';
        const addition = fill(r, ctx, ` Après la soutenance : ${pick(r, FINDINGS)}.`);
        action.text = (base + addition).length <= 400 ? base + addition : `${sentence(r, ctx)}${addition}`;
      }
      actions.push(action);
    }
  for (const blocId of blocIds) {
    const roll = r();
    const decision = roll < 0.8 ? 'valide' : roll < 0.93 ? 'ajourne' : 'non-valide';
    const comment = decision === 'valide' ? (chance(r, 0.3) ? 'Bloc validé à l’unanimité du jury.' : '') : `${sentence(r, ctx)} ${fill(r, ctx, pick(r, ADVICE))}`;
    actions.push({ kind: 'decision', at: tick(int(r, 60, 300)), who, input: { targetType: 'bloc', targetId: blocId, decision, comment } });
  }
  const ids = {
    candidate: uuid(r),
    evaluation: uuid(r),
    jurors: jurors.map(() => uuid(r)),
    deliverables: sites.map(() => uuid(r)),
    evidence: actions.filter((a) => a.kind === 'evidence').map(() => uuid(r)),
  };
  return { ids, create, actions };
}

// --- replay: Grille's functions, one action at a time --------------------------------------------
/** Performs the script through Grille's own functions; returns the new evaluation's id and each action's duration (ms). */
export async function replay(db: WorkspaceDb, script: EvaluationScript): Promise<{ evaluationId: string; durations: { kind: string; ms: number }[] }> {
  const durations: { kind: string; ms: number }[] = [];
  let t = performance.now();
  const evaluationId = await createEvaluation(db, script.create.input, script.create.who, script.create.at);
  durations.push({ kind: 'createEvaluation', ms: performance.now() - t });
  const names = { observation: 'saveObservation', commit: 'commitObservations', status: 'setStatus', evidence: 'addEvidence', decision: 'setDecision' } as const;
  for (const a of script.actions) {
    t = performance.now();
    if (a.kind === 'observation') await saveObservation(db, evaluationId, a.criterionId, a.text, a.who, a.at);
    else if (a.kind === 'commit') await commitObservations(db, evaluationId, a.who, a.criterionId, a.at);
    else if (a.kind === 'status') await setStatus(db, { evaluationId, criterionId: a.criterionId, status: a.status, exemptionReason: a.exemptionReason }, a.who, a.at);
    else if (a.kind === 'evidence') await addEvidence(db, { ...a.input, evaluationId }, a.who, a.at);
    else await setDecision(db, { ...a.input, evaluationId }, a.who, a.at);
    durations.push({ kind: names[a.kind], ms: performance.now() - t });
  }
  return { evaluationId, durations };
}

// --- simulate: the rows those functions write, without running them --------------------------------
export interface SeasonRows {
  candidates: CandidateRow[];
  evaluations: EvaluationRow[];
  assessments: AssessmentRow[];
  evidence: EvidenceRow[];
  decisions: DecisionRow[];
  history: HistoryRow[];
}

export const emptyRows = (): SeasonRows => ({ candidates: [], evaluations: [], assessments: [], evidence: [], decisions: [], history: [] });
export const rowCount = (rows: SeasonRows) => Object.values(rows).reduce((n: number, xs: unknown[]) => n + xs.length, 0);

/**
 * Appends to `rows` what createEvaluation, saveObservation, commitObservations, setStatus,
 * addEvidence and setDecision would have stored for this script (same fields, same history
 * entries in the same order); the checks that make those functions throw are not repeated.
 */
export function simulate(script: EvaluationScript, rows: SeasonRows): void {
  const { ids, create } = script;
  const history = (who: string | null, at: number, change: Change) => rows.history.push({ ...change, who, at });
  const name = create.input.candidateName.trim();
  const candidate: CandidateRow = { id: ids.candidate, name, email: create.input.candidateEmail?.trim() || null, createdAt: create.at, updatedAt: create.at };
  const evaluation: EvaluationRow = {
    id: ids.evaluation,
    candidateId: ids.candidate,
    certificationId: create.input.certificationId,
    referentielVersion: create.input.referentielVersion,
    blocIds: [...create.input.blocIds],
    mode: create.input.mode,
    jurors: create.input.jurors.filter((j) => j.name.trim()).map((j, i) => ({ id: ids.jurors[i]!, name: j.name.trim(), external: j.external })),
    deliverables: create.input.deliverables.map((d, i) => ({ ...d, id: ids.deliverables[i]!, addedAt: create.at })),
    statusCounts: {},
    createdAt: create.at,
    updatedAt: create.at,
  };
  rows.candidates.push(candidate);
  history(create.who, create.at, { evaluationId: evaluation.id, entity: 'candidate', entityId: candidate.id, action: 'create', field: null, before: null, after: structuredClone(candidate) });
  history(create.who, create.at, { evaluationId: evaluation.id, entity: 'evaluation', entityId: evaluation.id, action: 'create', field: null, before: null, after: structuredClone(evaluation) });

  const assessments = new Map<string, AssessmentRow>();
  const decisions = new Map<string, DecisionRow>();
  const blank = (criterionId: string): AssessmentRow => ({
    evaluationId: evaluation.id, criterionId, status: 'non-evalue', exemptionReason: null, observation: '', observationCommitted: '', words: [], updatedAt: 0, updatedBy: null,
  });
  let evidenceIndex = 0;
  for (const a of script.actions) {
    if (a.kind === 'observation') {
      const current = assessments.get(a.criterionId) ?? blank(a.criterionId);
      if (current.observation === a.text) continue;
      evaluation.updatedAt = a.at;
      assessments.set(a.criterionId, { ...current, observation: a.text, words: observationWords(a.text), updatedAt: a.at, updatedBy: a.who });
    } else if (a.kind === 'commit') {
      const row = assessments.get(a.criterionId);
      if (!row || row.observation === row.observationCommitted) continue;
      assessments.set(a.criterionId, { ...row, observationCommitted: row.observation });
      history(row.updatedBy ?? a.who, a.at, { evaluationId: evaluation.id, entity: 'assessment', entityId: a.criterionId, action: 'update', field: 'observation', before: row.observationCommitted, after: row.observation });
    } else if (a.kind === 'status') {
      const reason = a.status === 'exempte' ? (a.exemptionReason ?? '').trim() : null;
      const current = assessments.get(a.criterionId) ?? blank(a.criterionId);
      if (current.status === a.status && current.exemptionReason === reason) continue;
      const counts = { ...evaluation.statusCounts };
      if (current.status !== 'non-evalue') counts[current.status] = Math.max(0, (counts[current.status] ?? 0) - 1);
      if (a.status !== 'non-evalue') counts[a.status] = (counts[a.status] ?? 0) + 1;
      evaluation.statusCounts = counts;
      evaluation.updatedAt = a.at;
      assessments.set(a.criterionId, { ...current, status: a.status, exemptionReason: reason, updatedAt: a.at, updatedBy: a.who });
      history(a.who, a.at, {
        evaluationId: evaluation.id, entity: 'assessment', entityId: a.criterionId, action: 'update', field: 'status',
        before: { status: current.status, exemptionReason: current.exemptionReason }, after: { status: a.status, exemptionReason: reason },
      });
    } else if (a.kind === 'evidence') {
      const row: EvidenceRow = {
        id: ids.evidence[evidenceIndex++]!, evaluationId: evaluation.id, kind: a.input.kind, url: a.input.url, pageTitle: a.input.pageTitle, capturedAt: a.input.capturedAt,
        quote: a.input.quote ?? null, image: null, finding: a.input.finding ?? null, note: a.input.note ?? '', criterionIds: [...new Set(a.input.criterionIds)], createdBy: a.who,
      };
      evaluation.updatedAt = a.at;
      rows.evidence.push(row);
      history(a.who, a.at, { evaluationId: evaluation.id, entity: 'evidence', entityId: row.id, action: 'create', field: null, before: null, after: { ...row, image: null } });
    } else {
      const comment = a.input.comment.trim();
      const current = decisions.get(a.input.targetId);
      if (current && current.decision === a.input.decision && current.comment === comment) continue;
      const row: DecisionRow = { evaluationId: evaluation.id, ...a.input, comment, decidedBy: a.who, decidedAt: a.at };
      decisions.set(a.input.targetId, row);
      evaluation.updatedAt = a.at;
      history(a.who, a.at, {
        evaluationId: evaluation.id, entity: 'decision', entityId: a.input.targetId, action: current ? 'update' : 'create', field: null,
        before: current ? { decision: current.decision, comment: current.comment } : null, after: { decision: row.decision, comment },
      });
    }
  }
  rows.evaluations.push(evaluation);
  rows.assessments.push(...assessments.values());
  rows.decisions.push(...decisions.values());
}
