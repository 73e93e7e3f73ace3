// Experiment: which write path keeps a just-typed value when the browser is killed (SIGKILL on its
// main process, as a dead battery or a force-quit would)? Each trial writes a counter 30 times,
// 30 ms apart, through every path at once (bench/kill-probe/probe.js), kills the browser a random
// delay after the last write, relaunches on the same profile and reads back. Prints, per path, how
// many trials lost the last write and the age of the oldest write lost. Not part of `npm run bench`
// (a few minutes): `node bench/kill-probe.mjs [chromium|firefox] [trials]`. The figures are kept in
// docs/durability.md.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const which = process.argv[2] ?? 'chromium';
const TRIALS = Number(process.argv[3] ?? 20);
const MAX_DELAY = Number(process.env.PROBE_MAX_DELAY ?? 2500);
const probeDir = fileURLToPath(new URL('./kill-probe/', import.meta.url));

/** The browser's main process: the one whose command line names the profile and is no child. */
export function mainProcess(profileDir, isChild) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.some((a) => a.includes(profileDir)) && !isChild(args)) return Number(entry);
  }
  return null;
}

async function chromiumSession(profileDir) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', `--disable-extensions-except=${probeDir}`, `--load-extension=${probeDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/probe.html`);
  return {
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    pid: () => mainProcess(profileDir, (a) => a.some((x) => x.startsWith('--type='))),
    close: () => context.close().catch(() => undefined),
  };
}

let server;
async function firefoxSession(profileDir) {
  const puppeteer = (await import('puppeteer-core')).default;
  if (!server) {
    server = createServer((req, res) => {
      const file = req.url === '/probe.js' ? 'probe.js' : 'probe.html';
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(readFileSync(join(probeDir, file)));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true, userDataDir: profileDir });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/probe.html`);
  return {
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    pid: () => mainProcess(profileDir, (a) => a.includes('-contentproc') || a.some((x) => x.includes('contentproc'))),
    close: () => browser.close().catch(() => undefined),
  };
}

const launch = which === 'firefox' ? firefoxSession : chromiumSession;
// after: 30 writes, then a kill 0–MAX_DELAY ms after the last one (the issue's « killed N ms after
// typing »). stream: a kill while writes still go on every 30 ms (typing), 1–4 s into them; what
// counts is the age of the newest write that survived.
const MODE = process.env.PROBE_MODE ?? 'after';
const results = {};
for (let trial = 0; trial < TRIALS; trial++) {
  const profileDir = mkdtempSync(join(tmpdir(), `grille-probe-${which}-`));
  const session = await launch(profileDir);
  const pid = session.pid();
  if (!pid) throw new Error('main process not found');
  let killAt;
  let issued = null;
  if (MODE === 'stream') {
    const started = await session.evaluate((n) => globalThis.probe.stream(n, 30), 400);
    killAt = started + 1000 + Math.round(Math.random() * 3000);
  } else {
    // Delays spread evenly over [0, MAX_DELAY], in a shuffled order.
    const delay = Math.round((((trial * 7919) % TRIALS) / TRIALS) * MAX_DELAY + Math.random() * (MAX_DELAY / TRIALS));
    issued = await session.evaluate((n) => globalThis.probe.run(n, 30), 30);
    killAt = issued.at(-1) + delay;
  }
  while (Date.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 1));
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  await session.close();
  const again = await launch(profileDir);
  const read = await again.evaluate(() => globalThis.probe.read());
  await again.close();
  rmSync(profileDir, { recursive: true, force: true });
  for (const [path, survived] of Object.entries(read)) {
    const r = (results[path] ??= { lost: 0, trials: 0, oldestLost: 0, ages: [] });
    r.trials += 1;
    if (issued) {
      if (survived.i < issued.length) {
        r.lost += 1;
        r.oldestLost = Math.max(r.oldestLost, killedAt - issued[survived.i]);
      }
    } else r.ages.push(survived.at ? killedAt - survived.at : Infinity);
  }
  const age = issued ? `${killedAt - issued.at(-1)} ms after the last write` : 'while writing';
  console.log(`trial ${trial + 1}: killed ${age} →`, JSON.stringify(Object.fromEntries(Object.entries(read).map(([k, v]) => [k, issued ? v.i : killedAt - v.at]))));
}
server?.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
if (MODE === 'stream') {
  console.log(`\n${which}, ${TRIALS} kills while writing every 30 ms: age at the kill of the newest write that survived`);
  for (const [path, r] of Object.entries(results)) console.log(`${path.padEnd(24)} median ${median(r.ages)} ms, worst ${Math.max(...r.ages)} ms`);
} else {
  console.log(`\n${which}, ${TRIALS} kills between 0 and ${MAX_DELAY} ms after the last of 30 writes (30 ms apart):`);
  for (const [path, r] of Object.entries(results))
    console.log(`${path.padEnd(24)} last write lost in ${r.lost}/${r.trials}; oldest write lost was ${r.oldestLost} ms old at the kill`);
}
