// Launches Debian's Chromium with the built extension loaded, the way a juror would run it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROME_BUILD = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface GrilleBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Opens Grille's panel page in a tab (chrome.sidePanel.open needs a real toolbar click). */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A copy of the build whose manifest already holds access to the given hosts, standing for a
 * juror who granted « Identifier le site »: headless Chromium cannot answer a permission prompt.
 */
export function buildWithHostAccess(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'grille-ext-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = hosts;
  // And to the consent walkthrough's « Recharger sans cookies » (optional browsingData).
  manifest.permissions = [...new Set([...(manifest.permissions ?? []), 'browsingData'])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export async function launchGrille(options: { extensionDir?: string; profileDir?: string; language?: string } = {}): Promise<GrilleBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'grille-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    // Chromium's UI language (and so the extension's) follows LANGUAGE on Linux; fr.pak comes from chromium-l10n.
    env: { ...process.env, LANGUAGE: options.language ?? 'fr' },
    viewport: { width: 420, height: 900 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async openPanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) in the page; evaluation bypasses the page's CSP. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
