// The juror's page analysis: run on a click, for the tab in front, kept in the panel's memory
// (attach a finding to a criterion to keep it). Findings are facts; nothing here sets a status.
import { useCallback, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Finding } from '../checks/types';
import { originPattern, type DeliverableTab } from '../page/active-deliverable';
import type { PageFacts, PageSnapshot } from '../page/facts';

// What an analysis needs (the checks and the RGAA criteria, zod to check what the page sends,
// the Google Docs reader) loads at the first analysis, not with the panel.
const analysisModules = () =>
  Promise.all([import('../analysis/all-findings'), import('../page/analyze-tab'), import('../page/facts'), import('../page/adapters/google-docs')]).then(
    ([findings, tab, facts, google]) => ({ ...findings, ...tab, ...facts, ...google }),
  );
type AnalysisModules = Awaited<ReturnType<typeof analysisModules>>;

/** Facts for a document read through its export: its text only; no cookies, requests or RGAA pass apply. */
function documentFacts(snapshot: PageSnapshot, { EMPTY_PRIVACY }: AnalysisModules): PageFacts {
  return {
    snapshot,
    privacy: EMPTY_PRIVACY,
    axe: null,
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0, axeMs: 0 },
    analyzedAt: Date.now(),
  };
}
import { t } from '../i18n';

export type AnalysisStatus = 'idle' | 'running' | 'done' | 'error';

export interface PageAnalysis {
  status: AnalysisStatus;
  /** The tab and address the results belong to (results stay when the juror switches tabs, and say which page they are about). */
  analyzedUrl: string | null;
  facts: PageFacts | null;
  findings: Finding[];
  error: string | null;
  /** Asks for access to this site if needed, then analyses. Call it from a click. */
  run(): void;
  highlight(selectors: string[], label: string): Promise<string>;
  clear(): void;
}

export function usePageAnalysis(tab: DeliverableTab | null): PageAnalysis {
  const [status, setStatus] = useState<AnalysisStatus>('idle');
  const [facts, setFacts] = useState<PageFacts | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [analyzedUrl, setAnalyzedUrl] = useState<string | null>(null);
  const [analyzedTabId, setAnalyzedTabId] = useState<number | null>(null);
  const generation = useRef(0);

  const analyze = useCallback(async (m: AnalysisModules, target: DeliverableTab, axe: boolean) => {
    // A Google Doc or Slides deck draws its text on a canvas: read it through the document's own
    // export, with the juror's session (no page checks apply to the editor's own page).
    if (m.googleExportTarget(target.url)) return documentFacts(await m.fetchGoogleExport(target.url), m);
    return m.analyzeTab(target.id, target.url, { axe });
  }, []);

  const run = useCallback(() => {
    if (!tab) return;
    const target = tab;
    const mine = ++generation.current;
    setStatus('running');
    setError(null);
    // A Google document's export is read from its own site (https://docs.google.com/*): the
    // pattern of its address.
    const pattern = originPattern(target.url);
    // permissions.request must run in the click's own task: no await before it. Already granted
    // (or refused): no prompt. activeTab may still let the analysis through if it is refused.
    const asked = pattern ? browser.permissions.request({ origins: [pattern] }).then((granted) => granted, () => null) : Promise.resolve(null);
    const loading = analysisModules();
    loading.catch(() => undefined);
    void asked.then(async (granted) => {
      let m: AnalysisModules | null = null;
      try {
        m = await loading;
        const result = await analyze(m, target, true);
        if (mine !== generation.current) return;
        setFacts(result);
        // Site checks judge the site: on a document's export or a social network's page (the
        // platform is not the candidate's work) they would report on the wrong author.
        setFindings(result.snapshot.source === 'dom' ? m.allFindings(result) : []);
        setAnalyzedUrl(result.snapshot.url || target.url);
        setAnalyzedTabId(target.id);
        setStatus('done');
      } catch (e) {
        if (mine !== generation.current) return;
        const analysisError = m && e instanceof m.AnalysisError ? e : null;
        const code = analysisError ? analysisError.code : 'failed';
        if (m && e instanceof m.GoogleExportError) {
          setError(e.message);
          setStatus('error');
          return;
        }
        setError(granted === false && code === 'noAccess' ? t('analysisDenied') : analysisError ? analysisError.message : t('captureError_failed'));
        setStatus('error');
      }
    });
  }, [tab, analyze]);

  const highlight = useCallback(
    async (selectors: string[], label: string) => {
      const tabId = analyzedTabId ?? tab?.id;
      if (tabId === undefined || tabId === null) return t('highlightNone');
      try {
        const { highlightInTab } = await import('../page/analyze-tab');
        const found = await highlightInTab(tabId, selectors, label);
        return found > 0 ? t('highlightDone', String(found)) : t('highlightNone');
      } catch {
        return t('highlightNone');
      }
    },
    [analyzedTabId, tab],
  );

  const clear = useCallback(() => {
    const tabId = analyzedTabId ?? tab?.id;
    if (tabId !== undefined && tabId !== null) void import('../page/analyze-tab').then((m) => m.clearHighlightInTab(tabId));
  }, [analyzedTabId, tab]);

  return { status, analyzedUrl, facts, findings, error, run, highlight, clear };
}
