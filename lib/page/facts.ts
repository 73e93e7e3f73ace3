// What Grille reads from a page when the juror asks for an analysis, as it crosses from the
// page (analyzer script, injected on demand) to the side panel. Validated with zod on arrival:
// a candidate's page is untrusted and may have tampered with the analyzer's isolated world's
// inputs (its DOM), so every string is bounded and every list capped.
//
// The checks (lib/<room>/rules, registered by lib/analysis/rules.ts) are pure functions of these facts.
import { z } from 'zod';

/** Bounds: the snapshot must stay small enough to store, show and send to an AI. */
export const LIMITS = {
  mainText: 60_000,
  hiddenTexts: 50,
  hiddenText: 2_000,
  headings: 300,
  headingText: 300,
  links: 500,
  images: 300,
  forms: 30,
  fields: 60,
  jsonLd: 20,
  jsonLdChars: 20_000,
  resources: 500,
  cookies: 200,
  elements: 50,
  snippet: 300,
  selector: 500,
  url: 2_048,
  text: 1_000,
  axeRules: 120,
  axeNodes: 30,
  posts: 60,
  postText: 3_000,
} as const;

const Str = (max: number) => z.string().max(max);
const Url = Str(LIMITS.url);

/** An element of the page a finding points at (selector usable to highlight it). */
export const ElementRef = z.object({
  selector: Str(LIMITS.selector),
  /** Its opening tag or a short excerpt of its markup, as text (never rendered as HTML). */
  snippet: Str(LIMITS.snippet),
});
export type ElementRef = z.infer<typeof ElementRef>;

/** Why a text is hidden from sighted users. */
export const HIDDEN_REASONS = ['display-none', 'visibility-hidden', 'off-screen', 'zero-size', 'transparent', 'same-colour-as-background', 'aria-hidden', 'clipped', 'tiny-font'] as const;
export const HiddenReason = z.enum(HIDDEN_REASONS);
export type HiddenReason = z.infer<typeof HiddenReason>;

export const Heading = z.object({ level: z.number().int().min(1).max(6), text: Str(LIMITS.headingText), selector: Str(LIMITS.selector), hidden: z.boolean() });
export type Heading = z.infer<typeof Heading>;

export const LinkFact = z.object({
  href: Url,
  text: Str(LIMITS.headingText),
  internal: z.boolean(),
  rel: Str(200),
  /** Visible to sighted users. */
  visible: z.boolean(),
  selector: Str(LIMITS.selector),
});
export type LinkFact = z.infer<typeof LinkFact>;

export const ImageFact = z.object({
  src: Url,
  /** null: no alt attribute at all; '' : marked decorative. */
  alt: z.string().max(LIMITS.text).nullable(),
  /** Accessible name from aria-label / aria-labelledby / title, when any. */
  ariaName: z.string().max(LIMITS.text).nullable(),
  role: Str(50).nullable(),
  width: z.number(),
  height: z.number(),
  visible: z.boolean(),
  selector: Str(LIMITS.selector),
});
export type ImageFact = z.infer<typeof ImageFact>;

/** What kind of personal data a field collects, as far as its type, name, label or autocomplete say. */
export const PERSONAL_KINDS = ['name', 'email', 'phone', 'address', 'birthdate', 'other-identifier'] as const;
export const PersonalKind = z.enum(PERSONAL_KINDS);

export const FieldFact = z.object({
  tag: Str(20),
  type: Str(40),
  name: Str(200),
  /** Its label as a sighted user sees it (label element, aria-label(ledby)); '' if none. */
  label: Str(LIMITS.text),
  placeholder: Str(LIMITS.text),
  required: z.boolean(),
  autocomplete: Str(100),
  personal: PersonalKind.nullable(),
  /** Checkboxes and radios: checked before the user did anything. */
  checked: z.boolean(),
  /** Disabled: the visitor cannot change it (a « strictly necessary » box shown ticked and locked). */
  disabled: z.boolean().optional(),
  selector: Str(LIMITS.selector),
});
export type FieldFact = z.infer<typeof FieldFact>;

