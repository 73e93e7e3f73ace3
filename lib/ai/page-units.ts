// The page's texts as blocks, for quote verification: what the prompt gave the model
// (page-section.ts, the same selection and the same budgets) — the main text paragraph by
// paragraph, the title, the meta description, headings, image texts, link texts, form labels and
// the text around forms, the social profile and its posts — and, apart, what a visitor does not
// see (hidden texts, hidden headings, links and forms, withheld alts and meta, Open Graph,
// JSON-LD). Blocks are never joined: a quote must sit inside one of them.
import type { PageSnapshot } from '../page/facts';
import { isInsideHidden } from './hidden-parts';
import { oneLine, sentDescription, sentForms, sentHeadings, sentImageTexts, sentLinks, sentMainText, sentPosts } from './page-section';
import { paragraphs } from './quote-text';

export interface PageTexts {
  /** Given to the model and read by a visitor. */
  visible: string[];
  /** Present in the page, hidden from visitors or never shown (and never sent as page text). */
  hidden: string[];
}

function visibleTexts(snapshot: PageSnapshot): string[] {
  const out: string[] = [oneLine(snapshot.title)];
  const description = sentDescription(snapshot);
  if (description && !description.withheld) out.push(description.text);
  out.push(...paragraphs(sentMainText(snapshot).text));
  out.push(...sentHeadings(snapshot).headings.map((h) => oneLine(h.text)));
  out.push(...sentImageTexts(snapshot).filter((i) => !i.withheld).map((i) => i.text));
  out.push(...sentLinks(snapshot).links.map((l) => l.text));
  for (const { form, fields } of sentForms(snapshot)) {
    for (const field of fields) out.push(oneLine(field.label) || oneLine(field.placeholder));
    out.push(...paragraphs(form.surroundingText));
  }
  const social = snapshot.social;
  if (social) {
    out.push(oneLine(social.name), ...paragraphs(social.bio));
    for (const c of social.counts) out.push(`${c.value} ${c.label}`);
    for (const post of sentPosts(snapshot)) out.push(...paragraphs(post.text));
  }
  return out;
}

function hiddenTexts(snapshot: PageSnapshot): string[] {
  const out: string[] = snapshot.hiddenTexts.map((h) => h.text);
  const description = sentDescription(snapshot);
  if (description?.withheld) out.push(description.text);
  out.push(...Object.values(snapshot.meta.openGraph));
  out.push(...snapshot.headings.filter((h) => h.hidden).map((h) => h.text));
  out.push(...sentImageTexts(snapshot).filter((i) => i.withheld).map((i) => i.text));
  for (const img of snapshot.images) if (!img.visible) out.push(img.alt ?? '', img.ariaName ?? '');
  out.push(...snapshot.links.filter((l) => !l.visible).map((l) => l.text));
  for (const form of snapshot.forms) {
    const formHidden = isInsideHidden(form.selector, snapshot);
    if (formHidden) out.push(form.surroundingText);
    for (const field of form.fields) if (formHidden || isInsideHidden(field.selector, snapshot)) out.push(field.label, field.placeholder);
  }
  out.push(...snapshot.jsonLd.blocks);
  return out;
}

/** The page's texts as the model was given them, and those hidden from visitors, as blocks. */
export function pageTexts(snapshot: PageSnapshot): PageTexts {
  const clean = (list: string[]) => list.map((t) => t.trim()).filter(Boolean);
  return { visible: clean(visibleTexts(snapshot)), hidden: clean(hiddenTexts(snapshot)) };
}
