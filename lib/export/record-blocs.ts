// The blocs of the jury record: per evaluated bloc, in référentiel order, its modalities, then its
// criteria grouped by what they are attached to (each competency, then criteria shared by
// several, then those of the whole bloc), each with its status, observation and evidence, and
// the decisions on the bloc and its competencies.
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import { summarizeBloc } from '@/lib/workspace/summaries';
import type { AssessmentRow, DecisionRow, EvidenceRow, GapTextRow } from '@/lib/workspace/types';
import type { RecordBloc, RecordCompetency, RecordCriterion, RecordDecision, RecordEvidence, RecordGroup } from './record';

/** What the blocs are built from: the evaluation's rows, and its evidence as the record numbers it. */
export interface BlocSources {
  assessments: readonly AssessmentRow[];
  decisions: readonly DecisionRow[];
  gapTexts: ReadonlyMap<string, GapTextRow>;
  evidenceRows: readonly EvidenceRow[];
  /** The record's evidence, numbered: evidence[i] is evidenceRows[i]. */
  evidence: readonly RecordEvidence[];
}

const toDecision = (row: DecisionRow | undefined): RecordDecision | null =>
  row ? { decision: row.decision, comment: row.comment, decidedBy: row.decidedBy, decidedAt: row.decidedAt } : null;

/** Groups in référentiel order: each competency with its own criteria, followed by the groups whose last competency it is; the bloc's own criteria last. */
function groupCriteria(bloc: Bloc, criteria: ReadonlyMap<string, RecordCriterion>, competency: (id: string) => RecordCompetency, decisions: ReadonlyMap<string, DecisionRow>): RecordGroup[] {
  const position = new Map(bloc.competencies.map((c, i) => [c.id, i]));
  const shared = new Map<string, RecordGroup>();
  const own = new Map<string, RecordCriterion[]>(bloc.competencies.map((c) => [c.id, []]));
  const blocWide: RecordCriterion[] = [];
  for (const criterion of bloc.criteria) {
    const row = criteria.get(criterion.id)!;
    const { scope } = criterion;
    if (scope.type === 'bloc') blocWide.push(row);
    else if (scope.type === 'competency') own.get(scope.competencyIds[0]!)?.push(row);
    else {
      const key = scope.competencyIds.join('+');
      const group = shared.get(key) ?? {
        kind: 'competencies' as const,
        code: scope.competencyIds.map((id) => competency(id).code).join('+'),
        competencies: scope.competencyIds.map(competency),
        criteria: [],
        decision: null,
      };
      group.criteria.push(row);
      shared.set(key, group);
    }
  }
  const lastOf = (g: RecordGroup) => Math.max(...g.competencies.map((c) => position.get(c.id) ?? -1));
  const groups: RecordGroup[] = [];
  bloc.competencies.forEach((c, i) => {
    groups.push({ kind: 'competency', code: c.code, competencies: [competency(c.id)], criteria: own.get(c.id) ?? [], decision: toDecision(decisions.get(c.id)) });
    for (const g of shared.values()) if (lastOf(g) === i) groups.push(g);
  });
  if (blocWide.length) groups.push({ kind: 'bloc', code: `Bloc ${bloc.code}`, competencies: [], criteria: blocWide, decision: null });
  return groups;
}

/** Each criterion of the bloc as the record shows it; the evidence backing one is added to `shown`. */
function criterionRecords(bloc: Bloc, sources: BlocSources, byCriterion: ReadonlyMap<string, AssessmentRow>, shown: Set<string>): Map<string, RecordCriterion> {
  const { evidence, evidenceRows, gapTexts } = sources;
  const codes = criterionCodes(bloc);
  return new Map(
    bloc.criteria.map((criterion) => {
      const a = byCriterion.get(criterion.id);
      const backing = evidence.filter((e) => evidenceRows[e.number - 1]!.criterionIds.includes(criterion.id));
      for (const e of backing) shown.add(e.id);
      const row: RecordCriterion = {
        id: criterion.id,
        code: codes.get(criterion.id) ?? criterion.id,
        heading: criterion.heading,
        text: criterion.text,
        gap: criterion.gap,
        gapText: gapTexts.get(criterion.id)?.text ?? null,
        status: a?.status ?? 'non-evalue',
        exemptionReason: a?.status === 'exempte' ? a.exemptionReason : null,
        observation: a?.observation ?? '',
        aiAssisted: (a as (AssessmentRow & { aiAssisted?: boolean }) | undefined)?.aiAssisted === true,
        updatedBy: a?.updatedBy ?? null,
        updatedAt: a?.updatedAt || null,
        evidence: backing,
      };
      return [criterion.id, row] as const;
    }),
  );
}

/** The evaluated blocs, in référentiel order; the evidence backing a criterion shown is added to `shown`. */
export function blocRecords(certification: Certification, blocIds: readonly string[], sources: BlocSources, shown: Set<string>): RecordBloc[] {
  const byCriterion = new Map<string, AssessmentRow>(sources.assessments.map((a) => [a.criterionId, a]));
  const decisionByTarget = new Map(sources.decisions.map((d) => [d.targetId, d]));
  return certification.blocs
    .filter((b) => blocIds.includes(b.id))
    .map((bloc) => {
      const competencyById = new Map(bloc.competencies.map((c) => [c.id, c]));
      const competency = (id: string): RecordCompetency => {
        const c = competencyById.get(id);
        return c ? { id, code: c.code, text: c.text, gap: c.gap, gapText: sources.gapTexts.get(id)?.text ?? null } : { id, code: id, text: '', gap: true, gapText: null };
      };
      const criteria = criterionRecords(bloc, sources, byCriterion, shown);
      return {
        id: bloc.id,
        code: bloc.code,
        title: bloc.title,
        optional: bloc.optional,
        modalities: bloc.evaluations.map((ev) => ({ modality: ev.modality, production: ev.production, competencyCodes: ev.competencyIds.map((id) => competency(id).code) })),
        groups: groupCriteria(bloc, criteria, competency, decisionByTarget),
        counts: summarizeBloc(bloc, sources.assessments).bloc,
        decision: toDecision(decisionByTarget.get(bloc.id)),
      };
    });
}
