// Rules are data plus one check function, one per file: lib/checks/rules/<family>/<rule-id>.ts.
import { describe, expect, it } from 'vitest';
import { RULE_FILES, RULES } from '@/lib/checks/rules';
import { FAMILIES } from '@/lib/checks/types';
import { TOPICS } from '@/lib/referentiels/schema';

describe('check rules', () => {
  it('are registered', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(RULE_FILES))('%s is named after its id and family, and is complete', (path, rule) => {
    expect(path).toBe(`./${rule.family}/${rule.id}.ts`);
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
