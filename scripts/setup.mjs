// Set-up shared by `npm test` and `npm start`, so each works on a fresh Debian machine:
// installs the npm dependencies (npm ci) when they are missing or stale, and Debian's Chromium
// with its French locale when absent. Uses only Node's standard library: it runs before npm ci.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installedFromLock, nodeSupported } from './preflight.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FRENCH_LOCALE = '/usr/lib/chromium/locales/fr.pak';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function must(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ échec : ${command} ${args.join(' ')} (code ${status})`);
    process.exit(status);
  }
}

/** Stops with a French message on a Node.js Grille does not run on, before anything is installed. */
export function ensureNode() {
  if (nodeSupported(process.versions.node)) return;
  console.error(`Node.js ${process.versions.node} ne convient pas : Grille demande Node.js 20.19 ou plus récent en version 20, ou 22.12 ou plus récent (testée avec Node.js 20.20).`);
  process.exit(1);
}

/** npm ci, unless node_modules was installed from this very package-lock.json (always in CI: a clean install). */
export function ensureDependencies() {
  ensureNode();
  if (process.env.CI !== 'true' && installedFromLock(root)) return;
  console.log('→ npm ci');
  must('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Debian's chromium (and chromium-l10n, so Grille shows in French) when absent. */
export function ensureChromium() {
  if (existsSync(CHROMIUM) && (process.env.CHROMIUM_PATH || existsSync(FRENCH_LOCALE))) return;
  aptInstall(`Chromium (${CHROMIUM})`, ['chromium', 'chromium-l10n']);
}

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_FRENCH = '/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi';

/** Debian packages, as root or through sudo; explains what to run when neither is possible. */
function aptInstall(what, packages) {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error(`${what} est absent et l'installer demande les droits root :\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`→ apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => (asRoot ? must('apt-get', args, { env }) : must('sudo', ['-E', 'apt-get', ...args], { env }));
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...packages);
}

/** Calc's own library: present once libreoffice-calc-nogui is installed. */
const CALC = '/usr/lib/libreoffice/program/libscfiltlo.so';

/**
 * Debian's LibreOffice Writer and Calc (without their GUI) when absent, in one apt-get call: the
 * tests open the exported DOCX in Writer, as a jury secretary would, to check that it opens, lays
 * out and saves again, and the session CSV in Calc, to check that no cell runs as a formula.
 */
export function ensureLibreOffice() {
  if (existsSync(SOFFICE) && (process.env.SOFFICE_PATH || existsSync(CALC))) return;
  aptInstall(`LibreOffice Writer et Calc (${SOFFICE})`, ['libreoffice-writer-nogui', 'libreoffice-calc-nogui']);
}

/** Debian's Firefox ESR and its French language pack when absent: Grille is tested in Firefox too. */
export function ensureFirefox() {
  if (existsSync(FIREFOX) && (process.env.FIREFOX_PATH || existsSync(FIREFOX_FRENCH))) return;
  aptInstall(`Firefox ESR (${FIREFOX})`, ['firefox-esr', 'firefox-esr-l10n-fr']);
}

export function firefoxVersion() {
  try {
    return execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'inconnue';
  }
}

export function libreOfficeVersion() {
  try {
    return execFileSync(SOFFICE, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'inconnue';
  }
}

export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'inconnue';
  }
}
