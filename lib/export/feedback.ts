// The candidate's feedback: addressed to the candidate, per competency what the jury (or tutor)
// found solid and what remains to work on, with the bloc's decision or the tutor's feedback.
//
// Built from the jury record by keeping only what is addressed to the candidate. Never in it:
// evidence (captions, quotes, screenshots, findings), the history, who entered what and when,
// the reasons of exemptions (« exempté » only: a reason may reveal a disability), and no member's
// name at all — the feedback speaks for the jury as a body, and the signed record names its
// members. Observations are kept: they are the substance of the feedback.
import { formatDate } from './format';
import { DECISION_LABELS, DOC, STATUS_LABELS, end, sep, tr, type Lang } from './messages';
import { planToDocx } from './docx';
import { planToMarkdown } from './markdown';
import { planToPdf } from './pdf';
import { b, h, i, li, p, type Block, type DocumentPlan } from './plan';
import type { EvaluationRecord, RecordDecision, RecordGroup } from './record';
import { groupTitle, identification, type PlanOptions } from './record-plan';
import type { AssessmentStatus, BlocDecision, CompetencyDecision, EvaluationMode } from '@/lib/workspace/types';

export interface FeedbackItem {
  code: string;
  text: string;
  status: AssessmentStatus;
  observation: string;
  aiAssisted: boolean;
}

export interface FeedbackVerdict {
  decision: BlocDecision | CompetencyDecision | null;
  comment: string;
}

export interface FeedbackCompetency {
  /** « C1 — Réaliser une veille concurrentielle », « Critères communs au bloc »… */
  title: string;
  strengths: FeedbackItem[];
  toWorkOn: FeedbackItem[];
  exempted: FeedbackItem[];
  notEvaluated: FeedbackItem[];
  verdict: FeedbackVerdict | null;
}

export interface FeedbackBloc {
  code: string;
  title: string;
  modalities: { modality: string; production: string }[];
  competencies: FeedbackCompetency[];
  verdict: FeedbackVerdict | null;
}

export interface CandidateFeedback {
  mode: EvaluationMode;
  candidateName: string;
  record: Pick<EvaluationRecord, 'certification' | 'referentielVersion' | 'loadedVersion'>;
  /** The date of the evaluation's last change. */
  date: number;
  exportedAt: number;
  blocs: FeedbackBloc[];
}

const verdict = (d: RecordDecision | null): FeedbackVerdict | null => (d && (d.decision || d.comment.trim()) ? { decision: d.decision, comment: d.comment } : null);

function competency(group: RecordGroup, lang: Lang): FeedbackCompetency {
  const items = group.criteria.map((c) => ({
    code: c.code,
    text: c.gap ? (c.gapText ?? `[${tr(DOC.gap, lang)}]`) : c.text,
    status: c.status,
    observation: c.observation.trim(),
    aiAssisted: c.aiAssisted,
  }));
  const having = (...statuses: AssessmentStatus[]) => items.filter((item) => statuses.includes(item.status));
  return {
    title: groupTitle(group, lang),
    strengths: having('acquis'),
    toWorkOn: having('partiellement-acquis', 'non-acquis'),
    exempted: having('exempte').map((item) => ({ ...item, observation: '' })),
    notEvaluated: having('non-evalue').map((item) => ({ ...item, observation: '' })),
    verdict: verdict(group.decision),
  };
}

export function buildFeedback(record: EvaluationRecord, lang: Lang = 'fr'): CandidateFeedback {
  return {
    mode: record.mode,
    candidateName: record.candidate.name,
    record: { certification: record.certification, referentielVersion: record.referentielVersion, loadedVersion: record.loadedVersion },
    date: record.updatedAt,
    exportedAt: record.exportedAt,
    blocs: record.blocs.map((bloc) => ({
      code: bloc.code,
      title: bloc.title,
      modalities: bloc.modalities.map((m) => ({ modality: m.modality, production: m.production })),
      competencies: bloc.groups.filter((g) => g.criteria.length || g.decision).map((g) => competency(g, lang)),
      verdict: verdict(bloc.decision),
    })),
  };
}

