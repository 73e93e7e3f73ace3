// Sizes: no file over 400 lines, no function over 80 lines, no class over 200 lines in lib/,
// components/ and entrypoints/ (issue 13). Data (JSON referentiels, RGAA criteria) is not .ts and
// is not walked; no .ts file there is generated today, so none is excluded.
import { describe, expect, it } from 'vitest';
import {
  MAX_CLASS_LINES,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  measureFile,
  measureSource,
  oversizeIn,
  sourceFiles,
  type Oversize,
} from '../support/code-sizes';

// Tests run from the repository root (in the jsdom environment import.meta.url is not a file URL).
const ROOT = process.cwd();
const DIRS = ['lib', 'components', 'entrypoints'] as const;

// Items allowed over the limits while they are being split. Empty: every file, function and class
// is within the limits. Never add to it: split the function instead. An item that is no longer
// oversize fails the test until it is removed from here.
const KNOWN_OVERSIZE: readonly { path: string; name: string }[] = [];

const key = (item: { path: string; name: string }) => `${item.path} ${item.name}`;
const describeItem = (o: Oversize) => `${o.path} ${o.name}: ${o.lines} lines (limit ${o.limit})`;

function allOversize(): Oversize[] {
  return sourceFiles(ROOT, DIRS).flatMap((path) => oversizeIn(path, measureFile(ROOT, path)));
}

describe('size conventions', () => {
  const found = allOversize();
  const known = new Set(KNOWN_OVERSIZE.map(key));

  it(`no file over ${MAX_FILE_LINES} lines, function over ${MAX_FUNCTION_LINES}, class over ${MAX_CLASS_LINES}`, () => {
    expect(found.filter((o) => !known.has(key(o))).map(describeItem)).toEqual([]);
  });

  it('KNOWN_OVERSIZE lists only items that are still oversize (remove those that were split)', () => {
    const still = new Set(found.map(key));
    expect(KNOWN_OVERSIZE.filter((item) => !still.has(key(item))).map(key)).toEqual([]);
  });

  it('walks the source folders', () => {
    const files = sourceFiles(ROOT, DIRS);
    expect(files).toContain('components/options-ai-form.tsx');
    expect(files).toContain('lib/page/snapshot/visibility.ts');
    expect(files.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(files.some((f) => f.endsWith('.d.ts') || f.endsWith('.json'))).toBe(false);
  });
});

describe('measureSource', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

  it('counts file lines without the empty line after the final newline', () => {
    expect(measureSource('a.ts', 'const a = 1;\nconst b = 2;\n').lines).toBe(2);
    expect(measureSource('a.ts', 'const a = 1;\nconst b = 2;').lines).toBe(2);
    expect(measureSource('a.ts', '').lines).toBe(0);
  });

  it('measures declarations, arrows, expressions, methods, constructors and classes by name', () => {
    const source = [
      '// a comment above is not counted',
      'export function declared() {', // line 2
      body(3),
      '}', // 6 → 5 lines
      'const arrow = (x: number) => {', // 7
      body(1),
      '};', // 9 → 3 lines
      'const expression = function () { return 1; };', // 10 → 1 line
      'export class Box {', // 11
      '  constructor(private n: number) {', // 12
      '    this.n = n;',
      '  }', // 14 → 3 lines
      '  get size() { return this.n; }', // 15
      '  double() {', // 16
      '    return this.n * 2;',
      '  }', // 18 → 3 lines
      '}', // 19 → class 9 lines
      'export default () => 0;', // 20
      'useEffect(() => {', // 21
      '  const inner = () => {',
      '    return 1;',
      '  };',
      '});', // 25
      'export const Memo = memo(function Shown() { return null; });', // 26
      'const C = () => <div>{[1].map((n) => <span key={n} />)}</div>;', // 27
    ].join('\n');
    const { units } = measureSource('a.tsx', source);
    expect(units.map((u) => [u.name, u.kind, u.line, u.lines])).toEqual([
      ['declared', 'function', 2, 5],
      ['arrow', 'function', 7, 3],
      ['expression', 'function', 10, 1],
      ['Box', 'class', 11, 9],
      ['Box.constructor', 'function', 12, 3],
      ['Box.size', 'function', 15, 1],
      ['Box.double', 'function', 16, 3],
      ['default', 'function', 20, 1],
      ['(anonymous)', 'function', 21, 5],
      ['(anonymous) > inner', 'function', 22, 3],
      ['Shown', 'function', 26, 1],
      ['C', 'function', 27, 1],
      ['C > (anonymous)', 'function', 27, 1],
    ]);
  });

  it('reports what goes past each limit, and nothing at the limit', () => {
    const fn = (name: string, n: number) => `function ${name}() {\n${body(n - 2)}\n}`;
    const cls = (n: number) => `class Big {\n${body(n - 2).replaceAll('const ', '')}\n}`;
    const at = [fn('atLimit', MAX_FUNCTION_LINES), cls(MAX_CLASS_LINES)].join('\n');
    expect(oversizeIn('a.ts', measureSource('a.ts', at))).toEqual([]);

    const over = [fn('tooLong', MAX_FUNCTION_LINES + 1), cls(MAX_CLASS_LINES + 1)].join('\n');
    expect(oversizeIn('a.ts', measureSource('a.ts', over))).toEqual([
      { path: 'a.ts', name: 'tooLong', lines: MAX_FUNCTION_LINES + 1, limit: MAX_FUNCTION_LINES },
      { path: 'a.ts', name: 'Big', lines: MAX_CLASS_LINES + 1, limit: MAX_CLASS_LINES },
    ]);

    const long = Array.from({ length: MAX_FILE_LINES + 1 }, (_, i) => `const c${i} = ${i};`).join('\n');
    expect(oversizeIn('b.ts', measureSource('b.ts', long))).toEqual([
      { path: 'b.ts', name: '(file)', lines: MAX_FILE_LINES + 1, limit: MAX_FILE_LINES },
    ]);
  });
});
