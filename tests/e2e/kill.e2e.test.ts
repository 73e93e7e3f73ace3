// Nothing typed is lost when the browser dies: a juror types in an observation (or a bloc
// decision's motivation) with real key events, Chromium's main process is killed (SIGKILL, as a
// dead battery or a force-quit would) at 20 delays between 50 and 1500 ms after the last
// keystroke, relaunched on the same profile, and the field must hold every keystroke that was
// older than 100 ms at the kill — and nothing that was not typed. Times are the page's own
// (each input event's Date.now()), so a slow machine moves the kill, never the verdict.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMainPid, processesGone } from './browser-process';
import { launchGrille, type GrilleBrowser } from './harness';

const ROUNDS = 20;
const OLDER_THAN_MS = 100;
const CERT = 'charge-webmarketing-medias-sociaux-e-commerce';

// Delays spread over [50, 1500] ms, one per twentieth of the range, in a shuffled order.
const delays = Array.from({ length: ROUNDS }, (_, i) => Math.round(50 + ((i + Math.random()) * 1450) / ROUNDS)).sort(() => Math.random() - 0.5);
const words = ['Tapé', 'puis', 'tué', 'la', 'batterie', 'meurt', 'observation', 'du', 'jury', 'cible', 'claire', 'personas', 'à', 'l’appui'];
const phrase = (round: number) => ` r${round} ${Array.from({ length: 5 }, (_, i) => words[(round * 5 + i) % words.length]).join(' ')}.`;

let profileDir: string;
let grille: GrilleBrowser;
let panel: Page;

async function openPanel(): Promise<Page> {
  const page = await grille.openPanel();
  // The evaluation reopens by itself (the panel remembers it); otherwise it is in the list.
  const heading = page.getByRole('heading', { name: /Évaluation de Léa Moreau/ });
  const inList = page.getByRole('button', { name: /Léa Moreau/ }).first();
  await heading.or(inList).first().waitFor({ timeout: 30_000 });
  if (!(await heading.count())) await inList.click();
  await heading.waitFor({ timeout: 30_000 });
  return page;
}

type Field = 'observation' | 'exemption reason' | 'motivation';
// A fresh field each round (what a field held before does not matter then): observations and
// exemption reasons of criteria 1 to 10, the bloc decision's motivation last.
const fieldOf = (round: number): Field => (round === ROUNDS - 1 ? 'motivation' : round % 2 === 0 ? 'observation' : 'exemption reason');
const criterionOf = (round: number) => Math.floor(round / 2);

function locate(page: Page, round: number): Locator {
  const assessment = page.locator('.assessment').nth(criterionOf(round));
  switch (fieldOf(round)) {
    case 'observation':
      return assessment.locator('textarea.observation');
    case 'exemption reason':
      return assessment.locator('.exemption textarea');
    case 'motivation':
      return page.getByLabel(/^Motivation/);
  }
}

beforeAll(async () => {
  profileDir = mkdtempSync(join(tmpdir(), 'grille-kill-profile-'));
  grille = await launchGrille({ profileDir });
  panel = await grille.openPanel();
  await panel.getByRole('button', { name: 'Nouvelle évaluation' }).click();
  await panel.getByLabel('Nom du candidat').fill('Léa Moreau');
  await panel.getByLabel('Certification', { exact: true }).selectOption(CERT);
  await panel.getByLabel('Nom du membre 1').fill('Nadia Benali');
  await panel.getByRole('button', { name: "Créer l'évaluation" }).click();
  await panel.getByRole('heading', { name: /Évaluation de Léa Moreau/ }).waitFor();
}, 120_000);

afterAll(async () => {
  await grille?.close().catch(() => undefined);
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('typing, then the browser killed', () => {
  for (let round = 0; round < ROUNDS; round++) {
    it(`round ${round + 1}: the ${fieldOf(round)} keeps every keystroke older than ${OLDER_THAN_MS} ms, killed ~${delays[round]} ms after the last`, async () => {
      if (fieldOf(round) === 'exemption reason') await panel.locator('.assessment').nth(criterionOf(round)).getByRole('radio', { name: 'Exempté' }).check();
      const target = locate(panel, round);
      expect(await target.inputValue()).toBe('');
      await target.evaluate((el) => {
        const keys: [number, string][] = [];
        (window as unknown as { __keys: typeof keys }).__keys = keys;
        el.addEventListener('input', () => keys.push([Date.now(), (el as HTMLTextAreaElement).value]));
      });
      await target.click();
      const typed = phrase(round + 1);
      await panel.keyboard.type(typed, { delay: 15 });
      const keys = await panel.evaluate(() => (window as unknown as { __keys: [number, string][] }).__keys);
      expect(keys.at(-1)?.[1]).toBe(typed);

      const pid = chromiumMainPid(profileDir);
      const killAt = keys.at(-1)![0] + delays[round]!;
      while (Date.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 1));
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      await processesGone(profileDir);
      await grille.context.close().catch(() => undefined);

      // What had to survive: the field as it was after the newest keystroke older than 100 ms.
      const required = keys.filter(([at]) => killedAt - at > OLDER_THAN_MS).at(-1)?.[1] ?? '';
      console.log(`round ${round + 1} (${fieldOf(round)}): killed ${killedAt - keys.at(-1)![0]} ms after the last of ${keys.length} keystrokes; ${required.length} characters required`);
      grille = await launchGrille({ profileDir });
      panel = await openPanel();
      const after = locate(panel, round);
      await expect
        .poll(() => after.inputValue().catch(() => ''), {
          timeout: 20_000,
          message: `killed ${killedAt - keys.at(-1)![0]} ms after the last keystroke: « ${required} » at least was needed`,
        })
        .toSatisfy((value: string) => value.startsWith(required) && typed.startsWith(value));
    }, 90_000);
  }
});
