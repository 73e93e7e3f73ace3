// The record's section on reconciliations (procès-verbal commun): for each reconciliation with
// a colleague's export, with whom, from which file, when and by whom, then every point where the
// two jurors differed — both values, named by juror — and what the jury kept.
import { formatDateTime } from './format';
import { DECISION_LABELS, STATUS_LABELS, end, sep, tr, type Lang, type Text } from './messages';
import { b, h, i, li, p, type Block } from './plan';
import type { RecordReconciliation, RecordReconciliationItem } from './record-reconciliation';

const x = (fr: string, en: string): Text => ({ fr, en });

const W = {
  heading: x('Rapprochement des évaluations', 'Reconciliation of the evaluations'),
  with: (who: string) => x(`Avec ${who}`, `With ${who}`),
  exported: (date: string, file: string | null) => x(`export du ${date}${file ? ` (${file})` : ''}`, `export of ${date}${file ? ` (${file})` : ''}`),
  file: (file: string) => x(`fichier ${file}`, `file ${file}`),
  done: (date: string, by: string | null) => x(`rapproché le ${date}${by ? ` par ${by}` : ''}.`, `reconciled on ${date}${by ? ` by ${by}` : ''}.`),
  agreed: x('Aucun désaccord : les deux évaluations concordaient.', 'No disagreement: both evaluations agreed.'),
  points: x('Points de désaccord et ce que le jury a retenu', 'Points of disagreement and what the jury kept'),
  status: x('statut', 'status'),
  decision: x('décision', 'decision'),
  kept: x('retenu', 'kept'),
  observation: x('observations différentes', 'different observations'),
  comment: x('motivations différentes', 'different motivations'),
  text: {
    mine: (who: string) => x(`celle de ${who}`, `${who}’s`),
    theirs: (who: string) => x(`celle de ${who}`, `${who}’s`),
    both: x('les deux, chacune sous le nom de son auteur', 'both, each under its author’s name'),
    edited: x('un texte revu ensemble', 'a text revised together'),
  },
  evidence: (mine: string, onlyMine: number, theirs: string, onlyTheirs: number, added: number) =>
    x(
      `preuves : ${onlyMine} seulement chez ${mine}, ${onlyTheirs} seulement chez ${theirs} (${added} ajoutée${added > 1 ? 's' : ''} à ce procès-verbal)`,
      `evidence: ${onlyMine} only with ${mine}, ${onlyTheirs} only with ${theirs} (${added} added to this record)`,
    ),
  otherEvidence: (n: number, who: string) => x(`${n} autre${n > 1 ? 's' : ''} preuve${n > 1 ? 's' : ''} de ${who} ajoutée${n > 1 ? 's' : ''}.`, `${n} other evidence item${n > 1 ? 's' : ''} from ${who} added.`),
  jurorsAdded: (names: string) => x(`Ajouté(s) au jury : ${names}.`, `Added to the jury: ${names}.`),
};

const dateOf = (iso: string | null) => (iso && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : null);

/** « Nadia Benali : Acquis ; Paul Durand : Non acquis — retenu : Non acquis (Paul Durand) ». */
function valuePair(r: RecordReconciliation, mine: string, theirs: string, kept: 'mine' | 'theirs', lang: Lang): string {
  const keptValue = kept === 'mine' ? mine : theirs;
  const keptBy = kept === 'mine' ? r.mine : r.theirs;
  return `${r.mine}${sep(lang)}${mine} ; ${r.theirs}${sep(lang)}${theirs} — ${tr(W.kept, lang)}${sep(lang)}${keptValue} (${keptBy})`;
}

const keptText = (r: RecordReconciliation, kept: 'mine' | 'theirs' | 'both' | 'edited', lang: Lang) =>
  tr(kept === 'mine' ? W.text.mine(r.mine) : kept === 'theirs' ? W.text.theirs(r.theirs) : W.text[kept], lang);

function itemBlocks(r: RecordReconciliation, item: RecordReconciliationItem, lang: Lang): Block[] {
  const out: Block[] = [li(0, b(item.code))];
  if (item.kind === 'criterion') {
    if (item.status) {
      const label = (status: keyof typeof STATUS_LABELS, reason: string | null) => `${tr(STATUS_LABELS[status], lang)}${status === 'exempte' && reason ? ` (${reason})` : ''}`;
      out.push(li(1, `${tr(W.status, lang)}${sep(lang)}`, valuePair(r, label(item.status.mine, item.status.mineReason), label(item.status.theirs, item.status.theirsReason), item.status.kept, lang)));
    }
    if (item.observation) out.push(li(1, `${tr(W.observation, lang)} — ${tr(W.kept, lang)}${sep(lang)}${keptText(r, item.observation.kept, lang)}`));
    if (item.evidence) out.push(li(1, tr(W.evidence(r.mine, item.evidence.onlyMine, r.theirs, item.evidence.onlyTheirs, item.evidence.added), lang)));
  } else {
    if (item.decision) {
      const label = (d: keyof typeof DECISION_LABELS | null) => (d ? tr(DECISION_LABELS[d], lang) : '—');
      out.push(li(1, `${tr(W.decision, lang)}${sep(lang)}`, valuePair(r, label(item.decision.mine), label(item.decision.theirs), item.decision.kept, lang)));
    }
    if (item.comment) out.push(li(1, `${tr(W.comment, lang)} — ${tr(W.kept, lang)}${sep(lang)}${keptText(r, item.comment.kept, lang)}`));
  }
  return out;
}

/** The section, or nothing when the evaluation was never reconciled. */
export function reconciliationBlocks(reconciliations: readonly RecordReconciliation[], lang: Lang, timeZone?: string): Block[] {
  if (!reconciliations.length) return [];
  const blocks: Block[] = [h(1, tr(W.heading, lang))];
  for (const r of reconciliations) {
    const exported = dateOf(r.exportedAt);
    const source = exported !== null ? tr(W.exported(formatDateTime(exported, lang, timeZone), r.fileName), lang) : r.fileName ? tr(W.file(r.fileName), lang) : null;
    blocks.push(p(b(tr(W.with(r.theirs), lang)), source ? ` — ${source}` : '', ` ; ${tr(W.done(formatDateTime(r.at, lang, timeZone), r.by), lang)}`));
    if (!r.items.length) blocks.push(p(i(tr(W.agreed, lang))));
    else {
      blocks.push(p(b(`${tr(W.points, lang)}${end(lang)}`)));
      for (const item of r.items) blocks.push(...itemBlocks(r, item, lang));
    }
    if (r.otherEvidenceAdded) blocks.push(p(tr(W.otherEvidence(r.otherEvidenceAdded, r.theirs), lang)));
    if (r.jurorsAdded.length) blocks.push(p(tr(W.jurorsAdded(r.jurorsAdded.join(', ')), lang)));
  }
  return blocks;
}
