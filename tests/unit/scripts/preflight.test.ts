// @vitest-environment node
// Before installing, `npm start`, `npm test` and `npm run bench` check the Node.js version (a French
// message rather than Vite's own error), and run npm ci only when node_modules does not hold what
// package-lock.json pins — judged from npm's own record of its last install, so an `npm ci` the
// user just ran counts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedFromLock, nodeSupported } from '../../../scripts/preflight.mjs';

type Packages = Record<string, { version?: string; optional?: boolean; devOptional?: boolean; dev?: boolean }>;
const LOCK: Packages = {
  '': {},
  'node_modules/react': { version: '19.3.1' },
  'node_modules/vitest': { version: '4.1.12', dev: true },
  'node_modules/@rollup/rollup-darwin-arm64': { version: '4.50.0', optional: true },
  'node_modules/fsevents': { version: '2.3.3', devOptional: true },
};
const { '': _root, ...ONLINUX } = LOCK;
const installedLinux: Packages = { ...ONLINUX };
delete installedLinux['node_modules/@rollup/rollup-darwin-arm64'];
delete installedLinux['node_modules/fsevents'];

const dirs: string[] = [];
function project(installed: Packages | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'grille-lock-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: LOCK }));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('installedFromLock', () => {
  it('yes after an npm ci of this lock, other platforms’ optional packages absent', () => {
    expect(installedFromLock(project(installedLinux))).toBe(true);
    expect(installedFromLock(project({ ...ONLINUX }))).toBe(true);
  });

  it('no when nothing was installed, a package is missing, at another version, or not in the lock', () => {
    expect(installedFromLock(project(null))).toBe(false);
    const { 'node_modules/vitest': _v, ...withoutVitest } = installedLinux;
    expect(installedFromLock(project(withoutVitest))).toBe(false);
    expect(installedFromLock(project({ ...installedLinux, 'node_modules/react': { version: '19.2.0' } }))).toBe(false);
    expect(installedFromLock(project({ ...installedLinux, 'node_modules/left-pad': { version: '1.3.0' } }))).toBe(false);
  });

  it('no when npm’s record is unreadable', () => {
    const dir = project(installedLinux);
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), '{ truncated');
    expect(installedFromLock(dir)).toBe(false);
  });
});

describe('nodeSupported', () => {
  it('as package.json engines say: 20.19 and later 20s, 22.12 and later', () => {
    expect(['20.19.0', '20.20.2', '22.12.0', '22.20.0', '24.1.0'].filter(nodeSupported)).toHaveLength(5);
    expect(['18.19.1', '20.18.3', '21.7.3', '22.11.0'].filter(nodeSupported)).toEqual([]);
  });

  it('accepts the Node.js running this test, which is the tested one', () => {
    expect(nodeSupported(process.versions.node)).toBe(true);
  });
});
