// The guided consent flow the juror runs from the panel (RGPD): 1) reload the site without its
// cookies and storage, and observe what it does before any choice; 2) the juror refuses in the
// page's banner himself, then Grille observes again and reports what CHANGED (new cookies, new
// third-party requests after the refusal); 3) optionally the same after accepting.
// Each step reports facts and the difference with the previous observation — never a verdict
// beyond « traceur appelé après refus ». The browser work is injected (see ConsentFlowDeps), so
// this module stays pure and testable; the panel wires the real dependencies.
import type { PageFacts } from '../page/facts';
import { exemptUse } from './data/exempt-cookies';
import type { TrackerPurpose } from './data/trackers';
import { bannerShown } from './banner';
import { classifyRequests, distinct, listText } from './third-parties';
import { l, type Localized } from '../i18n/localized';

export interface ConsentFlowDeps {
  /** Removes the site's cookies and storage (cookies, localStorage, IndexedDB, Cache Storage, service workers). */
  clearSiteData(origin: string): Promise<void>;
  /** Reloads the tab and resolves once the page has loaded. */
  reload(tabId: number): Promise<void>;
  /** Runs the analyzer in the tab (without axe) and returns its validated facts. */
  observe(tabId: number): Promise<PageFacts>;
}

export interface FlowTarget {
  tabId: number;
  url: string;
}

