// Social profile pages (Instagram, LinkedIn, Facebook, TikTok, X, YouTube, Pinterest): only what
// the juror can see on screen — name, bio, displayed counts verbatim, visible posts. Networks
// rename their classes every few weeks, so nothing here relies on class names: meta og:title,
// the profile's header, article / role=article elements, post links, <time> elements.
import { LIMITS, type SocialProfile } from '../facts';
import { clip } from '../selector';
import { contentText } from './names';
import { resolvedHref } from './links';
import { cut, cutUrl } from './text';
import type { Visibility } from './visibility';

export type Network = SocialProfile['network'];

const HOSTS: [RegExp, Network][] = [
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(facebook\.com|fb\.com)$/, 'facebook'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)youtube\.com$/, 'youtube'],
  [/(^|\.)pinterest\.[a-z]{2,3}(\.[a-z]{2})?$/, 'pinterest'],
];

/** The network a page belongs to, from its URL (a parameter, so tests can pass a fake address). */
export function detectSocialNetwork(url: string): Network | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

const NUMBER = String.raw`\d(?:[\d\u00a0\u202f .,]*\d)?(?:[\u00a0\u202f ]?(?:[kKmM]|Md|mille|millions?))?\+?`;
const COUNT_LABELS = String.raw`abonn[ée]\(e\)s|abonn[ée]e?s|abonn[ée]e?|abonnements?|publications?|followers?|following|suivi\(e\)s|suivis|posts?|relations?|connections?|(?:mentions\s)?j['’]aime|likes?|vid[ée]os?|subscribers?|vues|views|[ée]pingles|pins?|membres|members|amis|friends`;
const COUNT = new RegExp(`(${NUMBER})\\s*(${COUNT_LABELS})(?![\\p{L}])`, 'giu');
const ABOUT = /^(infos?|à propos|a propos|about|about me|bio|biographie|présentation)$/i;
/** A link to one post (an id after the kind), not to a list of posts (/reels/). */
const POST_PATH = /\/(p|reel|tv|posts|status|video|shorts|pin|feed\/update)\/[^/?#]+|\/watch\?(.*&)?v=/i;

/** Counts as displayed (« 1 234 abonnés »): value and label verbatim, one per label. */
export function findCounts(text: string): SocialProfile['counts'] {
  const out: SocialProfile['counts'] = [];
  const labels = new Set<string>();
  for (const m of text.matchAll(COUNT)) {
    const value = m[1]!.trim();
    const label = m[2]!;
    if (labels.has(label.toLowerCase())) continue;
    labels.add(label.toLowerCase());
    out.push({ label: cut(label, 100), value: cut(value, 50) });
    if (out.length >= 10) break;
  }
  return out;
}

/** The profile's name in a page title: « Atelier Brume (@atelier.brume) • Instagram… » → « Atelier Brume ». */
export function nameFromTitle(title: string): { name: string; handle: string | null } {
  const handle = /\((@?[\w.\-]+)\)/.exec(title)?.[1] ?? null;
  const first = title.split(/\s+[•|/·]\s+|\s+[-–—]\s+/)[0] ?? '';
  return { name: first.replace(/\s*\(@?[\w.\-]+\)\s*$/, '').trim(), handle };
}

function ogContent(doc: Document, property: string): string {
  return doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content')?.trim() ?? '';
}

// What the juror sees on screen: text the networks draw in aria-hidden spans (beside a copy for
// screen readers) is seen — the visibility reading never counts aria-hidden alone as hidden.
function seenText(el: Element, visibility: Visibility, max: number): string {
  return visibility.visibleText(el, max);
}

function isSeen(el: Element, visibility: Visibility): boolean {
  return !visibility.isHidden(el);
}

function profileHeader(main: Element, visibility: Visibility): Element {
  const header = Array.from(main.querySelectorAll('header')).find((h) => isSeen(h, visibility) && seenText(h, visibility, 50) !== '');
  if (header) return header;
  const h1 = Array.from(main.querySelectorAll('h1')).find((h) => isSeen(h, visibility));
  return h1?.closest('section') ?? h1?.parentElement?.parentElement ?? main;
}

function aboutText(main: Element, visibility: Visibility): string {
  for (const heading of Array.from(main.querySelectorAll('h2, h3, h4, [role="heading" i]'))) {
    if (!isSeen(heading, visibility)) continue;
    const title = seenText(heading, visibility, 100);
    if (!ABOUT.test(title)) continue;
    const section = heading.closest('section') ?? heading.parentElement?.parentElement;
    if (!section) continue;
    const lines = seenText(section, visibility, 6_000).split('\n');
    const at = lines.findIndex((l) => l.trim() === title);
    return lines.slice(at + 1).join('\n').trim();
  }
  return '';
}

function postsOf(root: Element, visibility: Visibility): SocialProfile['posts'] {
  const posts: SocialProfile['posts'] = [];
  const seenUrls = new Set<string>();
  const add = (item: Element, link: Element | null) => {
    const text = seenText(item, visibility, LIMITS.postText * 2) || contentText(item, LIMITS.postText);
    const time = item.querySelector('time');
    const date = time ? time.getAttribute('datetime') || contentText(time) : '';
    const url = link ? resolvedHref(link) : '';
    if ((!text && !url) || (url && seenUrls.has(url))) return;
    if (url) seenUrls.add(url);
    posts.push({ text: clip(text, LIMITS.postText), date: clip(date, 100), url: cutUrl(url, LIMITS.url) });
  };
  const articles = Array.from(root.querySelectorAll('article, [role="article" i]')).filter(
    (a) => isSeen(a, visibility) && !a.parentElement?.closest('article, [role="article" i]'),
  );
  for (const article of articles) {
    if (posts.length >= LIMITS.posts) return posts;
    const links = Array.from(article.querySelectorAll('a[href]'));
    const link = links.find((a) => POST_PATH.test(resolvedHref(a))) ?? article.querySelector('time')?.closest('a[href]') ?? links[0] ?? null;
    add(article, link);
  }
  if (articles.length > 0) return posts;
  // A grid of thumbnails (Instagram): each post is a link, its caption the image's alt.
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (posts.length >= LIMITS.posts) break;
    if (!POST_PATH.test(resolvedHref(link)) || !isSeen(link, visibility)) continue;
    add(link, link);
  }
  return posts;
}

