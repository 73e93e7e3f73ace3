// Code conventions.
// - Rules are data plus one check function, one per file, in the room of their family:
//   lib/<room>/rules/<rule-id>.ts (lib/privacy/rules for rgpd, lib/seo/rules, lib/eco/rules).
// - The top-level folders of lib (« rooms ») import one another in one direction only: no two
//   folders import each other, directly or through others (README, « Comment le code est organisé »).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_FILES, RULES } from '@/lib/analysis/rules';
import { FAMILIES, type Family } from '@/lib/checks/types';
import { TOPICS } from '@/lib/referentiels/schema';
import { findCycles, folderEdges, globRegExp, specifiers, targetFolder, toGraph, type Edge } from '../support/import-graph';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

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

describe('lib folders', () => {
  const edges = folderEdges(ROOT);
  const graph = toGraph(edges);

  it('import one another in one direction only: no cycle', () => {
    const cycles = findCycles(graph);
    const example = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to)!;
    const message = cycles
      .map((path) => {
        const why = path.slice(1).map((to, i) => {
          const e = example(path[i]!, to);
          return `${e.file} imports ${e.specifier}`;
        });
        return `lib folders import each other: ${path.join(' → ')} (${why.join('; ')})`;
      })
      .join('\n');
    expect(cycles, message).toEqual([]);
  });

  it('are read from every kind of import (static, alias, relative, glob)', () => {
    expect(graph.get('export')).toContain('workspace'); // `@/lib/workspace/...`
    expect(graph.get('privacy')).toContain('page'); // `../../page/facts`
    expect(graph.get('analysis')).toContain('seo'); // only through import.meta.glob('../*/rules/*.ts')
    expect(graph.get('text')?.size).toBe(0);
  });
});

describe('import graph', () => {
  const edge = (from: string, to: string): Edge => ({ from, to, file: `lib/${from}/x.ts`, specifier: `../${to}/y` });

  it('finds a cycle of two folders', () => {
    expect(findCycles(toGraph([edge('a', 'b'), edge('b', 'a')]))).toEqual([['a', 'b', 'a']]);
  });

  it('finds a longer cycle, and names it from its first folder', () => {
    expect(findCycles(toGraph([edge('c', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'd')]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('finds one cycle per tangle of folders, the shortest through its first one', () => {
    const graph = toGraph([edge('a', 'b'), edge('b', 'a'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e'), edge('e', 'c'), edge('e', 'd')]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'e', 'c'],
    ]);
  });

  it('finds none in a graph whose imports go one way, and ignores a folder importing itself', () => {
    expect(findCycles(toGraph([edge('a', 'b'), edge('b', 'c'), edge('a', 'c'), edge('c', 'c')]))).toEqual([]);
    expect(findCycles(toGraph([]))).toEqual([]);
  });

  it('reads static, type, re-export, dynamic and glob imports, not comments or strings', () => {
    const text = [
      "import a from './a';",
      "import type { B } from '@/lib/b/x';",
      "export { c } from '../c/y';",
      "const d = await import('~/lib/d/z');",
      "type E = import('../e/w').E;",
      "const f = import.meta.glob<{ default: X }>('../*/rules/*.ts', { eager: true });",
      "// import g from '../g/comment';",
      'const h = "import(\'../h/string\')";',
      "import 'zod';",
    ].join('\n');
    expect(specifiers(text)).toEqual({ modules: ['./a', '@/lib/b/x', '../c/y', '~/lib/d/z', '../e/w', 'zod'], globs: ['../*/rules/*.ts'] });
  });

  it('places a specifier in the top-level lib folder it lands in', () => {
    const file = '/r/lib/privacy/rules/x.ts';
    expect(targetFolder('../../checks/types', file, '/r')).toBe('checks');
    expect(targetFolder('../wording', file, '/r')).toBe('privacy');
    expect(targetFolder('@/lib/page/facts', file, '/r')).toBe('page');
    expect(targetFolder('../../../prompts/a.md', file, '/r')).toBeUndefined();
    expect(targetFolder('zod', file, '/r')).toBeUndefined();
    expect(targetFolder('../i18n', resolve(ROOT, 'lib/capture/format.ts'), ROOT)).toBe('i18n'); // a folder's index.ts
  });

  it('matches glob patterns as Vite does', () => {
    expect(globRegExp('/r/lib/*/rules/*.ts').test('/r/lib/seo/rules/seo-lang.ts')).toBe(true);
    expect(globRegExp('/r/lib/*/rules/*.ts').test('/r/lib/seo/rules/sub/seo-lang.ts')).toBe(false);
    expect(globRegExp('/r/lib/**/*.json').test('/r/lib/referentiels/data/a.json')).toBe(true);
    expect(globRegExp('/r/lib/{a,b}/x.ts').test('/r/lib/b/x.ts')).toBe(true);
  });
});