export const FLOW_STEPS = ['fresh', 'after-refuse', 'after-accept'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export interface ObservedRequest {
  /** url@startTime: one request, told apart from a later one to the same URL. */
  key: string;
  url: string;
  host: string;
}

export interface Observation {
  url: string;
  at: number;
  bannerFound: boolean;
  bannerVisible: boolean;
  cookies: { name: string; exempt: boolean }[];
  trackers: (ObservedRequest & { vendor: string; purpose: TrackerPurpose })[];
  beacons: (ObservedRequest & { reasons: Localized[] })[];
  others: ObservedRequest[];
  storageKeys: string[];
}

export interface StepDiff {
  newCookies: string[];
  /** Cookies already there at the previous observation and still there. */
  keptCookies: string[];
  goneCookies: string[];
  newTrackers: Observation['trackers'];
  newBeacons: Observation['beacons'];
  newOthers: ObservedRequest[];
  newStorageKeys: string[];
}

export interface StepReport {
  step: FlowStep;
  observation: Observation;
  /** null for the first step: nothing to compare with. */
  diff: StepDiff | null;
  /** Facts worth saying in words, in order. */
  notes: Localized[];
}

export interface FlowState {
  reports: Partial<Record<FlowStep, StepReport>>;
}

export const initialFlowState: FlowState = { reports: {} };

const keyOf = (r: { url: string; startTime: number }) => `${r.url}@${r.startTime.toFixed(1)}`;

/** What one analysis says, reduced to what the flow compares. */
export function observe(facts: PageFacts): Observation {
  const { trackers, beacons, others } = classifyRequests(facts.privacy.resources, facts.snapshot.url);
  return {
    url: facts.snapshot.url,
    at: facts.analyzedAt,
    bannerFound: facts.privacy.banner.found,
    bannerVisible: bannerShown(facts.privacy.banner),
    cookies: facts.privacy.cookies.map((c) => ({ name: c.name, exempt: exemptUse(c.name) !== null })),
    trackers: trackers.map((t) => ({ key: keyOf(t), url: t.url, host: t.host, vendor: t.tracker.vendor, purpose: t.tracker.purpose })),
    beacons: beacons.map((b) => ({ key: keyOf(b), url: b.url, host: b.host, reasons: b.reasons })),
    others: others.map((o) => ({ key: keyOf(o), url: o.url, host: o.host })),
    storageKeys: facts.privacy.storageKeys,
  };
}

/**
 * What changed since `before`. A request is new when no request with the same URL and start time
 * was seen before: on the same document old entries keep their start time; after a reload every
 * entry is new — and indeed made after the choice.
 */
export function diffObservations(before: Observation, after: Observation): StepDiff {
  const seen = new Set([...before.trackers, ...before.beacons, ...before.others].map((r) => r.key));
  const beforeCookies = new Set(before.cookies.map((c) => c.name));
  const afterCookies = new Set(after.cookies.map((c) => c.name));
  const beforeKeys = new Set(before.storageKeys);
  return {
    newCookies: [...afterCookies].filter((n) => !beforeCookies.has(n)),
    keptCookies: [...afterCookies].filter((n) => beforeCookies.has(n)),
    goneCookies: [...beforeCookies].filter((n) => !afterCookies.has(n)),
    newTrackers: after.trackers.filter((r) => !seen.has(r.key)),
    newBeacons: after.beacons.filter((r) => !seen.has(r.key)),
    newOthers: after.others.filter((r) => !seen.has(r.key)),
    newStorageKeys: after.storageKeys.filter((k) => !beforeKeys.has(k)),
  };
}

const vendorsOf = (trackers: Observation['trackers']) => distinct(trackers.map((t) => `${t.vendor} (${t.host})`));
const hostsOf = (requests: readonly ObservedRequest[]) => distinct(requests.map((r) => r.host));
const cookieNames = (names: readonly string[], exempt: (n: string) => boolean) => names.filter((n) => !exempt(n));

function freshNotes(o: Observation): Localized[] {
  const notes: Localized[] = [];
  notes.push(
    o.bannerVisible
      ? l('Bandeau de consentement affiché après le rechargement sans cookies.', 'Consent banner shown after the reload without cookies.')
      : o.bannerFound
        ? l('Bandeau de consentement présent mais non affiché après le rechargement sans cookies.', 'Consent banner present but not shown after the reload without cookies.')
        : l('Aucun bandeau de consentement trouvé après le rechargement sans cookies.', 'No consent banner found after the reload without cookies.'),
  );
  const cookies = o.cookies.filter((c) => !c.exempt).map((c) => c.name);
  if (cookies.length) notes.push(l(`Avant tout choix, cookie(s) déposé(s) : ${listText(cookies).fr}.`, `Before any choice, cookie(s) set: ${listText(cookies).en}.`));
  if (o.trackers.length) notes.push(l(`Avant tout choix, traceur(s) appelé(s) : ${listText(vendorsOf(o.trackers)).fr}.`, `Before any choice, tracker(s) called: ${listText(vendorsOf(o.trackers)).en}.`));
  if (o.beacons.length) notes.push(l(`Avant tout choix, traceur(s) probable(s) appelé(s) : ${listText(hostsOf(o.beacons)).fr}.`, `Before any choice, probable tracker(s) called: ${listText(hostsOf(o.beacons)).en}.`));
  if (!cookies.length && !o.trackers.length && !o.beacons.length) notes.push(l('Avant tout choix : ni cookie (hors usages exemptés) ni traceur observé.', 'Before any choice: neither cookies (exempt uses aside) nor trackers observed.'));
  return notes;
}

function changeNotes(step: Exclude<FlowStep, 'fresh'>, o: Observation, d: StepDiff): Localized[] {
  const notes: Localized[] = [];
  const refused = step === 'after-refuse';
  const exempt = (n: string) => exemptUse(n) !== null;
  if (refused && o.bannerVisible) notes.push(l('Le bandeau est toujours affiché : le refus a-t-il été fait et enregistré ?', 'The banner is still shown: was the refusal made and recorded?'));
  const trackers = vendorsOf(d.newTrackers);
  const beacons = hostsOf(d.newBeacons);
  if (refused) {
    for (const t of trackers) notes.push(l(`Traceur appelé après refus : ${t}.`, `Tracker called after refusal: ${t}.`));
    for (const h of beacons) notes.push(l(`Traceur appelé après refus (probable) : ${h}.`, `Tracker called after refusal (probable): ${h}.`));
    const added = cookieNames(d.newCookies, exempt);
    if (added.length) notes.push(l(`Cookie(s) déposé(s) après refus : ${listText(added).fr}.`, `Cookie(s) set after refusal: ${listText(added).en}.`));
    const kept = cookieNames(d.keptCookies, exempt);
    if (kept.length) notes.push(l(`Cookie(s) déposé(s) avant le choix et toujours présent(s) après refus : ${listText(kept).fr}.`, `Cookie(s) set before the choice and still present after refusal: ${listText(kept).en}.`));
    if (!trackers.length && !beacons.length && !added.length) notes.push(l('Après refus : aucun nouveau cookie ni nouvel appel de traceur observé.', 'After refusal: no new cookie and no new tracker call observed.'));
  } else {
    if (trackers.length) notes.push(l(`Après acceptation, traceur(s) appelé(s) : ${listText(trackers).fr}.`, `After acceptance, tracker(s) called: ${listText(trackers).en}.`));
    if (beacons.length) notes.push(l(`Après acceptation, traceur(s) probable(s) appelé(s) : ${listText(beacons).fr}.`, `After acceptance, probable tracker(s) called: ${listText(beacons).en}.`));
    if (d.newCookies.length) notes.push(l(`Après acceptation, cookie(s) déposé(s) : ${listText(d.newCookies).fr}.`, `After acceptance, cookie(s) set: ${listText(d.newCookies).en}.`));
    if (!trackers.length && !beacons.length && !d.newCookies.length) notes.push(l('Après acceptation : aucun nouveau cookie ni nouvel appel de traceur observé.', 'After acceptance: no new cookie and no new tracker call observed.'));
  }
  return notes;
}

/** The step's report from a fresh observation and the one it is compared with. */
export function reportStep(step: FlowStep, observation: Observation, previous: Observation | null): StepReport {
  if (step === 'fresh' || !previous) return { step, observation, diff: null, notes: freshNotes(observation) };
  const diff = diffObservations(previous, observation);
  return { step, observation, diff, notes: changeNotes(step, observation, diff) };
}

/** Steps 2 and 3 compare with an earlier observation: they need step 1 first. */
export function canRun(state: FlowState, step: FlowStep): boolean {
  return step === 'fresh' || state.reports.fresh !== undefined;
}

/** The observation a step compares with: the latest earlier one. */
export function previousOf(state: FlowState, step: FlowStep): Observation | null {
  if (step === 'fresh') return null;
  if (step === 'after-accept') return (state.reports['after-refuse'] ?? state.reports.fresh)?.observation ?? null;
  return state.reports.fresh?.observation ?? null;
}

/** Runs one step with the injected browser work. Throws what the dependencies throw. */
export async function runStep(deps: ConsentFlowDeps, target: FlowTarget, state: FlowState, step: FlowStep): Promise<StepReport> {
  if (!canRun(state, step)) throw new Error('Étape 1 d’abord : recharger sans cookies.');
  if (step === 'fresh') {
    await deps.clearSiteData(new URL(target.url).origin);
    await deps.reload(target.tabId);
  }
  const facts = await deps.observe(target.tabId);
  return reportStep(step, observe(facts), previousOf(state, step));
}

/** The state with a step's report; a new step 1 starts the flow over. */
export function withReport(state: FlowState, report: StepReport): FlowState {
  if (report.step === 'fresh') return { reports: { fresh: report } };
  return { reports: { ...state.reports, [report.step]: report } };
}
