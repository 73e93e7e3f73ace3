// The procès-verbal (jury mode) or pre-review grid (tutor mode) of one evaluation, as a document
// plan: identification, jury members, then per bloc its modalities, a count of statuses, each
// criterion with its status, observation and evidence, the decision; the RGAA audit of the
// deliverable's pages; the reconciliations with other jurors' exports (where they differed and
// what was kept); a final note and the members' signature lines.
import { formatRate } from '@/lib/rgaa/grid';
import { RESULT_LABELS } from '@/lib/rgaa/messages';
import { DOC, DECISION_LABELS, MODE_LABELS, OUTCOME_LABELS, RGAA_OUTCOME_LABELS, STATUS_LABELS, end, sep, tr, type Lang } from './messages';
import { formatDate, formatDateTime } from './format';
import { fit } from './image';
import { b, h, i, li, p, type Block, type DocumentPlan } from './plan';
import type { EvaluationRecord, RecordCriterion, RecordDecision, RecordEvidence, RecordGroup, RecordRgaaAudit } from './record';
import { reconciliationBlocks } from './record-plan-reconciliation';

export interface PlanOptions {
  lang?: Lang;
  timeZone?: string;
}

/** Largest image box in CSS pixels: an A4 page's text width and most of its height at 96 dpi. */
export const IMAGE_BOX = { width: 640, height: 860 };

export function identification(record: Pick<EvaluationRecord, 'certification' | 'referentielVersion' | 'loadedVersion'>, lang: Lang): Block[] {
  const cert = record.certification;
  const version =
    record.loadedVersion === record.referentielVersion
      ? tr(DOC.version(record.referentielVersion), lang)
      : tr(DOC.versionMismatch(record.referentielVersion, record.loadedVersion), lang);
  return [
    p(b(`${tr(DOC.certification, lang)}${sep(lang)}`), cert.title),
    p(b(`${tr(DOC.rncp, lang)}${sep(lang)}`), cert.rncp ? `${cert.rncp}${cert.rncpByJury ? ` (${tr(DOC.rncpByJury, lang)})` : ''}` : tr(DOC.noRncp, lang)),
    p(b(`${tr(DOC.referentiel, lang)}${sep(lang)}`), version),
  ];
}

function decisionBlocks(decision: RecordDecision | null, record: EvaluationRecord, lang: Lang, timeZone?: string): Block[] {
  const mode = record.mode;
  if (!decision || (decision.decision === null && !decision.comment)) return [p(i(tr(DOC.noDecision[mode], lang)))];
  const out: Block[] = [];
  if (decision.decision) out.push(p(b(tr(DECISION_LABELS[decision.decision], lang))));
  if (decision.comment) out.push(p(b(`${tr(DOC.motivation[mode], lang)}${sep(lang)}`), decision.comment));
  const who = decision.decidedBy ? `${tr(DOC.decidedBy, lang)} ${decision.decidedBy}, ` : '';
  out.push({ ...p(i(`${who}${tr(DOC.decidedOn, lang)} ${formatDateTime(decision.decidedAt, lang, timeZone)}`)), small: true } as Block);
  return out;
}

function evidenceBlocks(e: RecordEvidence, embedded: Set<string>, lang: Lang, timeZone?: string): Block[] {
  const kind = { quote: DOC.quote, screenshot: DOC.screenshot, link: DOC.link, finding: DOC.finding }[e.kind];
  const where = e.pageTitle ? `${e.pageTitle} (${e.url})` : e.url;
  const out: Block[] = [li(0, b(`${tr(DOC.evidenceNo(e.number), lang)} — ${tr(kind, lang)}`), `, ${tr(DOC.seenOn, lang)} ${where}, ${tr(DOC.capturedAt, lang)} ${formatDateTime(e.capturedAt, lang, timeZone)}`)];
  if (e.kind === 'quote' && e.quote) out.push({ type: 'paragraph', runs: [{ text: `« ${e.quote} »` }], quote: true });
  if (e.kind === 'link') out.push(li(1, e.url));
  if (e.kind === 'screenshot' && e.image) {
    const image = e.image;
    if (embedded.has(e.id)) out.push(li(1, i(tr(DOC.shownAbove(e.number), lang))));
    else if (image.embeddable && image.format && image.width && image.height) {
      embedded.add(e.id);
      const size = fit(image.width, image.height, IMAGE_BOX.width, IMAGE_BOX.height);
      out.push({ type: 'image', bytes: image.bytes, format: image.format, ...size, alt: tr(DOC.screenshotAlt(e.number, e.pageTitle || e.url), lang) });
    } else out.push(li(1, i(tr(DOC.imageUnreadable(image.mime), lang))));
  }
  if (e.finding) {
    const f = e.finding;
    const outcome = (f.family === 'rgaa' ? RGAA_OUTCOME_LABELS[f.outcome] : undefined) ?? OUTCOME_LABELS[f.outcome];
    out.push(li(1, b(`${tr(f.title, lang)}${sep(lang)}${tr(outcome, lang)}`), ` — ${tr(f.detail, lang)}`));
    out.push(li(1, i(`${f.ruleId} · ${f.source.label} · ${tr(DOC.analyzedAt, lang)} ${formatDateTime(f.analyzedAt, lang, timeZone)}`)));
  }
  if (e.note) out.push(li(1, b(`${tr(DOC.caption, lang)}${sep(lang)}`), e.note));
  return out;
}

