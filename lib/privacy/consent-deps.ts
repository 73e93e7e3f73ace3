// The browser work behind the guided consent flow (lib/privacy/consent-flow.ts): clear one site's
// data (optional permission « browsingData », asked at the juror's click), reload the tab, read it.
import { browser } from 'wxt/browser';
import type { ConsentFlowDeps } from './consent-flow';
import { analyzeTab, AnalysisError } from '../page/analyze-tab';
import { t } from '../i18n';

/** Late beacons (sent after load) still belong to the observation. */
const SETTLE_MS = 1_500;
const LOAD_TIMEOUT_MS = 30_000;

function waitForLoad(tabId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      browser.tabs.onUpdated.removeListener(listener);
      reject(new AnalysisError('failed'));
    }, LOAD_TIMEOUT_MS);
    const listener = (id: number, change: { status?: string }) => {
      if (id !== tabId || change.status !== 'complete') return;
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      setTimeout(resolve, SETTLE_MS);
    };
    browser.tabs.onUpdated.addListener(listener);
  });
}

export const browserConsentDeps: ConsentFlowDeps = {
  clearSiteData(origin) {
    // permissions.request must run in the click's own task: runStep calls this before any await.
    const asked = browser.permissions.request({ permissions: ['browsingData'] }).then(
      (granted) => granted,
      () => false,
    );
    return asked.then(async (granted) => {
      if (!granted) throw new Error(t('consentClearDenied'));
      const isFirefox = import.meta.env.FIREFOX;
      // Firefox filters by hostnames (cookies and localStorage only); Chrome by origins.
      const filter = (isFirefox ? { hostnames: [new URL(origin).hostname] } : { origins: [origin] }) as Parameters<typeof browser.browsingData.remove>[0];
      await browser.browsingData.remove(
        filter,
        isFirefox ? { cookies: true, localStorage: true } : { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true, fileSystems: true },
      );
    });
  },
  async reload(tabId) {
    const loaded = waitForLoad(tabId);
    await browser.tabs.reload(tabId, { bypassCache: true });
    await loaded;
  },
  async observe(tabId) {
    const tab = await browser.tabs.get(tabId);
    return analyzeTab(tabId, tab.url ?? '', { axe: false });
  },
};
