// Rules are data plus one check function, one per file, in the room of their family:
// lib/<room>/rules/<rule-id>.ts (lib/privacy/rules for rgpd, lib/seo/rules, lib/eco/rules).
import { describe, expect, it } from 'vitest';
import { RULE_FILES, RULES } from '@/lib/analysis/rules';
import { FAMILIES, type Family } from '@/lib/checks/types';
import { TOPICS } from '@/lib/referentiels/schema';

/** The lib folder (room) that owns each family's rules. */
const ROOM_OF: Record<Family, string> = { rgaa: 'rgaa', rgpd: 'privacy', seo: 'seo', eco: 'eco' };

describe('check rules', () => {
  it('are registered', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(RULE_FILES))('%s is named after its id and family, and is complete', (path, rule) => {
    // Keys of lib/analysis/rules.ts's glob, relative to lib/analysis.
    expect(path).toBe(`../${ROOM_OF[rule.family]}/rules/${rule.id}.ts`);
    expect(rule.id).toMatch(new RegExp(`^${rule.family}-[a-z0-9]+(-[a-z0-9]+)*$`));
    expect(FAMILIES).toContain(rule.family);
    expect(rule.topics.length).toBeGreaterThan(0);
    for (const topic of rule.topics) expect(TOPICS).toContain(topic);
    for (const c of rule.rgaa ?? []) expect(c).toMatch(/^\d{1,2}\.\d{1,2}$/);
    expect(rule.title.fr && rule.title.en).toBeTruthy();
    expect(rule.source.url).toMatch(/^https:\/\//);
    expect(typeof rule.check).toBe('function');
  });

  it('have unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