function criterionBlocks(c: RecordCriterion, embedded: Set<string>, lang: Lang, timeZone?: string): Block[] {
  const out: Block[] = [h(3, c.code)];
  if (c.heading) out.push(p(i(c.heading)));
  if (c.gap) out.push(p(i(`[${tr(DOC.gap, lang)}]`), c.gapText ? ` ${tr(DOC.gapText, lang)}${sep(lang)}${c.gapText}` : ''));
  else out.push(p(c.text));
  out.push(p(b(`${tr(DOC.status, lang)}${sep(lang)}`), tr(STATUS_LABELS[c.status], lang)));
  if (c.status === 'exempte') out.push(p(b(`${tr(DOC.exemptionReason, lang)}${sep(lang)}`), c.exemptionReason ?? ''));
  if (c.observation.trim()) {
    out.push(p(b(`${tr(DOC.observation, lang)}${c.aiAssisted ? ` (${tr(DOC.aiAssisted, lang)})` : ''}${sep(lang)}`), c.observation.trim()));
  } else out.push(p(i(tr(DOC.noObservation, lang))));
  if (c.evidence.length) {
    out.push(p(b(`${tr(DOC.evidence, lang)}${end(lang)}`)));
    for (const e of c.evidence) out.push(...evidenceBlocks(e, embedded, lang, timeZone));
  }
  return out;
}

/** One audited page: where, when, the counts, the conformity rate, then the assessed criteria in RGAA order. */
function auditBlocks(audit: RecordRgaaAudit, record: EvaluationRecord, lang: Lang, timeZone?: string): Block[] {
  const n = audit.counts;
  const rate = audit.rate;
  const out: Block[] = [
    h(2, audit.pageTitle || audit.pageUrl),
    p(b(`${tr(DOC.rgaaPageUrl, lang)}${sep(lang)}`), audit.pageUrl),
    p(b(`${tr(DOC.lastChange, lang)} `), formatDateTime(audit.updatedAt, lang, timeZone)),
    {
      type: 'table',
      header: [tr(RESULT_LABELS.C, lang), tr(RESULT_LABELS.NC, lang), tr(RESULT_LABELS.NA, lang), tr(RESULT_LABELS.NT, lang), 'Total'],
      rows: [[n.C, n.NC, n.NA, n.NT, n.C + n.NC + n.NA + n.NT].map(String)],
    },
    p(b(`${tr(DOC.rgaaRate, lang)}${sep(lang)}`), rate === null ? tr(DOC.rgaaRateNone, lang) : tr(DOC.rgaaRateValue(formatRate(rate, lang), n.C, n.NC), lang)),
    { ...p(i(tr(DOC.rgaaNote[record.mode], lang))), small: true } as Block,
    p(b(`${tr(DOC.rgaaCriteria, lang)}${end(lang)}`)),
  ];
  for (const c of audit.criteria) {
    out.push(li(0, b(`${c.number} — ${c.title}`), `${sep(lang)}${tr(RESULT_LABELS[c.result], lang)}`, c.automated ? ` (${tr(DOC.rgaaAutomated, lang)})` : ''));
    if (c.comment.trim()) out.push(li(1, b(`${tr(DOC.rgaaComment, lang)}${sep(lang)}`), c.comment.trim()));
  }
  return out;
}

export function groupTitle(g: RecordGroup, lang: Lang): string {
  if (g.kind === 'bloc') return tr(DOC.blocCriteria, lang);
  if (g.kind === 'competencies') return tr(DOC.criteriaOf(g.code), lang);
  const c = g.competencies[0]!;
  const text = c.gap ? (c.gapText ?? `[${tr(DOC.gap, lang)}]`) : c.text;
  return `${c.code} — ${text}`;
}