export const FormFact = z.object({
  action: Url,
  method: Str(20),
  selector: Str(LIMITS.selector),
  fields: z.array(FieldFact).max(LIMITS.fields),
  /** Visible text in and right around the form (notice, consent wording), bounded. */
  surroundingText: Str(4_000),
});
export type FormFact = z.infer<typeof FormFact>;

export const HiddenText = z.object({
  text: Str(LIMITS.hiddenText),
  reasons: z.array(HiddenReason).min(1).max(HIDDEN_REASONS.length),
  selector: Str(LIMITS.selector),
});
export type HiddenText = z.infer<typeof HiddenText>;

/** Social profile pages: only what the juror can see on screen. */
export const SocialProfile = z.object({
  network: z.enum(['instagram', 'linkedin', 'facebook', 'tiktok', 'x', 'youtube', 'pinterest']),
  name: Str(LIMITS.text),
  bio: Str(4_000),
  /** Counts as displayed (« 1 234 abonnés »), verbatim. */
  counts: z.array(z.object({ label: Str(100), value: Str(50) })).max(10),
  posts: z.array(z.object({ text: Str(LIMITS.postText), date: Str(100), url: Url })).max(LIMITS.posts),
});
export type SocialProfile = z.infer<typeof SocialProfile>;

/** The snapshot: what the page says, structured and bounded. Used by the checks and the AI. */
export const PageSnapshot = z.object({
  url: Url,
  title: Str(LIMITS.text),
  /** <html lang>, '' when absent. */
  lang: Str(40),
  /** Where the text came from: the page's DOM, or a deliverable's own export (Google Docs…). */
  source: z.enum(['dom', 'google-docs-export', 'google-slides-export', 'social-profile']),
  meta: z.object({
    description: Str(LIMITS.text).nullable(),
    robots: Str(200).nullable(),
    canonical: Url.nullable(),
    viewport: Str(200).nullable(),
    charset: Str(40).nullable(),
    openGraph: z.record(Str(100), Str(LIMITS.text)),
    hreflang: z.array(z.object({ lang: Str(40), href: Url })).max(50),
  }),
  headings: z.array(Heading).max(LIMITS.headings),
  /** The main text as a sighted reader sees it (Readability when it finds an article, else the body), visible text only. */
  mainText: Str(LIMITS.mainText),
  mainTextTruncated: z.boolean(),
  /** Text present in the page but hidden from sighted users: kept apart, never mixed into mainText. */
  hiddenTexts: z.array(HiddenText).max(LIMITS.hiddenTexts),
  jsonLd: z.object({
    types: z.array(Str(100)).max(50),
    blocks: z.array(Str(LIMITS.jsonLdChars)).max(LIMITS.jsonLd),
    invalid: z.number().int().nonnegative(),
  }),
  links: z.array(LinkFact).max(LIMITS.links),
  images: z.array(ImageFact).max(LIMITS.images),
  forms: z.array(FormFact).max(LIMITS.forms),
  social: SocialProfile.nullable(),
  counts: z.object({
    /** Every element in the document. */
    elements: z.number().int().nonnegative(),
    /** Elements as EcoIndex counts them (excluding the inside of <svg>). */
    ecoIndexElements: z.number().int().nonnegative(),
    links: z.number().int().nonnegative(),
    images: z.number().int().nonnegative(),
    forms: z.number().int().nonnegative(),
    iframes: z.number().int().nonnegative(),
    scripts: z.number().int().nonnegative(),
    words: z.number().int().nonnegative(),
    h1: z.number().int().nonnegative(),
  }),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/** A resource the page loaded, from the Resource Timing buffer. */
export const ResourceFact = z.object({
  url: Url,
  initiatorType: Str(40),
  /** Bytes over the network; 0 when cached or when another origin withholds timing. */
  transferSize: z.number().nonnegative(),
  /** Milliseconds after navigation start. */
  startTime: z.number().nonnegative(),
});
export type ResourceFact = z.infer<typeof ResourceFact>;

export const CookieFact = z.object({
  name: Str(200),
  domain: Str(300).nullable(),
  /** Expiry (ms since epoch); null for a session cookie; undefined when the browser does not say. */
  expires: z.number().nullable().optional(),
});
export type CookieFact = z.infer<typeof CookieFact>;

export const BannerButton = z.object({
  label: Str(200),
  kind: z.enum(['accept', 'refuse', 'settings', 'close', 'other']),
  /** Rendered area in CSS pixels, to compare how prominent accept and refuse are. */
  area: z.number().nonnegative(),
  selector: Str(LIMITS.selector),
});

/** The consent banner as the page shows it at the time of reading. */
export const ConsentBanner = z.object({
  found: z.boolean(),
  visible: z.boolean(),
  selector: Str(LIMITS.selector).nullable(),
  text: Str(2_000),
  buttons: z.array(BannerButton).max(20),
  /** Links inside the banner (privacy / cookie policy…). */
  links: z.array(z.object({ href: Url, text: Str(300) })).max(20),
});
export type ConsentBanner = z.infer<typeof ConsentBanner>;

export const PrivacyFacts = z.object({
  cookies: z.array(CookieFact).max(LIMITS.cookies),
  /** How cookie lifetimes were read: cookieStore (expiry known) or document.cookie (names only). */
  cookieSource: z.enum(['cookieStore', 'document.cookie']),
  resources: z.array(ResourceFact).max(LIMITS.resources),
  banner: ConsentBanner,
  /** localStorage keys the page wrote (names only). */
  storageKeys: z.array(Str(200)).max(100),
});
export type PrivacyFacts = z.infer<typeof PrivacyFacts>;

/** Nothing observed: no cookie, request, banner or storage (a document read through its export). */
export const EMPTY_PRIVACY: PrivacyFacts = {
  cookies: [],
  cookieSource: 'document.cookie',
  resources: [],
  banner: { found: false, visible: false, selector: null, text: '', buttons: [], links: [] },
  storageKeys: [],
};

/** axe-core's RGAA-tagged rules on this page, reduced to what Grille shows. */
export const AxeRuleResult = z.object({
  id: Str(100),
  outcome: z.enum(['violation', 'pass', 'incomplete', 'inapplicable']),
  impact: z.enum(['minor', 'moderate', 'serious', 'critical']).nullable(),
  help: Str(LIMITS.text),
  helpUrl: Url,
  /** RGAA tests the rule maps to: "1.1.1", "3.2.1"… */
  rgaaTests: z.array(Str(20)).max(20),
  nodes: z.array(ElementRef.extend({ message: Str(LIMITS.text) })).max(LIMITS.axeNodes),
  nodeCount: z.number().int().nonnegative(),
});
export type AxeRuleResult = z.infer<typeof AxeRuleResult>;

export const AxeFacts = z.object({
  version: Str(20),
  rules: z.array(AxeRuleResult).max(LIMITS.axeRules),
  durationMs: z.number().nonnegative(),
});
export type AxeFacts = z.infer<typeof AxeFacts>;

/** Everything one analysis of one page returns. */
export const PageFacts = z.object({
  snapshot: PageSnapshot,
  privacy: PrivacyFacts,
  /** null when axe did not run (a page Grille cannot script, or the juror skipped it). */
  axe: AxeFacts.nullable(),
  navigation: z.object({
    /** Bytes of the document itself. */
    transferSize: z.number().nonnegative(),
    /** Time from navigation start to load end, ms (0 if not loaded yet). */
    loadTime: z.number().nonnegative(),
  }),
  timings: z.object({ snapshotMs: z.number().nonnegative(), privacyMs: z.number().nonnegative(), axeMs: z.number().nonnegative() }),
  analyzedAt: z.number().int().nonnegative(),
});
export type PageFacts = z.infer<typeof PageFacts>;
