import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { RGAA_THEMES, type RgaaThemeData } from '@/lib/rgaa/criteria';
import { conformityRate, countResults, criteriaOf, formatRate, pendingProposals, type RgaaCounts, type RgaaProposal } from '@/lib/rgaa/grid';
import { MSG, pick } from '@/lib/rgaa/messages';
import { uiLanguage } from '@/lib/i18n';
import { inPreset, type RgaaPreset } from '@/lib/rgaa/quick-audit';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { applyProposals, findAudit, type AuditedPage } from '@/lib/rgaa/audits';
import type { RgaaCriterionResult } from '@/lib/workspace/types';
import { RgaaCriterionRow } from './rgaa-criterion-row';
import { StorageError } from './storage-error';

interface Props {
  db: WorkspaceDb;
  /** '' when the juror audits outside an evaluation. */
  evaluationId: string;
  pageUrl: string;
  pageTitle: string;
  /** From proposeFromAxe: non-conformities the automated pass found. */
  proposals: readonly RgaaProposal[];
  who: string | null;
}

const NO_RESULTS: Readonly<Record<string, RgaaCriterionResult>> = {};

const countsText = (c: RgaaCounts) => pick(MSG.counts(c.C, c.NC, c.NA, c.NT));
const countsLong = (c: RgaaCounts) => pick(MSG.countsLong(c.C, c.NC, c.NA, c.NT));

/** The RGAA 4.1.2 grid of one page: 13 themes, the juror's results, the automated pass's NC proposals, the conformity rate. */
export function RgaaGrid({ db, evaluationId, pageUrl, pageTitle, proposals, who }: Props) {
  const ids = useId();
  const page: AuditedPage = useMemo(() => ({ evaluationId, pageUrl, pageTitle }), [evaluationId, pageUrl, pageTitle]);
  // null: no grid yet for this page (it is created by the first entry); undefined: loading.
  const audit = useLiveQuery(async () => (await findAudit(db, evaluationId, pageUrl)) ?? null, [db, evaluationId, pageUrl]);
  const results = audit?.results ?? NO_RESULTS;
  const [preset, setPreset] = useState<RgaaPreset>('full');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [applied, setApplied] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const criteria = criteriaOf(preset);
  const counts = countResults(results, criteria);
  const pending = pendingProposals(proposals, results);
  const pendingBy = new Map(pending.map((p) => [p.criterion, p]));

  const toggleTheme = (number: number, now: boolean) =>
    setOpen((prev) => {
      if (prev.has(number) === now) return prev;
      const next = new Set(prev);
      if (now) next.add(number);
      else next.delete(number);
      return next;
    });

  const apply = () => {
    setApplied(null);
    applyProposals(db, page, pending, who).then(
      (n) => {
        setApplied(n);
        setError(null);
      },
      setError,
    );
  };

  return (
    <section className="rgaa-grid" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{pick(MSG.gridHeading)}</h3>
      <p className="hint">{pick(MSG.gridPage(pageTitle, pageUrl))}</p>

      <fieldset className="rgaa-preset" role="radiogroup" aria-label={pick(MSG.presetLegend)}>
        <legend>{pick(MSG.presetLegend)}</legend>
        {(['full', 'quick'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name={`${ids}-preset`} value={p} checked={preset === p} onChange={() => setPreset(p)} />
            {pick(p === 'full' ? MSG.presetFull : MSG.presetQuick)}
          </label>
        ))}
      </fieldset>

      <RgaaSummary id={`${ids}-rate`} counts={counts} />

      <div className="rgaa-proposals">
        <button type="button" disabled={pending.length === 0} aria-describedby={`${ids}-prop`} onClick={apply}>
          {pick(MSG.applyProposals)}
        </button>
        <p id={`${ids}-prop`} className="hint">
          {pick(MSG.proposalsHint(pending.length))}
        </p>
        <p role="status">{applied !== null ? pick(MSG.proposalsApplied(applied)) : ''}</p>
        <StorageError error={error} onRetry={apply} />
      </div>

      {RGAA_THEMES.map((theme) => (
        <RgaaThemeSection key={theme.number} db={db} page={page} theme={theme} preset={preset} results={results} pendingBy={pendingBy} who={who} open={open.has(theme.number)} onOpen={(now) => toggleTheme(theme.number, now)} />
      ))}
      <p className="hint">{pick(MSG.source)}</p>
    </section>
  );
}

/** The conformity rate, the counts and how the rate is computed. */
function RgaaSummary({ id, counts }: { id: string; counts: RgaaCounts }) {
  const rate = conformityRate(counts);
  return (
    <div className="rgaa-summary" aria-labelledby={id} role="group">
      <p id={id}>
        <strong>{rate === null ? pick(MSG.rateNone) : pick(MSG.rate(formatRate(rate, uiLanguage())))}</strong>
      </p>
      <p>{countsLong(counts)}</p>
      <p className="hint">{pick(MSG.rateFormula(counts.C, counts.NC))}</p>
    </div>
  );
}

interface ThemeProps {
  db: WorkspaceDb;
  page: AuditedPage;
  theme: RgaaThemeData;
  preset: RgaaPreset;
  results: Readonly<Record<string, RgaaCriterionResult>>;
  pendingBy: ReadonlyMap<string, RgaaProposal>;
  who: string | null;
  open: boolean;
  onOpen: (open: boolean) => void;
}

/** One theme, folded, with its counts; its criteria in the preset once opened. */
function RgaaThemeSection({ db, page, theme, preset, results, pendingBy, who, open, onOpen }: ThemeProps) {
  const inScope = theme.criteria.filter((c) => inPreset(c.number, preset));
  if (inScope.length === 0) return null;
  const themeCounts = countResults(
    results,
    inScope.map((c) => c.number),
  );
  return (
    <details className="rgaa-theme" open={open} onToggle={(e) => onOpen(e.currentTarget.open)}>
      <summary>
        {theme.number}. {theme.name} <span className="rgaa-theme-counts" aria-hidden="true">— {countsText(themeCounts)}</span>
        <span className="visually-hidden"> ({countsLong(themeCounts)})</span>
      </summary>
      {/* Rows are rendered once the theme is opened: 106 rows each hold a saved text field. */}
      {open && (
        <ol className="rgaa-criteria">
          {inScope.map((c) => (
            <RgaaCriterionRow key={c.number} db={db} page={page} criterion={c} entry={results[c.number]} proposal={pendingBy.get(c.number)} who={who} />
          ))}
        </ol>
      )}
    </details>
  );
}
