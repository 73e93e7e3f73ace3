// `npm start`: installs what is missing, builds Grille, serves the sample candidate site and
// opens Chromium with Grille loaded on it. Without a display, it runs Chromium headless and
// saves screenshots instead. Stop with Ctrl+C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, ensureChromium, ensureDependencies, must, root } from './setup.mjs';

ensureDependencies();
ensureChromium();
must('npx', ['wxt', 'build']);

const { chromium } = await import('playwright-core');
const { startSampleSite } = await import('./sample-site.mjs');
const site = await startSampleSite({ port: Number(process.env.PORT ?? 0) });
const extension = join(root, '.output/chrome-mv3');
const profile = join(root, '.output/demo-profile');
mkdirSync(profile, { recursive: true });
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: false,
  viewport: null,
  env: { ...process.env, LANGUAGE: process.env.GRILLE_LANGUAGE ?? 'fr' },
  args: [
    ...(headed ? [] : ['--headless=new']),
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(worker.url()).host;

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(site.url);
// The side panel opens from Grille's toolbar button (the browser requires the click);
// the same panel also opens as a page, which follows the site's tab.
const panel = await context.newPage();
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);

console.log(`\nSite du candidat (exemple) : ${site.url}`);
console.log(`Panneau Grille en onglet    : chrome-extension://${extensionId}/sidepanel.html`);
if (headed) {
  await page.bringToFront();
  console.log('Cliquez sur l\'icône Grille (menu des extensions, pièce de puzzle) pour ouvrir le panneau latéral.');
  console.log('Fermez Chromium ou faites Ctrl+C pour arrêter.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', stop);
} else {
  await panel.setViewportSize({ width: 420, height: 1000 });
  // Show a certification in the screenshot: the e-commerce bloc of the first référentiel that has one.
  await panel.waitForSelector('#certification-select');
  await panel.selectOption('#certification-select', 'charge-webmarketing-medias-sociaux-e-commerce').catch(() => undefined);
  await panel.selectOption('#bloc-select', { index: 1 }).catch(() => undefined);
  const shots = join(root, '.output');
  await page.screenshot({ path: join(shots, 'demo-site.png') });
  await panel.screenshot({ path: join(shots, 'demo-panel.png') });
  console.log(`Pas d'écran (DISPLAY absent) : Chromium a tourné sans fenêtre ; captures dans ${shots}/demo-site.png et demo-panel.png.`);
  await context.close();
  await site.close();
}