function itemBlocks(item: FeedbackItem, lang: Lang, withStatus: boolean): Block[] {
  const out: Block[] = [li(0, b(item.code), ` — ${item.text}`, withStatus ? ` (${tr(STATUS_LABELS[item.status], lang).toLowerCase()})` : '')];
  if (item.observation) out.push(li(1, item.observation, item.aiAssisted ? { text: ` (${tr(DOC.aiAssisted, lang)})`, italic: true } : ''));
  return out;
}

function verdictBlocks(v: FeedbackVerdict | null, mode: EvaluationMode, lang: Lang): Block[] {
  if (!v) return [p(i(tr(DOC.noDecision[mode], lang)))];
  const out: Block[] = [];
  if (v.decision) out.push(p(b(tr(DECISION_LABELS[v.decision], lang))));
  if (v.comment.trim()) out.push(p(v.comment.trim()));
  return out;
}

export function feedbackPlan(feedback: CandidateFeedback, options: PlanOptions = {}): DocumentPlan {
  const lang = options.lang ?? 'fr';
  const mode = feedback.mode;
  const title = tr(DOC.feedbackTitle, lang);
  const blocks: Block[] = [
    { type: 'title', text: title },
    p(b(tr(DOC.feedbackTo(feedback.candidateName), lang))),
    ...identification(feedback.record, lang),
    p(b(`${tr(DOC.lastChange, lang)} `), formatDate(feedback.date, lang, options.timeZone)),
    p(tr(DOC.feedbackIntro[mode], lang)),
  ];
  for (const bloc of feedback.blocs) {
    blocks.push(h(1, tr(DOC.bloc(bloc.code, bloc.title), lang)));
    for (const m of bloc.modalities) blocks.push(li(0, b(m.modality), m.production ? ` — ${tr(DOC.production, lang)}${sep(lang)}${m.production}` : ''));
    for (const c of bloc.competencies) {
      blocks.push(h(2, c.title));
      if (!c.strengths.length && !c.toWorkOn.length && !c.exempted.length) blocks.push(p(i(tr(DOC.nothingYet, lang))));
      if (c.strengths.length) {
        blocks.push(h(3, tr(DOC.strengths, lang)));
        for (const item of c.strengths) blocks.push(...itemBlocks(item, lang, false));
      }
      if (c.toWorkOn.length) {
        blocks.push(h(3, tr(DOC.toWorkOn, lang)));
        for (const item of c.toWorkOn) blocks.push(...itemBlocks(item, lang, true));
      }
      if (c.exempted.length) {
        blocks.push(h(3, tr(DOC.exempted, lang)));
        for (const item of c.exempted) blocks.push(...itemBlocks(item, lang, true));
      }
      if (c.notEvaluated.length) {
        blocks.push(h(3, tr(DOC.notEvaluated, lang)));
        for (const item of c.notEvaluated) blocks.push(...itemBlocks(item, lang, false));
      }
      if (c.verdict) blocks.push(p(b(`${tr(DOC.competencyDecision[mode], lang)}${end(lang)}`)), ...verdictBlocks(c.verdict, mode, lang));
    }
    blocks.push(h(2, tr(DOC.blocFeedback[mode], lang)));
    blocks.push(...verdictBlocks(bloc.verdict, mode, lang));
  }
  blocks.push(p(i(tr(DOC.feedbackNote[mode], lang))));
  return {
    lang,
    title: `${title} — ${feedback.candidateName}`,
    runningHeader: `${title} — ${feedback.candidateName} — ${feedback.record.certification.title}`,
    subject: feedback.record.certification.title,
    pageWords: { page: 'Page', of: lang === 'en' ? 'of' : '/' },
    createdAt: feedback.exportedAt,
    blocks,
  };
}

export const feedbackToDocx = (record: EvaluationRecord, options: PlanOptions = {}) => planToDocx(feedbackPlan(buildFeedback(record, options.lang), options));
export const feedbackToPdf = (record: EvaluationRecord, options: PlanOptions = {}) => planToPdf(feedbackPlan(buildFeedback(record, options.lang), options));
export const feedbackToMarkdown = (record: EvaluationRecord, options: PlanOptions = {}) => planToMarkdown(feedbackPlan(buildFeedback(record, options.lang), options));
