// Every rule has HTML fixtures named after the outcome they must produce
// (tests/fixtures/checks/<rule-id>/<outcome>[-<case>].html), and produces it when Grille's real
// analyzer reads the fixture in Chromium. A rule without fixtures, or a fixture without its rule,
// fails here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runRule } from '@/lib/checks/engine';
import { RULES } from '@/lib/analysis/rules';
import { OUTCOMES } from '@/lib/checks/types';
import { analyze, FIXTURES_ROOT, launchChromium, openFixture, startFixtureServer, type FixtureServer } from './page-harness';

const CHECKS = join(FIXTURES_ROOT, 'checks');
const FIXTURE_NAME = new RegExp(`^(${OUTCOMES.join('|')})(-[a-z0-9-]+)?\\.html$`);

function fixturesOf(ruleId: string): { file: string; expected: string }[] {
  const dir = join(CHECKS, ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, expected: FIXTURE_NAME.exec(file)?.[1] ?? `(nom invalide : ${file})` }));
}

let browser: Browser;
let server: FixtureServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await startFixtureServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('rule fixtures', () => {
  it('every rule has at least two fixtures, one of them not passing, and every fixture dir has its rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const rule of RULES) {
      const fixtures = fixturesOf(rule.id);
      expect(fixtures.length, `${rule.id} : fixtures manquantes dans tests/fixtures/checks/${rule.id}/`).toBeGreaterThanOrEqual(2);
      expect(new Set(fixtures.map((f) => f.expected)).size, `${rule.id} : au moins deux résultats différents`).toBeGreaterThanOrEqual(2);
    }
    const dirs = existsSync(CHECKS) ? readdirSync(CHECKS) : [];
    expect(dirs.filter((d) => !ids.has(d))).toEqual([]);
  });

  it.each(RULES.flatMap((rule) => fixturesOf(rule.id).map((f) => [rule.id, f.file, f.expected] as const)))(
    '%s on %s → %s',
    async (ruleId, file, expected) => {
      const rule = RULES.find((r) => r.id === ruleId)!;
      const page = await browser.newPage();
      try {
        await openFixture(page, server, `checks/${ruleId}/${file}`);
        const facts = await analyze(page, { axe: rule.family === 'rgaa' });
        const finding = runRule(rule, facts);
        expect(finding.outcome, finding.detail.fr).toBe(expected);
        expect(finding.detail.fr.length).toBeGreaterThan(10);
        expect(finding.detail.en.length).toBeGreaterThan(10);
      } finally {
        await page.close();
      }
    },
  );
});