export function collectSocial(doc: Document, network: Network, visibility: Visibility): SocialProfile {
  const body = doc.body ?? doc.documentElement;
  const main = doc.querySelector('main, [role="main" i]') ?? body;
  const header = profileHeader(main, visibility);
  const pageText = seenText(body, visibility, 200_000);

  const titled = nameFromTitle(ogContent(doc, 'og:title') || doc.title);
  const heading = Array.from(header.querySelectorAll('h1, h2')).find((h) => isSeen(h, visibility));
  const name = titled.name && pageText.includes(titled.name) ? titled.name : heading ? seenText(heading, visibility, LIMITS.text) : '';

  const headerText = seenText(header, visibility, 6_000);
  let counts = findCounts(headerText);
  if (counts.length === 0) counts = findCounts(seenText(main, visibility, 6_000));

  const buttons = Array.from(header.querySelectorAll('button, [role="button" i]'))
    .map((b) => seenText(b, visibility, 200))
    .filter(Boolean);
  const handle = titled.handle?.replace(/^@/, '');
  const bio =
    aboutText(main, visibility) ||
    headerText
      .split('\n')
      .map((line) => buttons.reduce((l, b) => l.replace(b, ''), line).trim())
      .filter((l) => {
        if (!l || l === name) return false;
        if (handle && l.replace(/^@/, '') === handle) return false;
        return findCounts(l).length === 0;
      })
      .join('\n');

  return {
    network,
    name: clip(name, LIMITS.text),
    bio: cut(bio, 4_000),
    counts,
    posts: postsOf(main, visibility),
  };
}
