// Types for scripts/preflight.mjs (plain ESM: it runs before npm ci).
/** Whether this Node.js version (« 20.20.2 ») builds and tests Grille. */
export function nodeSupported(version: string): boolean;
/** Whether `dir`/node_modules was installed from `dir`/package-lock.json, as npm recorded it. */
export function installedFromLock(dir: string): boolean;
