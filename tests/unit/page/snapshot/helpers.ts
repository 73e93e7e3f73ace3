// jsdom documents at a chosen address, for the parts of the snapshot that need no layout.
// @ts-expect-error jsdom ships no type declarations; only the constructor is used.
import { JSDOM as UntypedJSDOM } from 'jsdom';
import { collectSnapshot } from '@/lib/page/snapshot/collect';
import { PageSnapshot } from '@/lib/page/facts';

const JSDOM = UntypedJSDOM as new (html: string, options: { url: string }) => { window: Window };

export const PAGE_URL = 'https://www.atelier-brume.fr/blog/article/';

export function page(html: string, url = PAGE_URL): Document {
  return new JSDOM(html, { url }).window.document;
}

/** The snapshot of `html`, checked against the schema the panel applies. */
export function snapshot(html: string, url = PAGE_URL, options: { url?: string } = {}): PageSnapshot {
  return PageSnapshot.parse(collectSnapshot(page(html, url), options));
}
