// `npm test`: installs what is missing, then type-checks, runs the unit and component tests,
// builds and lints both browsers' packages, and runs the end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion, ensureChromium, ensureDependencies, ensureFirefox, ensureLibreOffice, firefoxVersion, libreOfficeVersion, must, run } from './setup.mjs';

ensureDependencies();
ensureChromium();
ensureLibreOffice();
ensureFirefox();
console.log(`Node.js : ${process.version}`);
console.log(`Chromium : ${chromiumVersion()}`);
console.log(`Firefox : ${firefoxVersion()}`);
console.log(`LibreOffice : ${libreOfficeVersion()}`);

const reports = mkdtempSync(join(tmpdir(), 'grille-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];
// Every failing test, named again at the very end: CI keeps only the tail of a long output.
const failures = [];
// Tests that failed once and passed on their retry (CI retries once): named, never hidden.
const unstable = [];

function firstLines(text = '', count = 6) {
  return text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, count).join('\n    ');
}

function vitest(name, args, env = {}) {
  const output = join(reports, `${name}.json`);
  const status = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], {
    env: { ...process.env, ...env },
  });
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    totals.passed += report.numPassedTests;
    // A test file that cannot even load (a missing import) has no tests to fail: count it as one.
    const unloaded = (report.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).length).length;
    totals.failed += report.numFailedTests + unloaded;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      const where = file.name.replace(`${process.cwd()}/`, '');
      if (file.status === 'failed' && !(file.assertionResults ?? []).length)
        failures.push(`${name} · ${where} — ${firstLines(file.message)}`);
      for (const test of file.assertionResults ?? []) {
        const line = `${name} · ${where} › ${test.fullName} — ${firstLines((test.failureMessages ?? []).join('\n'))}`;
        if (test.status === 'failed') failures.push(line);
        else if (test.status === 'passed' && test.failureMessages?.length) unstable.push(line);
      }
    }
  }
  if (status !== 0) failedSteps.push(name);
}

console.log('\n→ Vérification des types');
must('npx', ['tsc', '--noEmit']);

console.log('\n→ Tests unitaires et de composants');
vitest('unit', []);

console.log('\n→ Construction et archives Chrome et Firefox (npm run zip)');
must('npm', ['run', 'zip', '--silent']);
const zips = readdirSync(join(process.cwd(), '.output')).filter((f) => f.endsWith('.zip'));
for (const wanted of ['chrome.zip', 'firefox.zip', 'sources.zip']) {
  if (!zips.some((z) => z.endsWith(wanted))) {
    console.error(`✗ archive manquante : *-${wanted} (trouvées : ${zips.join(', ')})`);
    failedSteps.push('zip');
  }
}

console.log('\n→ web-ext lint (Firefox)');
{
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
  } catch {
    console.error(lint.stdout, lint.stderr);
    failedSteps.push('web-ext lint');
  }
  if (report) {
    for (const level of ['errors', 'warnings', 'notices'])
      for (const m of report[level]) console.log(`  ${level.slice(0, -1)} ${m.code} ${m.file ?? ''} — ${m.message}`);
    console.log(`  ${report.summary.errors} erreur(s), ${report.summary.warnings} avertissement(s), ${report.summary.notices} remarque(s)`);
    if (report.summary.errors > 0) failedSteps.push('web-ext lint');
  }
}

console.log('\n→ Tests de bout en bout dans Chromium');
vitest('e2e', ['--config', 'vitest.e2e.config.ts'], { GRILLE_SKIP_BUILD: '1' });

if (unstable.length) {
  console.log('\nTests instables (échec puis réussite au second essai) :');
  for (const u of unstable) console.log(`  ~ ${u}`);
}
if (failures.length) {
  console.log('\nTests en échec :');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\nÉtapes en échec : ${failedSteps.length ? failedSteps.join(', ') : 'aucune'}`);
// A failed step that is not a test (build, lint) still counts as one failure in the closing line.
const stepFailures = failedSteps.filter((s) => s !== 'unit' && s !== 'e2e').length;
console.log(`Total: ${totals.passed} passed, ${totals.failed + stepFailures} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
