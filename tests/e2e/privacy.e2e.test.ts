// RGPD facts and rules on the sample site (tests/fixtures/sample-site, FAULTS.md R1–R6) in real
// Chromium, with Grille's built analyzer: the site is served by scripts/sample-site.mjs, whose
// tracker answers /collect.js and /collect on http://127.0.0.1:<port> — another site for the
// browser than http://localhost:<port>. Also the guided consent flow with real page reloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runRule } from '@/lib/checks/engine';
import { RULES } from '@/lib/analysis/rules';
import type { PageFacts } from '@/lib/page/facts';
import { classifyRequests } from '@/lib/privacy/third-parties';
import { initialFlowState, runStep, withReport, type ConsentFlowDeps } from '@/lib/privacy/consent-flow';
import { analyze, launchChromium, openFixture, startFixtureServer, type FixtureServer } from './page-harness';
import { startSampleSite } from '../../scripts/sample-site.mjs';

const DAY = 86_400_000;
let browser: Browser;
let site: Awaited<ReturnType<typeof startSampleSite>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startSampleSite();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => undefined);
}

const outcome = (id: string, facts: PageFacts) => {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`règle inconnue : ${id}`);
  return runRule(rule, facts);
};

describe('sample site home, before any choice', () => {
  let context: BrowserContext;
  let facts: PageFacts;
  beforeAll(async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await open(page, '/');
    facts = await analyze(page, { axe: false });
  });
  afterAll(() => context?.close());

  it('reads the _brume_uid cookie with the browser-capped 400-day expiry (R2)', () => {
    expect(facts.privacy.cookieSource).toBe('cookieStore');
    const uid = facts.privacy.cookies.find((c) => c.name === '_brume_uid');
    expect(uid).toBeDefined();
    const days = ((uid!.expires as number) - facts.analyzedAt) / DAY;
    expect(days).toBeGreaterThan(395);
    expect(days).toBeLessThanOrEqual(400.1);
  });

  it('records the 127.0.0.1 tracker as a probable tracker, with the page URL it carries (R3)', () => {
    const { beacons, trackers } = classifyRequests(facts.privacy.resources, facts.snapshot.url);
    expect(trackers).toEqual([]); // not on the list: the heuristic must catch it
    const pixels = beacons.filter((b) => b.host === '127.0.0.1' && b.url.includes('/collect?'));
    expect(pixels.map((b) => new URL(b.url).searchParams.get('ev'))).toEqual(expect.arrayContaining(['pageview', 'engagement']));
    expect(pixels[0]!.reasons.map((r) => r.fr)).toContain('transmet l’adresse de la page consultée');
  });

  it('finds the banner: visible, « Accepter » and « Personnaliser », no refuse, no link (R1)', () => {
    const { banner } = facts.privacy;
    expect(banner).toMatchObject({ found: true, visible: true, selector: '#cookie-banner', links: [] });
    const firstLevel = banner.buttons.filter((b) => b.area > 0).map((b) => [b.label, b.kind]);
    expect(firstLevel).toEqual([
      ['Accepter', 'accept'],
      ['Personnaliser', 'settings'],
    ]);
  });

  it('fails R1–R4 and passes what the site does offer', () => {
    const consent = outcome('rgpd-consent-banner', facts);
    expect(consent.outcome, consent.detail.fr).toBe('fail');
    expect(consent.detail.fr).toContain('aucune politique');
    expect(outcome('rgpd-cookies-before-consent', facts).outcome).toBe('fail');
    const lifetime = outcome('rgpd-cookie-lifetime', facts);
    expect(lifetime.outcome).toBe('fail');
    expect(lifetime.detail.fr).toContain('400 jours');
    const third = outcome('rgpd-third-parties-before-consent', facts);
    expect(third.outcome).toBe('fail');
    expect(third.detail.fr).toContain('127.0.0.1');
    const privacy = outcome('rgpd-privacy-policy-link', facts);
    expect(privacy.outcome, privacy.detail.fr).toBe('fail');
    expect(outcome('rgpd-legal-notice-link', facts).outcome).toBe('pass');
    expect(outcome('rgpd-terms-of-sale-link', facts).outcome).toBe('pass');
  });
});

describe('sample site contact page', () => {
  it('fails the form notice (R5) and the pre-ticked newsletter box (R6)', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await open(page, '/contact/');
      const facts = await analyze(page, { axe: false });
      const notice = outcome('rgpd-form-notice', facts);
      expect(notice.outcome, notice.detail.fr).toBe('fail');
      expect(notice.detail.fr).toContain('nom, e-mail, téléphone');
      expect(notice.elements).toHaveLength(1);
      const ticked = outcome('rgpd-prechecked-consent', facts);
      expect(ticked.outcome, ticked.detail.fr).toBe('fail');
      expect(ticked.elements.map((e) => e.selector)).toEqual(['#cf-newsletter']);
    } finally {
      await context.close();
    }
  });
});

describe('guided consent flow on the sample site', () => {
  it('reloads without cookies, then after a refusal reports the tracker still called and the cookie kept', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await open(page, '/');
      await page.evaluate(() => localStorage.setItem('brume_consent', '{"audience":true}')); // an earlier choice
      const deps: ConsentFlowDeps = {
        clearSiteData: async () => {
          await context.clearCookies();
          await page.evaluate(() => localStorage.clear());
        },
        reload: async () => {
          await page.reload({ waitUntil: 'load' });
          await page.waitForLoadState('networkidle').catch(() => undefined);
        },
        observe: () => analyze(page, { axe: false }),
      };
      const target = { tabId: 1, url: page.url() };
      const fresh = await runStep(deps, target, initialFlowState, 'fresh');
      expect(fresh.observation.bannerVisible).toBe(true); // the earlier choice was cleared
      expect(fresh.observation.cookies.map((c) => c.name)).toContain('_brume_uid');
      let state = withReport(initialFlowState, fresh);

      // The juror: « Personnaliser », leaves the boxes unticked, « Enregistrer mes choix »; then opens another page.
      await page.getByRole('button', { name: 'Personnaliser' }).click();
      await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
      await open(page, '/boutique/');
      const refused = await runStep(deps, target, state, 'after-refuse');
      state = withReport(state, refused);
      expect(refused.observation.bannerVisible).toBe(false);
      const notes = refused.notes.map((n) => n.fr);
      expect(notes).toContain('Traceur appelé après refus (probable) : 127.0.0.1.');
      expect(notes).toContain('Cookie(s) déposé(s) avant le choix et toujours présent(s) après refus : _brume_uid.');
      expect(refused.diff?.newStorageKeys).toEqual(['brume_consent']);
    } finally {
      await context.close();
    }
  });
});

describe('the tests’ fixture server (no tracker behind /collect)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server?.close());

  it('still records the pixel request that got a 404, as Resource Timing keeps failed responses', async () => {
    const page = await browser.newPage();
    try {
      await openFixture(page, server, 'sample-site/index.html');
      const facts = await analyze(page, { axe: false });
      const { beacons } = classifyRequests(facts.privacy.resources, facts.snapshot.url);
      expect(beacons.some((b) => b.url.includes('/collect?') && b.url.includes('ev=pageview'))).toBe(true);
      expect(outcome('rgpd-third-parties-before-consent', facts).outcome).toBe('fail');
    } finally {
      await page.close();
    }
  });
});
