// The shape of a référentiel as Grille stores it: the five bundled certifications
// and any a school imports later share this schema (its JSON Schema is generated
// into lib/referentiels/referentiel.schema.json by `npm run schema`). Every object is strict,
// as in backups: an unknown field (a typo, « constructor ») is refused and named, never dropped.
import { z } from 'zod';

/** Kinds of deliverable a criterion can be observed on. */
export const DELIVERABLE_KINDS = [
  'written-document', // dossier, mémoire, rapport, Google Doc, PDF
  'presentation', // slides and the oral defence
  'social-account', // Instagram, LinkedIn, TikTok, Facebook, X, YouTube, Pinterest
  'website', // showcase site, blog, landing page
  'ecommerce-site', // online shop
  'emailing', // newsletter, e-mail campaign
  'project-artefact', // planning, Gantt, Trello/Notion board, budget sheet, brief
  'dashboard', // analytics, KPI reporting, spreadsheets of figures
] as const;
export const DeliverableKind = z.enum(DELIVERABLE_KINDS);
export type DeliverableKind = z.infer<typeof DeliverableKind>;

/** Topics a criterion is about; they link page checks and AI prompts to criteria. */
export const TOPICS = [
  'accessibility', // RGAA, inclusive design
  'data-protection', // RGPD, cookies, consent, CNIL
  'seo', // natural referencing
  'paid-media', // SEA, social ads, display, media buying
  'eco-design', // numérique responsable, sobriety
  'csr', // RSE, ethics, responsible communication
  'content', // content and editorial line, copywriting, storytelling
  'visual-identity', // brand identity, graphic charter, design
  'community', // community management, engagement, moderation
  'influence', // influencers, e-reputation, brand advocacy
  'strategy', // marketing / communication strategy, positioning, targeting
  'market-research', // veille, studies, benchmark, audit
  'ux', // user experience, ergonomics, interfaces, web design
  'web-production', // building a site, CMS, tools, technical specs
  'ecommerce', // catalogue, conversion, customer journey online
  'crm', // customer relationship, client needs, loyalty
  'budget', // costs, quotes, ROI, pricing
  'kpi-reporting', // indicators, analytics, dashboards, reports
  'project-management', // planning, steering, risks, quality
  'team-management', // leading teams, suppliers, collaboration
  'legal', // law, intellectual property, contracts, regulation
  'oral-communication', // presenting, convincing, pitching
] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

/** Opaque ids: assigned once, never derived from wording, never reused. */
const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant : minuscules, chiffres et tirets');

export const Activity = z.strictObject({
  id: Id,
  /** Code as printed (A1.1), or null when the document prints none. */
  code: z.string().nullable(),
  title: z.string(),
  /** Further text of the activity (tasks listed under it), verbatim; may be empty. */
  text: z.string(),
});
export type Activity = z.infer<typeof Activity>;

export const Competency = z.strictObject({
  id: Id,
  /** Code as printed (C1, C.12, C1.3.1, CS2.4) or assigned by Grille. */
  code: z.string().min(1),
  codeSource: z.enum(['printed', 'assigned']),
  /** Full text, verbatim (conversion artefacts fixed only). Empty when `gap`. */
  text: z.string(),
  /** True when the conversion lost this passage: the text is empty and a juror can fill it in. */
  gap: z.boolean(),
  activityIds: z.array(Id),
});
export type Competency = z.infer<typeof Competency>;

/** Where the document attaches a criterion. */
export const CriterionScope = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('competency'), competencyIds: z.array(Id).length(1) }),
  z.strictObject({ type: z.literal('competencies'), competencyIds: z.array(Id).min(2) }),
  z.strictObject({ type: z.literal('bloc'), competencyIds: z.array(Id).length(0) }),
]);
export type CriterionScope = z.infer<typeof CriterionScope>;

export const Criterion = z.strictObject({
  id: Id,
  /** Exact wording. Empty when `gap`. */
  text: z.string(),
  gap: z.boolean(),
  /** The document's own grouping heading above this criterion, verbatim, or null. */
  heading: z.string().nullable(),
  scope: CriterionScope,
  deliverableKinds: z.array(DeliverableKind).min(1),
  topics: z.array(Topic).min(1),
});
export type Criterion = z.infer<typeof Criterion>;

