// The page's main text as a sighted reader sees it. Readability runs on a clone of the document
// (it rewrites the DOM it is given; the page is never touched) from which every hidden text node
// found on the live page was first removed; when it finds no article, the body's visible text.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { LIMITS } from '../facts';
import { blockText, countWords } from './text';
import type { Visibility } from './visibility';

export interface MainText {
  text: string;
  /** Where it came from, for tests and the benchmark. */
  from: 'readability' | 'body';
  words: number;
}

/** Below this many characters a Readability result is taken as a fragment, not the article. */
const MIN_ARTICLE = 250;
/**
 * Readability also answers on pages that are not articles (a listing, a home page), sometimes
 * with a side block (the footer). Its result is kept when it holds a fair share of the visible
 * text, or is long enough to be the article whatever the menus and footers around it.
 */
const MIN_SHARE = 0.4;
const LONG_ARTICLE = 2_000;

/** A clone of the document without the text nodes the live walk found hidden. */
export function cloneWithoutHidden(doc: Document, visibility: Visibility): Document {
  const clone = doc.cloneNode(true) as Document;
  const walker = clone.createTreeWalker(clone.documentElement, 1 | 4);
  const doomed: Node[] = [];
  let position = 0;
  for (let node: Node | null = clone.documentElement; node; node = walker.nextNode(), position += 1) {
    if (visibility.hiddenTextPositions.has(position)) doomed.push(node);
  }
  for (const node of doomed) node.parentNode?.removeChild(node);
  return clone;
}

function readArticle(doc: Document, visibility: Visibility): string | null {
  try {
    const clone = cloneWithoutHidden(doc, visibility);
    if (!isProbablyReaderable(clone)) return null;
    const article = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
    const content = article?.content;
    if (!content) return null;
    const text = blockText(content, 4 * LIMITS.mainText);
    return text.length >= MIN_ARTICLE ? text : null;
  } catch {
    // Readability on a hostile or unusual DOM: fall back to the body.
    return null;
  }
}

/** The page's first visible h1, which Readability drops as a duplicate of the title. */
function visibleH1(doc: Document, visibility: Visibility): string {
  for (const h1 of Array.from(doc.getElementsByTagName('h1'))) {
    if (visibility.isHidden(h1)) continue;
    const text = visibility.visibleText(h1, 500).replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) return text;
  }
  return '';
}

export function collectMainText(doc: Document, visibility: Visibility): MainText {
  // Bounded: words beyond four times the kept text are not counted.
  const body = doc.body ? visibility.visibleText(doc.body, 4 * LIMITS.mainText) : '';
  let article = readArticle(doc, visibility);
  if (article !== null && article.length < LONG_ARTICLE && article.length < MIN_SHARE * body.length) article = null;
  if (article === null) return { text: body, from: 'body', words: countWords(body) };
  const h1 = visibleH1(doc, visibility);
  const text = h1 && !article.includes(h1) ? `${h1}\n\n${article}` : article;
  return { text, from: 'readability', words: countWords(text) };
}
