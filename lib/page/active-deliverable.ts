// Finds the tab the juror is evaluating and reads its page signals when allowed.
import { browser, type Browser } from 'wxt/browser';
import type { PageSignals } from './page-signals';
import { isInspectableUrl } from './detect-deliverable';

export interface DeliverableTab {
  id: number;
  url: string;
  title: string;
}

function toDeliverableTab(tab: Browser.tabs.Tab | undefined): DeliverableTab | null {
  if (!tab || tab.id === undefined || !isInspectableUrl(tab.url)) return null;
  return { id: tab.id, url: tab.url, title: tab.title ?? '' };
}

/**
 * The active tab of the panel's own window (a side panel belongs to one window). When Grille's
 * own page is in front (the panel opened as a tab), the web page the juror looked at last stands in.
 */
export async function findDeliverableTab(): Promise<DeliverableTab | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const own = browser.runtime.getURL('/');
  if (active?.url && !active.url.startsWith(own)) return toDeliverableTab(active);
  const tabs = await browser.tabs.query({});
  const recent = tabs
    .filter((t) => isInspectableUrl(t.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return toDeliverableTab(recent[0]);
}

/** The pattern a host permission is asked for: this site only (match patterns carry no port). */
export function originPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/** Reads page signals from the tab; null when Grille has no access to it (yet). */
export async function readPageSignals(tabId: number): Promise<PageSignals | null> {
  try {
    // The collector and its zod schema load when a site is read, not with the panel.
    const { collectPageSignals, PageSignals: Schema } = await import('./page-signals');
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: collectPageSignals });
    const parsed = Schema.safeParse(result?.result);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
