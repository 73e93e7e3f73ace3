// The built extension in Debian's Chromium, on the sample candidate site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSampleSite } from '../../scripts/sample-site.mjs';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import { foldForSearch } from '@/lib/text/normalize';
import { axeViolations, buildWithHostAccess, launchGrille, type GrilleBrowser } from './harness';

type Site = Awaited<ReturnType<typeof startSampleSite>>;
let site: Site;

const ECOMMERCE_CERT = bundledCertifications.find((c) => c.id === 'charge-webmarketing-medias-sociaux-e-commerce')!;
const SHOP_BLOC = ECOMMERCE_CERT.blocs.find((b) => b.id === 'sm-b2')!;

beforeAll(async () => {
  site = await startSampleSite();
});
afterAll(async () => {
  await site?.close();
});

async function shownCriteria(panel: Page, within = 'main') {
  return panel.locator(`${within} [data-criterion-id]`).evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-criterion-id')!, text: el.querySelector('.criterion-text, .criterion-gap')?.textContent ?? '' })),
  );
}

async function choose(panel: Page, certificationId: string, blocId?: string) {
  await panel.getByLabel('Certification').selectOption(certificationId);
  if (blocId) await panel.getByLabel('Bloc de compétences').selectOption(blocId);
}

describe('Grille as shipped (no host access)', () => {
  let grille: GrilleBrowser;
  let panel: Page;
  beforeAll(async () => {
    grille = await launchGrille();
    const tab = await grille.context.newPage();
    await tab.goto(`${site.url}boutique/bougie-figue-cedre/`);
    panel = await grille.openPanel();
  });
  afterAll(async () => grille?.close());

  it('tells a website by its address and offers to identify it, asking for that site only', async () => {
    await expect.poll(() => panel.getByTestId('deliverable-kind').textContent()).toBe('Site web');
    await expect.poll(() => panel.getByRole('button', { name: 'Identifier le site (CMS, boutique)' }).isVisible()).toBe(true);
    const manifest = await panel.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('shows every bloc, competency and criterion of the five certifications, worded as in the data', async () => {
    const certOptions = await panel.getByLabel('Certification').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(certOptions.sort()).toEqual(bundledCertifications.map((c) => c.id).sort());
    await panel.getByRole('radio', { name: 'Ordre du référentiel' }).check().catch(() => undefined);
    for (const cert of bundledCertifications) {
      await choose(panel, cert.id);
      for (const bloc of cert.blocs) {
        await panel.getByLabel('Bloc de compétences').selectOption(bloc.id);
        await expect.poll(() => panel.locator('#criteria-heading').textContent()).toBe(`Critères d'évaluation (${bloc.criteria.length})`);
        const shown = await shownCriteria(panel);
        expect(shown.map((s) => s.id).sort(), `${cert.id} ${bloc.code}`).toEqual(bloc.criteria.map((k) => k.id).sort());
        const byId = new Map(shown.map((s) => [s.id, s.text]));
        for (const k of bloc.criteria) if (!k.gap) expect(byId.get(k.id)).toBe(k.text);
        const competencyCodes = await panel.locator('[data-competency-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-competency-code')));
        expect(competencyCodes).toEqual(bloc.competencies.map((c) => c.code));
      }
    }
  });

  it('is axe-clean', async () => {
    await choose(panel, ECOMMERCE_CERT.id, SHOP_BLOC.id);
    await panel.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('can be used from the keyboard alone', async () => {
    await choose(panel, ECOMMERCE_CERT.id, SHOP_BLOC.id);
    await panel.reload();
    await expect.poll(() => panel.locator('#bloc-select').count()).toBe(1);
    await panel.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < 20; i++) {
      await panel.keyboard.press('Tab');
      reached.push(await panel.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || document.activeElement?.tagName || ''));
    }
    expect(reached).toEqual(expect.arrayContaining(['evaluation-search', 'certification-select', 'bloc-select', 'criteria-search', 'criteria-order']));
    // Search from the keyboard, open a hit with Enter: focus lands on the criterion in its bloc.
    await panel.locator('#criteria-search').focus();
    await panel.keyboard.type('fiches produit Shopify');
    await panel.getByRole('button', { name: 'Voir dans son bloc' }).first().focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-criterion-id'))).toBe('sm-k029');
  });
});

