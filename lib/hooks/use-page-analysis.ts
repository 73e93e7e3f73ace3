// The juror's page analysis: run on a click, for the tab in front, kept in the panel's memory
// (attach a finding to a criterion to keep it). Findings are facts; nothing here sets a status.
import { useCallback, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Finding } from '../checks/types';
import { originPattern, type DeliverableTab } from '../page/active-deliverable';
import { AnalysisError, analyzeTab, clearHighlightInTab, highlightInTab } from '../page/analyze-tab';
import { EMPTY_PRIVACY, type PageFacts, type PageSnapshot } from '../page/facts';
import { fetchGoogleExport, googleExportTarget, GoogleExportError, GOOGLE_DOCS_ORIGIN } from '../page/adapters/google-docs';

/** Facts for a document read through its export: its text only; no cookies, requests or RGAA pass apply. */
function documentFacts(snapshot: PageSnapshot): PageFacts {
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

  const analyze = useCallback(async (target: DeliverableTab, axe: boolean) => {
    // A Google Doc or Slides deck draws its text on a canvas: read it through the document's own
    // export, with the juror's session (no page checks apply to the editor's own page).
    if (googleExportTarget(target.url)) return documentFacts(await fetchGoogleExport(target.url));
    return analyzeTab(target.id, target.url, { axe });
  }, []);

  const run = useCallback(() => {
    if (!tab) return;
    const target = tab;
    const mine = ++generation.current;
    setStatus('running');
    setError(null);
    const pattern = googleExportTarget(target.url) ? `${GOOGLE_DOCS_ORIGIN}/*` : originPattern(target.url);
    // permissions.request must run in the click's own task: no await before it. Already granted
    // (or refused): no prompt. activeTab may still let the analysis through if it is refused.
    const asked = pattern ? browser.permissions.request({ origins: [pattern] }).then((granted) => granted, () => null) : Promise.resolve(null);
    void asked.then(async (granted) => {
      try {
        const result = await analyze(target, true);
        // The rules (and the Public Suffix List they need) load on the first analysis, not with the panel.
        const { allFindings } = await import('../analysis/all-findings');
        if (mine !== generation.current) return;
        setFacts(result);
        // Site checks judge the site: on a document's export or a social network's page (the
        // platform is not the candidate's work) they would report on the wrong author.
        setFindings(result.snapshot.source === 'dom' ? allFindings(result) : []);
        setAnalyzedUrl(result.snapshot.url || target.url);
        setAnalyzedTabId(target.id);
        setStatus('done');
      } catch (e) {
        if (mine !== generation.current) return;
        const code = e instanceof AnalysisError ? e.code : 'failed';
        if (e instanceof GoogleExportError) {
          setError(e.message);
          setStatus('error');
          return;
        }
        setError(granted === false && code === 'noAccess' ? t('analysisDenied') : e instanceof AnalysisError ? e.message : t('captureError_failed'));
        setStatus('error');
      }
    });
  }, [tab, analyze]);

  const highlight = useCallback(
    async (selectors: string[], label: string) => {
      const tabId = analyzedTabId ?? tab?.id;
      if (tabId === undefined || tabId === null) return t('highlightNone');
      try {
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
    if (tabId !== undefined && tabId !== null) void clearHighlightInTab(tabId);
  }, [analyzedTabId, tab]);

  return { status, analyzedUrl, facts, findings, error, run, highlight, clear };
}
