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

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function shortHref(href: string, pageUrl: string): string {
  try {
    const url = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    return url.origin === page.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
  } catch {
    return href;
  }
}

function outline(snapshot: PageSnapshot): string[] {
  const visible = snapshot.headings.filter((h) => !h.hidden && h.text.trim());
  const lines = visible.slice(0, PAGE_BUDGET.headings).map((h) => `${'  '.repeat(h.level - 1)}h${h.level} ${oneLine(h.text)}`);
  if (visible.length > PAGE_BUDGET.headings) lines.push(`(… ${visible.length - PAGE_BUDGET.headings} autres titres)`);
  return lines;
}

function imageLines(snapshot: PageSnapshot): string[] {
  const visible = snapshot.images.filter((i) => i.visible);
  const described = visible.filter((i) => i.alt || i.ariaName);
  const lines = [...new Set(described.map((i) => oneLine(i.alt || i.ariaName || '')))]
    .slice(0, PAGE_BUDGET.images)
    .map((text) => `- ${looksLikeInjection(text) ? WITHHELD : text}`);
  const missing = visible.filter((i) => i.alt === null && !i.ariaName && i.role !== 'presentation' && i.role !== 'none').length;
  const decorative = visible.filter((i) => i.alt === '' && !i.ariaName).length;
  if (missing || decorative) lines.push(`(${missing} image(s) sans attribut alt, ${decorative} marquée(s) décorative(s) par un alt vide)`);
  return lines;
}

function linkLines(snapshot: PageSnapshot): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const link of snapshot.links) {
    if (!link.visible) continue;
    const line = `- ${oneLine(link.text) || '(lien sans texte)'} → ${shortHref(link.href, snapshot.url)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  if (lines.length > PAGE_BUDGET.links) return [...lines.slice(0, PAGE_BUDGET.links), `(… ${lines.length - PAGE_BUDGET.links} autres liens)`];
  return lines;
}

function formLines(snapshot: PageSnapshot): string[] {
  const visible = snapshot.forms.filter((form) => !isInsideHidden(form.selector, snapshot));
  return visible.slice(0, PAGE_BUDGET.forms).flatMap((form, i) => {
    const fields = form.fields.filter((f) => !isInsideHidden(f.selector, snapshot)).slice(0, PAGE_BUDGET.fields).map((f) => {
      const name = oneLine(f.label) || (f.placeholder ? `sans étiquette, indication « ${oneLine(f.placeholder)} »` : 'sans étiquette');
      return `« ${name} » (${f.type || f.tag}${f.required ? ', obligatoire' : ''}${f.checked ? ', coché d’avance' : ''})`;
    });
    const around = oneLine(form.surroundingText);
    return [`- Formulaire ${i + 1} : ${fields.join(', ') || 'aucun champ'}`, ...(around ? [`  Texte autour : ${around}`] : [])];
  });
}

function socialLines(snapshot: PageSnapshot): string[] {
  const social = snapshot.social;
  if (!social) return [];
  const lines = [`Réseau : ${social.network}`, `Nom affiché : ${oneLine(social.name)}`];
  if (social.bio) lines.push(`Bio : ${social.bio.trim()}`);
  if (social.counts.length) lines.push(`Compteurs affichés : ${social.counts.map((c) => `${c.value} ${c.label}`).join(' · ')}`);
  const posts = social.posts.slice(0, PAGE_BUDGET.posts);
  if (posts.length) {
    lines.push(`Publications visibles (${posts.length}${social.posts.length > posts.length ? ` sur ${social.posts.length}` : ''}) :`);
    for (const post of posts) lines.push(`- ${post.date ? `[${oneLine(post.date)}] ` : ''}${cutText(post.text.trim(), PAGE_BUDGET.postText).text}`);
  }
  return lines;
}

/** The page as the prompt shows it (before pseudonymisation). */
export function formatPage(snapshot: PageSnapshot): string {
  const description = snapshot.meta.description ? (looksLikeInjection(snapshot.meta.description) ? WITHHELD : oneLine(snapshot.meta.description)) : 'absente';
  const main = cutText(snapshot.mainText.trim(), PAGE_BUDGET.mainText);
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

/** Findings that inform these topics, faults first, in a stable order (as lib/checks/all-findings sorts them). */
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
