// Builds the extension once before the end-to-end tests, unless told it is fresh.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROME_BUILD, CHROMIUM } from './harness';

export default function setup() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : lancez npm test, qui l'installe.`);
  if (process.env.GRILLE_SKIP_BUILD !== '1' || !existsSync(CHROME_BUILD)) {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }
}
