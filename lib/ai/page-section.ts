// The candidate's page as the prompt shows it: a bounded, readable text of what a sighted visitor
// sees (address, title, outline, main text, image alts, links, forms, social profile), and the
// findings that inform the criteria asked about. Hidden text is never part of it; non-visible
// fields that read like instructions (alt, meta description) are withheld too. Everything here
// is page data: it goes between the prompt's untrusted-data markers, after pseudonymisation.
import type { Finding, Outcome } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import type { Topic } from '../referentiels/schema';
import { isInsideHidden } from './hidden-parts';
import { looksLikeInjection } from './injection';

export const PAGE_BUDGET = {
  /** Characters of main text (≈ 5,000 tokens). */
  mainText: 20_000,
  headings: 80,
  images: 40,
  links: 60,
  forms: 10,
  fields: 30,
  posts: 20,
  postText: 600,
  findings: 40,
  findingDetail: 400,
} as const;

const SOURCES: Record<PageSnapshot['source'], string> = {
  dom: 'page web',
  'google-docs-export': 'document Google Docs (export texte)',
  'google-slides-export': 'présentation Google Slides (export texte)',
  'social-profile': 'profil de réseau social (ce qui est affiché à l’écran)',
};

const WITHHELD = '[retiré par Grille : ce texte non affiché ressemble à une consigne adressée à une IA]';

/** Cuts text to a budget at a paragraph or sentence end when there is one in the last fifth. */
export function cutText(text: string, budget: number): { text: string; cut: boolean } {
  if (text.length <= budget) return { text, cut: false };
  const head = text.slice(0, budget);
  const floor = Math.floor(budget * 0.8);
  const paragraph = head.lastIndexOf('\n');
  if (paragraph >= floor) return { text: head.slice(0, paragraph).trimEnd(), cut: true };
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence >= floor) return { text: head.slice(0, sentence + 1), cut: true };
  const space = head.lastIndexOf(' ');
  return { text: head.slice(0, space >= floor ? space : budget).trimEnd(), cut: true };
}

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function shortHref(href: string, pageUrl: string): string {
  try {
    const url = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    return url.origin === page.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
  } catch {
    return href;
  }
}

/** The visible headings the outline lists (within budget), and how many more there were. */
export function sentHeadings(snapshot: PageSnapshot): { headings: PageSnapshot['headings']; more: number } {
  const visible = snapshot.headings.filter((h) => !h.hidden && h.text.trim());
  return { headings: visible.slice(0, PAGE_BUDGET.headings), more: Math.max(0, visible.length - PAGE_BUDGET.headings) };
}

function outline(snapshot: PageSnapshot): string[] {
  const { headings, more } = sentHeadings(snapshot);
  const lines = headings.map((h) => `${'  '.repeat(h.level - 1)}h${h.level} ${oneLine(h.text)}`);
  if (more) lines.push(`(… ${more} autres titres)`);
  return lines;
}

/** Image texts (alt, else accessible name) of visible images, distinct, within budget; those that read like instructions are withheld. */
export function sentImageTexts(snapshot: PageSnapshot): { text: string; withheld: boolean }[] {
  const described = snapshot.images.filter((i) => i.visible && (i.alt || i.ariaName));
  return [...new Set(described.map((i) => oneLine(i.alt || i.ariaName || '')))].slice(0, PAGE_BUDGET.images).map((text) => ({ text, withheld: looksLikeInjection(text) }));
}

const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function imageLines(snapshot: PageSnapshot): string[] {
  const lines = sentImageTexts(snapshot).map(({ text, withheld }) => `- ${withheld ? WITHHELD : text}`);
  const visible = snapshot.images.filter((i) => i.visible);
  const missing = visible.filter((i) => i.alt === null && !i.ariaName && i.role !== 'presentation' && i.role !== 'none').length;
  const decorative = visible.filter((i) => i.alt === '' && !i.ariaName).length;
  if (missing || decorative)
    lines.push(`(${countOf(missing, 'image sans attribut alt', 'images sans attribut alt')}, ${countOf(decorative, 'marquée décorative', 'marquées décoratives')} par un alt vide)`);
  return lines;
}