export function recordPlan(record: EvaluationRecord, options: PlanOptions = {}): DocumentPlan {
  const lang = options.lang ?? 'fr';
  const tz = options.timeZone;
  const mode = record.mode;
  const title = tr(DOC.recordTitle[mode], lang);
  const embedded = new Set<string>();
  const blocks: Block[] = [
    { type: 'title', text: title },
    p(b(`${tr(DOC.candidate, lang)}${sep(lang)}`), record.candidate.name),
    ...identification(record, lang),
    p(b(`${tr(DOC.mode, lang)}${sep(lang)}`), tr(MODE_LABELS[mode], lang)),
    p(b(`${tr(DOC.opened, lang)} `), formatDate(record.createdAt, lang, tz), ` ; ${tr(DOC.lastChange, lang).toLowerCase()} ${formatDateTime(record.updatedAt, lang, tz)}`),
    p(b(`${tr(DOC.produced, lang)} `), formatDateTime(record.exportedAt, lang, tz)),
  ];
  if (record.deliverables.length) {
    blocks.push(p(b(`${tr(DOC.deliverables, lang)}${end(lang)}`)));
    for (const d of record.deliverables) blocks.push(li(0, `${d.label} — ${d.url}`));
  }
  blocks.push(h(1, tr(DOC.jury[mode], lang)));
  if (!record.jurors.length) blocks.push(p(i(tr(DOC.noMembers, lang))));
  for (const j of record.jurors) blocks.push(li(0, b(j.name), ` — ${tr(j.external ? DOC.external : DOC.internal, lang)}`));

  for (const bloc of record.blocs) {
    blocks.push(h(1, tr(DOC.bloc(bloc.code, bloc.title), lang) + (bloc.optional ? ` (${tr(DOC.optionalBloc, lang)})` : '')));
    blocks.push(p(b(`${tr(DOC.modalities, lang)}${end(lang)}`)));
    for (const m of bloc.modalities) {
      const covers = m.competencyCodes.length ? m.competencyCodes.join(', ') : tr(DOC.wholeBloc, lang);
      blocks.push(li(0, b(m.modality), m.production ? ` — ${tr(DOC.production, lang)}${sep(lang)}${m.production}` : '', ` (${tr(DOC.covers, lang).toLowerCase()}${sep(lang)}${covers})`));
    }
    const n = bloc.counts;
    blocks.push({
      type: 'table',
      header: [tr(STATUS_LABELS.acquis, lang), tr(STATUS_LABELS['partiellement-acquis'], lang), tr(STATUS_LABELS['non-acquis'], lang), tr(STATUS_LABELS.exempte, lang), tr(STATUS_LABELS['non-evalue'], lang), 'Total'],
      rows: [[n.acquis, n['partiellement-acquis'], n['non-acquis'], n.exempte, n.remaining, n.total].map(String)],
    });
    for (const g of bloc.groups) {
      blocks.push(h(2, groupTitle(g, lang)));
      if (!g.criteria.length) blocks.push(p(i(tr(DOC.noOwnCriteria, lang))));
      for (const c of g.criteria) blocks.push(...criterionBlocks(c, embedded, lang, tz));
      if (g.decision) {
        blocks.push(p(b(`${tr(DOC.competencyDecision[mode], lang)} (${g.code})${end(lang)}`)));
        blocks.push(...decisionBlocks(g.decision, record, lang, tz));
      }
    }
    blocks.push(h(2, `${tr(DOC.decision[mode], lang)} — ${tr(DOC.bloc(bloc.code, bloc.title), lang)}`));
    blocks.push(...decisionBlocks(bloc.decision, record, lang, tz));
  }

  if (record.rgaaAudits.length) {
    blocks.push(h(1, tr(DOC.rgaaAudit, lang)));
    for (const audit of record.rgaaAudits) blocks.push(...auditBlocks(audit, record, lang, tz));
  }

  if (record.unattached.length) {
    blocks.push(h(1, tr(DOC.unattached, lang)));
    for (const e of record.unattached) blocks.push(...evidenceBlocks(e, embedded, lang, tz));
  }

  blocks.push(...reconciliationBlocks(record.reconciliations, lang, tz));

  blocks.push(h(1, tr(DOC.signatures, lang)));
  blocks.push(p(i(tr(DOC.finalNote[mode], lang))));
  blocks.push({
    type: 'signatures',
    header: [tr(DOC.member[mode], lang), tr(DOC.quality, lang), tr(DOC.signatureColumn, lang)],
    rows: record.jurors.map((j) => ({ name: j.name, role: tr(j.external ? DOC.externalShort : DOC.internalShort, lang), line: tr(DOC.signature, lang) })),
  });

  return {
    lang,
    title: `${title} — ${record.candidate.name}`,
    runningHeader: `${title} — ${record.candidate.name} — ${record.certification.title}`,
    subject: record.certification.title,
    pageWords: { page: 'Page', of: lang === 'en' ? 'of' : '/' },
    createdAt: record.exportedAt,
    blocks,
  };
}
