// What the juror captured and has not yet attached to criteria: a quote, a screenshot or a
// link, with where and when. Made from the panel (capture actions) or from the page's context
// menu (the background, through pending.ts).
import { browser } from 'wxt/browser';
import type { Payload } from '../messaging/protocol';
import type { Finding } from '../checks/types';
import { CaptureError, classifyBrowserError, isCapturableUrl } from '../page/tab-errors';
import { readSelection } from './read-selection';
import { captureVisibleTab } from './visible-tab';

export type QuoteCapture = Extract<Payload<'pendingCapture'>, { kind: 'quote' }>;
export type LinkCapture = Extract<Payload<'pendingCapture'>, { kind: 'link' }>;

/** Lives in the panel's memory only: extension storage holds JSON, not Blobs. */
export interface ScreenshotCapture {
  kind: 'screenshot';
  /** PNG of the visible tab. */
  image: Blob;
  url: string;
  pageTitle: string;
  capturedAt: number;
  windowId?: number;
}

/** A page analysis finding the juror wants to keep as evidence (panel memory only). */
export interface FindingCapture {
  kind: 'finding';
  finding: Finding;
  url: string;
  pageTitle: string;
  capturedAt: number;
  windowId?: number;
}

export type PendingCapture = QuoteCapture | LinkCapture | ScreenshotCapture | FindingCapture;

export function findingCapture(finding: Finding): FindingCapture {
  return { kind: 'finding', finding, url: finding.url, pageTitle: finding.pageTitle, capturedAt: finding.analyzedAt };
}

async function currentTab(tabId: number) {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab) throw new CaptureError('tabGone');
    return tab;
  } catch (error) {
    throw error instanceof CaptureError ? error : new CaptureError('tabGone', { cause: error });
  }
}

/** The selection of the tab as a quote; a CaptureError when nothing is selected or the page cannot be read. */
export async function captureQuote(tabId: number, now: () => number = Date.now): Promise<QuoteCapture> {
  const tab = await currentTab(tabId);
  if (!isCapturableUrl(tab.url)) throw new CaptureError('protected');
  const snapshot = await readSelection(tabId, undefined, tab.url);
  if (!snapshot.text.trim()) throw new CaptureError('empty');
  if (!isCapturableUrl(snapshot.url)) throw new CaptureError('protected');
  return {
    kind: 'quote',
    quote: snapshot.text,
    truncated: snapshot.truncated,
    url: snapshot.url,
    pageTitle: snapshot.title,
    capturedAt: now(),
    windowId: tab.windowId,
  };
}

/** A screenshot of the tab, which must be the one shown in its window. */
export async function captureScreenshot(tabId: number, now: () => number = Date.now): Promise<ScreenshotCapture> {
  const tab = await currentTab(tabId);
  if (!isCapturableUrl(tab.url)) throw new CaptureError('protected');
  if (!tab.active) throw new CaptureError('notVisible');
  const capturedAt = now();
  const image = await captureVisibleTab(tab.windowId, tab.url);
  return { kind: 'screenshot', image, url: tab.url, pageTitle: tab.title ?? '', capturedAt, windowId: tab.windowId };
}

/** The tab's address and title, as they are now. Needs no access to the page. */
export async function captureLink(tabId: number, now: () => number = Date.now): Promise<LinkCapture> {
  const tab = await currentTab(tabId);
  if (!isCapturableUrl(tab.url)) throw new CaptureError('protected');
  return { kind: 'link', url: tab.url, pageTitle: tab.title ?? '', capturedAt: now(), windowId: tab.windowId };
}

/** A CaptureError for anything thrown while capturing. */
export function toCaptureError(error: unknown, url?: string | null): CaptureError {
  return error instanceof CaptureError ? error : new CaptureError(classifyBrowserError(error, url), { cause: error });
}