/** The visible links listed (text → address), distinct, within budget, and how many more there were. */
export function sentLinks(snapshot: PageSnapshot): { links: { text: string; line: string }[]; more: number } {
  const seen = new Set<string>();
  const links: { text: string; line: string }[] = [];
  for (const link of snapshot.links) {
    if (!link.visible) continue;
    const text = oneLine(link.text);
    const line = `- ${text || '(lien sans texte)'} → ${shortHref(link.href, snapshot.url)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    links.push({ text, line });
  }
  return { links: links.slice(0, PAGE_BUDGET.links), more: Math.max(0, links.length - PAGE_BUDGET.links) };
}

function linkLines(snapshot: PageSnapshot): string[] {
  const { links, more } = sentLinks(snapshot);
  return [...links.map((l) => l.line), ...(more ? [`(… ${more} autres liens)`] : [])];
}

/** The visible forms listed, each with its visible fields (within budget): what the prompt names of them. */
export function sentForms(snapshot: PageSnapshot): { form: PageSnapshot['forms'][number]; fields: PageSnapshot['forms'][number]['fields'] }[] {
  return snapshot.forms
    .filter((form) => !isInsideHidden(form.selector, snapshot))
    .slice(0, PAGE_BUDGET.forms)
    .map((form) => ({ form, fields: form.fields.filter((f) => !isInsideHidden(f.selector, snapshot)).slice(0, PAGE_BUDGET.fields) }));
}

function formLines(snapshot: PageSnapshot): string[] {
  return sentForms(snapshot).flatMap(({ form, fields: visible }, i) => {
    const fields = visible.map((f) => {
      const name = oneLine(f.label) || (f.placeholder ? `sans étiquette, indication « ${oneLine(f.placeholder)} »` : 'sans étiquette');
      return `« ${name} » (${f.type || f.tag}${f.required ? ', obligatoire' : ''}${f.checked ? ', coché d’avance' : ''})`;
    });
    const around = oneLine(form.surroundingText);
    return [`- Formulaire ${i + 1} : ${fields.join(', ') || 'aucun champ'}`, ...(around ? [`  Texte autour : ${around}`] : [])];
  });
}

/** The posts listed (within budget), each text cut as sent. */
export function sentPosts(snapshot: PageSnapshot): { date: string; text: string }[] {
  return (snapshot.social?.posts ?? []).slice(0, PAGE_BUDGET.posts).map((post) => ({ date: oneLine(post.date), text: cutText(post.text.trim(), PAGE_BUDGET.postText).text }));
}

function socialLines(snapshot: PageSnapshot): string[] {
  const social = snapshot.social;
  if (!social) return [];
  const lines = [`Réseau : ${social.network}`, `Nom affiché : ${oneLine(social.name)}`];
  if (social.bio) lines.push(`Bio : ${social.bio.trim()}`);
  if (social.counts.length) lines.push(`Compteurs affichés : ${social.counts.map((c) => `${c.value} ${c.label}`).join(' · ')}`);
  const posts = sentPosts(snapshot);
  if (posts.length) {
    lines.push(`Publications visibles (${posts.length}${social.posts.length > posts.length ? ` sur ${social.posts.length}` : ''}) :`);
    for (const post of posts) lines.push(`- ${post.date ? `[${post.date}] ` : ''}${post.text}`);
  }
  return lines;
}

/** The meta description as sent: null when absent, withheld when it reads like instructions. */
export function sentDescription(snapshot: PageSnapshot): { text: string; withheld: boolean } | null {
  const description = snapshot.meta.description;
  return description ? { text: oneLine(description), withheld: looksLikeInjection(description) } : null;
}

/** The main text as sent (cut to the budget at a paragraph or sentence end). */
export function sentMainText(snapshot: PageSnapshot): { text: string; cut: boolean } {
  return cutText(snapshot.mainText.trim(), PAGE_BUDGET.mainText);
}

/** The page as the prompt shows it (before pseudonymisation). */
export function formatPage(snapshot: PageSnapshot): string {
  const sent = sentDescription(snapshot);
  const description = sent ? (sent.withheld ? WITHHELD : sent.text) : 'absente';
  const main = sentMainText(snapshot);
  const section = (title: string, lines: string[]) => (lines.length ? [``, `${title} :`, ...lines] : []);
  const lines = [
    `Adresse : ${snapshot.url}`,
    `Nature : ${SOURCES[snapshot.source]}`,
    `Titre de la page : ${oneLine(snapshot.title) || '(aucun)'}`,
    `Langue déclarée : ${snapshot.lang || 'non déclarée'}`,
    `Description (balise meta) : ${description}`,
    ...(snapshot.jsonLd.types.length ? [`Données structurées (types JSON-LD) : ${snapshot.jsonLd.types.join(', ')}`] : []),
    ...section('Plan des titres', outline(snapshot)),
    ``,
    `Texte principal, tel qu'un visiteur le lit :`,
    main.text || '(aucun texte)',
    ...(main.cut || snapshot.mainTextTruncated
      ? [`[Texte coupé par Grille : ${main.text.length} caractères transmis${snapshot.mainTextTruncated ? ' ; la page en contenait davantage' : ` sur ${snapshot.mainText.length}`}.]`]
      : []),
    ...section('Textes alternatifs des images', imageLines(snapshot)),
    ...section('Liens visibles (texte → adresse)', linkLines(snapshot)),
    ...section('Formulaires', formLines(snapshot)),
    ...section('Profil social', socialLines(snapshot)),
  ];
  return lines.join('\n');
}

const OUTCOME_LABELS: Record<Outcome, string> = {
  fail: 'défaut relevé',
  review: 'à vérifier par le juré',
  pass: 'rien relevé sur ce qui a été testé',
  info: 'mesure',
  inapplicable: 'sans objet',
};
const SHOWN: readonly Outcome[] = ['fail', 'review', 'pass', 'info'];

/** Findings that inform these topics, faults first, in a stable order (as lib/analysis/all-findings sorts them). */
export function relevantFindings(findings: readonly Finding[], topics: readonly Topic[]): Finding[] {
  const wanted = new Set(topics);
  const seen = new Set<string>();
  return findings
    .filter((f) => SHOWN.includes(f.outcome) && f.topics.some((t) => wanted.has(t)))
    .filter((f) => !seen.has(f.ruleId) && !!seen.add(f.ruleId))
    .sort((a, b) => SHOWN.indexOf(a.outcome) - SHOWN.indexOf(b.outcome))
    .slice(0, PAGE_BUDGET.findings);
}

/** One line per finding: [ruleId] outcome — title : detail. */
export function formatFindings(findings: readonly Finding[]): string {
  if (!findings.length) return 'Aucun constat automatique ne se rapporte à ces critères.';
  return findings
    .map((f) => `[${f.ruleId}] ${OUTCOME_LABELS[f.outcome]} — ${oneLine(f.title.fr)} : ${cutText(oneLine(f.detail.fr), PAGE_BUDGET.findingDetail).text}`)
    .join('\n');
}
