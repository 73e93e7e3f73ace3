import { describe, expect, it, vi } from 'vitest';
import { canRun, initialFlowState, runStep, withReport, type ConsentFlowDeps } from '@/lib/privacy/consent-flow';
import { CSS, ENGAGEMENT, FONT, GA, PAGEVIEW, sceneFacts, SITE, type Scene } from './flow-facts';

/** Fake browser: each observe() returns the next scene; records the calls in order. */
function fakeDeps(...scenes: Scene[]) {
  const calls: string[] = [];
  const deps: ConsentFlowDeps = {
    clearSiteData: vi.fn(async (origin: string) => void calls.push(`clear ${origin}`)),
    reload: vi.fn(async (tabId: number) => void calls.push(`reload ${tabId}`)),
    observe: vi.fn(async (tabId: number) => {
      calls.push(`observe ${tabId}`);
      return sceneFacts(scenes.shift() ?? {});
    }),
  };
  return { deps, calls };
}

const target = { tabId: 7, url: `${SITE}boutique/?x=1` };
const before: Scene = { cookies: ['_brume_uid'], resources: [CSS, PAGEVIEW, ENGAGEMENT, FONT] };

describe('consent flow', () => {
  it('step 1 clears the site’s data, reloads, then observes what happens before any choice', async () => {
    const { deps, calls } = fakeDeps(before);
    const report = await runStep(deps, target, initialFlowState, 'fresh');
    expect(calls).toEqual(['clear http://localhost:8080', 'reload 7', 'observe 7']);
    expect(report.diff).toBeNull();
    expect(report.observation.beacons.map((b) => b.host)).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(report.observation.others.map((o) => o.host)).toEqual(['fonts.gstatic.com']);
    expect(report.notes.map((n) => n.fr)).toEqual([
      'Bandeau de consentement affiché après le rechargement sans cookies.',
      'Avant tout choix, cookie(s) déposé(s) : _brume_uid.',
      'Avant tout choix, traceur(s) probable(s) appelé(s) : 127.0.0.1.',
    ]);
  });

  it('steps 2 and 3 need step 1', async () => {
    expect(canRun(initialFlowState, 'fresh')).toBe(true);
    expect(canRun(initialFlowState, 'after-refuse')).toBe(false);
    const { deps } = fakeDeps();
    await expect(runStep(deps, target, initialFlowState, 'after-refuse')).rejects.toThrow(/Étape 1/);
    expect(deps.observe).not.toHaveBeenCalled();
  });

  it('after refusal, reports what changed: a tracker called after refusal, cookies still there', async () => {
    const refused: Scene = { cookies: ['_brume_uid', 'OptanonConsent'], resources: [CSS, PAGEVIEW, ENGAGEMENT, FONT, { ...PAGEVIEW, url: PAGEVIEW.url.replace('pageview', 'click'), startTime: 5000 }, GA], bannerVisible: false };
    const { deps, calls } = fakeDeps(before, refused);
    let state = withReport(initialFlowState, await runStep(deps, target, initialFlowState, 'fresh'));
    const report = await runStep(deps, target, state, 'after-refuse');
    state = withReport(state, report);
    expect(calls.slice(3)).toEqual(['observe 7']); // no reload: the juror's choice stays
    expect(report.diff?.newCookies).toEqual(['OptanonConsent']);
    expect(report.diff?.keptCookies).toEqual(['_brume_uid']);
    expect(report.diff?.newTrackers.map((t) => t.vendor)).toEqual(['Google Analytics']);
    expect(report.diff?.newBeacons).toHaveLength(1);
    expect(report.notes.map((n) => n.fr)).toEqual([
      'Traceur appelé après refus : Google Analytics (www.google-analytics.com).',
      'Traceur appelé après refus (probable) : 127.0.0.1.',
      'Cookie(s) déposé(s) avant le choix et toujours présent(s) après refus : _brume_uid.',
    ]);
    expect(state.reports['after-refuse']).toBe(report);
  });

  it('after refusal with nothing new, says so; a still-visible banner is reported', async () => {
    const { deps } = fakeDeps({ resources: [CSS] }, { resources: [CSS] });
    const state = withReport(initialFlowState, await runStep(deps, target, initialFlowState, 'fresh'));
    const report = await runStep(deps, target, state, 'after-refuse');
    expect(report.notes.map((n) => n.fr)).toEqual([
      'Le bandeau est toujours affiché : le refus a-t-il été fait et enregistré ?',
      'Après refus : aucun nouveau cookie ni nouvel appel de traceur observé.',
    ]);
  });

  it('a page reloaded by the consent manager makes every request new (made after the choice)', async () => {
    const reloaded: Scene = { resources: [CSS, { ...PAGEVIEW, startTime: 41 }], bannerVisible: false };
    const { deps } = fakeDeps(before, reloaded);
    const state = withReport(initialFlowState, await runStep(deps, target, initialFlowState, 'fresh'));
    const report = await runStep(deps, target, state, 'after-refuse');
    expect(report.diff?.newBeacons).toHaveLength(1);
    expect(report.diff?.goneCookies).toEqual(['_brume_uid']);
  });

  it('step 3 compares with the refusal when there was one, and a new step 1 starts over', async () => {
    const refused: Scene = { cookies: ['_brume_uid'], resources: [CSS, PAGEVIEW], bannerVisible: false };
    const accepted: Scene = { cookies: ['_brume_uid', '_ga'], resources: [CSS, PAGEVIEW, GA], bannerVisible: false };
    const { deps } = fakeDeps(before, refused, accepted, before);
    let state = withReport(initialFlowState, await runStep(deps, target, initialFlowState, 'fresh'));
    state = withReport(state, await runStep(deps, target, state, 'after-refuse'));
    const accept = await runStep(deps, target, state, 'after-accept');
    expect(accept.diff?.newCookies).toEqual(['_ga']);
    expect(accept.notes.map((n) => n.fr)).toContain('Après acceptation, traceur(s) appelé(s) : Google Analytics (www.google-analytics.com).');
    state = withReport(state, accept);
    state = withReport(state, await runStep(deps, target, state, 'fresh'));
    expect(Object.keys(state.reports)).toEqual(['fresh']);
  });

  it('passes the dependencies’ failures on', async () => {
    const { deps } = fakeDeps();
    deps.clearSiteData = vi.fn(async () => Promise.reject(new Error('Permission refusée')));
    await expect(runStep(deps, target, initialFlowState, 'fresh')).rejects.toThrow('Permission refusée');
    expect(deps.reload).not.toHaveBeenCalled();
  });
});
