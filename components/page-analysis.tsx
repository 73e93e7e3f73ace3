import { useMemo, useState, type ComponentProps } from 'react';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { RgaaAutomated } from './rgaa-automated';
import { lazyComponent } from './lazy';

// The RGAA grid with its proposals from axe (which need the RGAA criteria), and the consent
// walkthrough, load when shown, not with the panel.
const RgaaGrid = lazyComponent(async () => {
  const [{ RgaaGrid: Grid }, { proposeFromAxe }] = await Promise.all([import('./rgaa-grid'), import('@/lib/rgaa/grid')]);
  type GridProps = Omit<ComponentProps<typeof Grid>, 'proposals'> & { findings: readonly Finding[] };
  return {
    RgaaGrid: function RgaaGridOfFindings({ findings, ...props }: GridProps) {
      const proposals = useMemo(() => proposeFromAxe(findings), [findings]);
      return <Grid {...props} proposals={proposals} />;
    },
  };
}, 'RgaaGrid');
const ConsentFlow = lazyComponent(async () => {
  const [{ ConsentFlow: Flow }, { browserConsentDeps }, { autoRefuseInTab }] = await Promise.all([import('./consent-flow'), import('@/lib/privacy/consent-deps'), import('@/lib/privacy/autoconsent-tab')]);
  return { ConsentFlow: (props: Omit<ComponentProps<typeof Flow>, 'deps' | 'autoRefuse'>) => <Flow deps={browserConsentDeps} autoRefuse={autoRefuseInTab} {...props} /> };
}, 'ConsentFlow');
import { t } from '@/lib/i18n';
import { FAMILIES, type Family, type Finding } from '@/lib/checks/types';
import type { DeliverableTab } from '@/lib/page/active-deliverable';
import { formatCaptureTime } from '@/lib/capture/format';
import { usePageAnalysisContext } from './analysis-context';
import { FindingItem } from './finding-item';
import { HiddenTexts } from './hidden-texts';
import { PageSnapshotSummary } from './page-snapshot-summary';

interface Props {
  tab: DeliverableTab | null;
  /** The workspace, for the RGAA grid of the analysed page (kept with the evaluation, or on its own). */
  db?: WorkspaceDb;
  evaluationId?: string;
  who?: string | null;
}

function counts(findings: readonly Finding[]) {
  return { fail: findings.filter((f) => f.outcome === 'fail').length, review: findings.filter((f) => f.outcome === 'review').length };
}

/**
 * « Analyse de la page »: on the juror's click, Grille reads the page in front once and lists
 * what it observed, family by family (RGAA, RGPD, SEO, eco-design): facts with the elements
 * concerned, never a verdict on the page or the candidate.
 */
export function PageAnalysisSection({ tab, db, evaluationId = '', who = null }: Props) {
  const analysis = usePageAnalysisContext();
  const byFamily = useMemo(() => {
    const map = new Map<Family, Finding[]>(FAMILIES.map((f) => [f, []]));
    for (const finding of analysis?.findings ?? []) map.get(finding.family)?.push(finding);
    return map;
  }, [analysis?.findings]);
  const [gridOpen, setGridOpen] = useState(false);
  if (!analysis) return null;
  const { status, facts, error, analyzedUrl } = analysis;
  const total = counts(analysis.findings);
  const stale = status === 'done' && !!tab && !!analyzedUrl && tab.url !== analyzedUrl;
  return (
    <section className="page-analysis" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">{t('analysisHeading')}</h2>
      <p id="analysis-hint" className="hint">
        {t('analysisHint')}
      </p>
      <button type="button" onClick={analysis.run} disabled={!tab || status === 'running'} aria-describedby="analysis-hint">
        {status === 'done' ? t('analysisRerun') : t('analysisRun')}
      </button>{' '}
      {status === 'done' && (
        <button type="button" onClick={analysis.clear}>
          {t('highlightClear')}
        </button>
      )}
      <div role="status" aria-live="polite" className="analysis-status">
        {status === 'running' && <p>{t('analysisRunning')}</p>}
        {status === 'done' && <p>{t('analysisDone', String(total.fail), String(total.review))}</p>}
      </div>
      <div role="alert" className="analysis-error">
        {status === 'error' && error && <p>{error}</p>}
      </div>
      {status === 'done' && facts && (
        <>
          <p className="analysis-page hint">
            {t('analysisOf', analyzedUrl ?? '', formatCaptureTime(facts.analyzedAt))}
          </p>
          {stale && <p className="notice">{t('analysisStale')}</p>}
          <HiddenTexts snapshot={facts.snapshot} />
          <PageSnapshotSummary snapshot={facts.snapshot} />
          {facts.snapshot.source !== 'dom' && <p className="notice">{t('analysisNotASite')}</p>}
          {facts.snapshot.source === 'dom' && FAMILIES.map((family) => {
            const findings = byFamily.get(family) ?? [];
            const c = counts(findings);
            return (
              <details key={family} className={`analysis-family analysis-${family}`} open={c.fail > 0}>
                <summary>
                  <h3 className="inline-heading">{t(`family_${family}`)}</h3> <span className="hint">{t('familyCounts', String(c.fail), String(c.review), String(findings.length))}</span>
                </summary>
                {family === 'rgaa' ? (
                  <RgaaAutomated findings={findings} onHighlight={(selectors, label) => void analysis.highlight(selectors, label)} />
                ) : findings.length === 0 ? (
                  <p className="hint">{t('familyNone')}</p>
                ) : (
                  <ul className="finding-list">
                    {findings.map((f) => (
                      <FindingItem key={f.ruleId} finding={f} />
                    ))}
                  </ul>
                )}
                {family === 'rgaa' && db && analyzedUrl && (
                  <div className="rgaa-grid-toggle">
                    <button type="button" aria-expanded={gridOpen} onClick={() => setGridOpen((o) => !o)}>
                      {t(gridOpen ? 'rgaaGridClose' : 'rgaaGridOpen')}
                    </button>
                    {gridOpen && <RgaaGrid db={db} evaluationId={evaluationId} pageUrl={analyzedUrl} pageTitle={facts.snapshot.title} findings={findings} who={who} />}
                  </div>
                )}
                {family === 'rgpd' && <ConsentFlow target={tab ? { tabId: tab.id, url: tab.url } : null} />}
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}
