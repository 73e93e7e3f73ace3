// What scripts/setup.mjs checks before installing anything: that this Node.js runs Grille, and
// whether node_modules already holds what package-lock.json pins. Standard library only: it runs
// before the dependencies exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node.js versions Grille builds and tests with (package.json engines): Vite 8 and jsdom 29
 * need 20.19 or later in Node 20, 22.12 or later in Node 22. The test suite runs on Node 20.20;
 * wxt 0.21 and openai 7 announce Node ≥ 22, so npm ci warns (EBADENGINE) on Node 20 — a warning
 * only, the build and every test pass there.
 */
export function nodeSupported(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
}

/**
 * Whether node_modules holds what package-lock.json pins, read from npm's own record of its last
 * install (node_modules/.package-lock.json, written by npm ci and npm install): every locked
 * package at its locked version — optional ones may be absent (another platform's binaries) —
 * and nothing else. Lets `npm start` and `npm test` skip an npm ci that the user just ran.
 */
export function installedFromLock(dir) {
  let wanted;
  let installed;
  try {
    wanted = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8')).packages ?? {};
  } catch {
    return false;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (!path.startsWith('node_modules/')) continue;
    const got = installed[path];
    if (!got) {
      if (entry.optional || entry.devOptional) continue;
      return false;
    }
    if (got.version !== entry.version) return false;
  }
  return Object.keys(installed).every((path) => path in wanted);
}