/** One way the bloc is evaluated, as the document states it, and the competencies it covers. */
export const Evaluation = z.strictObject({
  id: Id,
  /** Competencies this evaluation covers; empty when it covers the whole bloc. */
  competencyIds: z.array(Id),
  /** The evaluation modality, verbatim (case study, professional situation, mémoire, oral…). */
  modality: z.string(),
  /** The production asked of the candidate, verbatim. */
  production: z.string(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const Bloc = z.strictObject({
  id: Id,
  /** Code as printed: "1", "BC01", "5 - Option 1"…, or assigned when the document prints none. */
  code: z.string().min(1),
  codeSource: z.enum(['printed', 'assigned']),
  title: z.string().min(1),
  /** An optional bloc, or one of several options the candidate chooses from. */
  optional: z.boolean(),
  /** In document order; several when the document evaluates parts of the bloc differently. */
  evaluations: z.array(Evaluation).min(1),
  /** What the document declares about this bloc, to reconcile the data against. */
  declared: z.strictObject({
    /** e.g. "C.1 à C.7", verbatim; null when the document declares no range. */
    competencyRange: z.string().nullable(),
    competencyCount: z.number().int().nonnegative().nullable(),
    /** Where the declaration and the table disagree in the document itself, what and why the data follows the table. */
    note: z.string().nullable(),
  }),
  activities: z.array(Activity),
  competencies: z.array(Competency).min(1),
  /** In document order. */
  criteria: z.array(Criterion).min(1),
});
export type Bloc = z.infer<typeof Bloc>;

export const Certification = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    title: z.string().min(1),
    /** Whether the document states this title or Grille inferred it from the content. */
    titleSource: z.enum(['stated', 'inferred']),
    /** RNCP number when the document prints it. */
    rncp: z.string().nullable(),
    /** File name of the source document. */
    sourceFile: z.string().min(1),
    /** Bumped on every correction of the data; evaluations record the version they used. */
    dataVersion: z.number().int().positive(),
    /** What the document says about candidates with a disability (adjustments, exemptions), verbatim, or null. */
    disabilityProvisions: z.string().nullable(),
    /** What the document declares about the blocs overall (number, cumulative validation), verbatim, or null. */
    structureNote: z.string().nullable(),
    blocs: z.array(Bloc).min(1),
  })
  .superRefine((cert, ctx) => {
    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `identifiant en double : ${id}` });
      seen.add(id);
    };
    claim(cert.id, ['id']);
    cert.blocs.forEach((bloc, b) => {
      claim(bloc.id, ['blocs', b, 'id']);
      const activityIds = new Set(bloc.activities.map((a) => a.id));
      const competencyIds = new Set(bloc.competencies.map((c) => c.id));
      bloc.activities.forEach((a, i) => claim(a.id, ['blocs', b, 'activities', i, 'id']));
      bloc.competencies.forEach((c, i) => {
        claim(c.id, ['blocs', b, 'competencies', i, 'id']);
        c.activityIds.forEach((aid, j) => {
          if (!activityIds.has(aid))
            ctx.addIssue({ code: 'custom', path: ['blocs', b, 'competencies', i, 'activityIds', j], message: `activité inconnue dans ce bloc : ${aid}` });
        });
        if (c.gap !== (c.text === ''))
          ctx.addIssue({ code: 'custom', path: ['blocs', b, 'competencies', i, 'text'], message: 'un texte vide doit être marqué comme lacune (gap), et seulement lui' });
      });
      bloc.evaluations.forEach((ev, i) => {
        claim(ev.id, ['blocs', b, 'evaluations', i, 'id']);
        ev.competencyIds.forEach((cid, j) => {
          if (!competencyIds.has(cid))
            ctx.addIssue({ code: 'custom', path: ['blocs', b, 'evaluations', i, 'competencyIds', j], message: `compétence inconnue dans ce bloc : ${cid}` });
        });
      });
      if (!bloc.evaluations.some((ev) => ev.competencyIds.length === 0)) {
        const evaluated = new Set(bloc.evaluations.flatMap((ev) => ev.competencyIds));
        bloc.competencies.forEach((c, i) => {
          if (!evaluated.has(c.id))
            ctx.addIssue({ code: 'custom', path: ['blocs', b, 'competencies', i], message: `compétence sans modalité d'évaluation : ${c.code}` });
        });
      }
      bloc.criteria.forEach((cr, i) => {
        claim(cr.id, ['blocs', b, 'criteria', i, 'id']);
        cr.scope.competencyIds.forEach((cid, j) => {
          if (!competencyIds.has(cid))
            ctx.addIssue({ code: 'custom', path: ['blocs', b, 'criteria', i, 'scope', 'competencyIds', j], message: `compétence inconnue dans ce bloc : ${cid}` });
        });
        if (cr.gap !== (cr.text === ''))
          ctx.addIssue({ code: 'custom', path: ['blocs', b, 'criteria', i, 'text'], message: 'un texte vide doit être marqué comme lacune (gap), et seulement lui' });
      });
    });
  });
export type Certification = z.infer<typeof Certification>;