describe('Grille with access to the site granted', () => {
  let grille: GrilleBrowser;
  let panel: Page;
  let tab: Page;
  beforeAll(async () => {
    grille = await launchGrille({ extensionDir: buildWithHostAccess(['http://localhost/*']) });
    // Live accounts are out of reach here: the browser answers for them with a local page.
    await grille.context.route('https://www.instagram.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<html lang="fr"><title>Atelier Brume (@atelier.brume)</title><h1>atelier.brume</h1></html>' }),
    );
    tab = await grille.context.newPage();
    await tab.goto(site.url);
    panel = await grille.openPanel();
  });
  afterAll(async () => grille?.close());

  it('identifies the WooCommerce shop', async () => {
    await expect.poll(() => panel.getByTestId('deliverable-kind').textContent()).toBe('Site e-commerce (WooCommerce)');
    expect(await panel.getByRole('button', { name: 'Identifier le site (CMS, boutique)' }).count()).toBe(0);
  });

  it('puts the criteria observable on an e-commerce site first, saying why', async () => {
    await choose(panel, ECOMMERCE_CERT.id, SHOP_BLOC.id);
    const relevant = await shownCriteria(panel, '[data-testid="relevant-criteria"]');
    const others = await shownCriteria(panel, '[data-testid="other-criteria"]');
    const kindsOf = new Map(SHOP_BLOC.criteria.map((k) => [k.id, k.deliverableKinds]));
    // Observable on the shop itself first, then on websites, then those about topics checked on sites.
    const onShop = SHOP_BLOC.criteria.filter((k) => k.deliverableKinds.includes('ecommerce-site')).map((k) => k.id);
    expect(relevant.slice(0, onShop.length).map((r) => r.id).sort()).toEqual(onShop.sort());
    for (const r of relevant.slice(onShop.length)) expect(kindsOf.get(r.id)).not.toContain('ecommerce-site');
    expect(relevant.length + others.length).toBe(SHOP_BLOC.criteria.length);
    const firstWhy = await panel.locator('[data-testid="relevant-criteria"] .criterion-why').first().textContent();
    expect(firstWhy).toMatch(/^Pourquoi : observable sur site e-commerce/);
    expect(await panel.locator('[data-testid="other-criteria"] .criterion-why').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('follows the tab to a social account and re-ranks', async () => {
    await tab.goto('https://www.instagram.com/atelier.brume/');
    await tab.bringToFront();
    await expect.poll(() => panel.getByTestId('deliverable-kind').textContent()).toBe('Compte Instagram');
    await choose(panel, ECOMMERCE_CERT.id, 'sm-b1');
    const first = (await shownCriteria(panel, '[data-testid="relevant-criteria"]'))[0]!;
    expect(ECOMMERCE_CERT.blocs[0]!.criteria.find((k) => k.id === first.id)!.deliverableKinds).toContain('social-account');
  });

  it('searches every certification regardless of case and accents', async () => {
    await panel.getByRole('searchbox', { name: 'Rechercher dans tous les critères' }).fill('ACCESSIBILITE');
    await expect.poll(() => panel.locator('.search-results [data-criterion-id]').count()).toBeGreaterThan(0);
    const ids = await panel.locator('.search-results [data-criterion-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion-id')!));
    const expected = bundledCertifications.flatMap((c) =>
      c.blocs.flatMap((b) =>
        b.criteria
          .filter((k) => {
            const context = b.competencies.filter((x) => k.scope.competencyIds.includes(x.id)).map((x) => `${x.code} ${x.text}`);
            return foldForSearch([k.heading ?? '', k.text, ...context, b.title].join(' ')).includes('accessibilite');
          })
          .map((k) => k.id),
      ),
    );
    expect(ids.sort()).toEqual(expected.sort());
    await panel.getByRole('searchbox', { name: 'Rechercher dans tous les critères' }).fill('');
  });
});

describe('Grille in English', () => {
  it('follows the browser language', async () => {
    const grille = await launchGrille({ language: 'en' });
    try {
      const panel = await grille.openPanel();
      await expect.poll(() => panel.getByRole('searchbox', { name: 'Search all criteria' }).count()).toBe(1);
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
      // The référentiels' own wording stays French.
      await panel.getByLabel('Certification').selectOption(ECOMMERCE_CERT.id);
      await expect.poll(() => panel.locator('#bloc-title').textContent()).toContain('Gérer les médias sociaux');
    } finally {
      await grille.close();
    }
  });
});
