// React state for the deliverable in the active tab, kept in step with tab changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { detectDeliverable, type DeliverableDetection } from '../page/detect-deliverable';
import { findDeliverableTab, originPattern, readPageSignals, type DeliverableTab } from '../page/active-deliverable';

export type IdentifyStatus = 'idle' | 'pending' | 'denied' | 'failed';

export interface ActiveDeliverable {
  tab: DeliverableTab | null;
  detection: DeliverableDetection | null;
  /** The page could say more (CMS, shop) if the juror lets Grille read it. */
  canIdentify: boolean;
  identifyStatus: IdentifyStatus;
  /** Asks for access to this site only, then reads it. Call from a click: the browser needs the gesture. */
  identify: () => void;
}

export function useActiveDeliverable(): ActiveDeliverable {
  const [tab, setTab] = useState<DeliverableTab | null>(null);
  const [detection, setDetection] = useState<DeliverableDetection | null>(null);
  const [identifyStatus, setIdentifyStatus] = useState<IdentifyStatus>('idle');
  const generation = useRef(0);

  const refresh = useCallback(async (afterGrant = false) => {
    const mine = ++generation.current;
    const current = await findDeliverableTab();
    if (mine !== generation.current) return;
    setTab(current);
    if (!afterGrant) setIdentifyStatus('idle');
    if (!current) return setDetection(null);
    const fromUrl = detectDeliverable(current.url);
    setDetection(fromUrl);
    if (fromUrl?.platform !== 'website') return;
    // Succeeds only where the juror already granted access (or activeTab applies).
    const signals = await readPageSignals(current.id);
    if (mine !== generation.current) return;
    if (signals) {
      setDetection(detectDeliverable(current.url, signals));
      setIdentifyStatus('idle');
    } else if (afterGrant) setIdentifyStatus('failed');
  }, []);

  useEffect(() => {
    void refresh();
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete') void refresh();
    };
    const onFocus = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged.addListener(onFocus);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged.removeListener(onFocus);
    };
  }, [refresh]);

  const identify = useCallback(() => {
    const pattern = tab ? originPattern(tab.url) : null;
    if (!pattern) return;
    setIdentifyStatus('pending');
    // permissions.request must run in the click's own task: no await before it.
    browser.permissions.request({ origins: [pattern] }).then(
      (granted) => (granted ? refresh(true) : setIdentifyStatus('denied')),
      () => setIdentifyStatus('failed'),
    );
  }, [tab, refresh]);

  const canIdentify = !!detection && detection.platform === 'website' && !detection.fromPageSignals && !!tab && !!originPattern(tab.url);
  return { tab, detection, canIdentify, identifyStatus, identify };
}
