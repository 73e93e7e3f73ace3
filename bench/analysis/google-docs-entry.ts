// What the Google Docs case of the analysis benchmark runs in Chromium, bundled by Vite: the
// adapter's snapshot, the hidden-text pass alone, and plain block text as the baseline.
import { snapshotFromDocsHtml } from '@/lib/page/adapters/google-docs';
import { declaredVisibility } from '@/lib/page/snapshot/declared-visibility';
import { blockText } from '@/lib/page/snapshot/text';

const TAB = 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Milliseconds of one step, each on a freshly parsed document (the parse is not counted but for `snapshot`). */
export function measure(html: string, step: 'parse' | 'blockText' | 'hiddenPass' | 'snapshot'): number {
  if (step === 'snapshot') {
    const t0 = performance.now();
    snapshotFromDocsHtml(html, TAB);
    return performance.now() - t0;
  }
  const t0 = performance.now();
  const doc = parse(html);
  const t1 = performance.now();
  if (step === 'parse') return t1 - t0;
  if (step === 'blockText') blockText(doc.body);
  else declaredVisibility(doc).visibleText(doc.body);
  return performance.now() - t1;
}

export function summary(html: string): { elements: number; words: number; hidden: number; textLength: number } {
  const s = snapshotFromDocsHtml(html, TAB);
  return { elements: parse(html).getElementsByTagName('*').length, words: s.counts.words, hidden: s.hiddenTexts.length, textLength: s.mainText.length };
}
