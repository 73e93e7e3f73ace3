// Measures source files for the size conventions (tests/unit/sizes-conventions.test.ts): a file's
// lines, and the lines of each function and class in it, with the TypeScript compiler's parser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;
export const MAX_CLASS_LINES = 200;

export interface MeasuredUnit {
  /** `outer > inner` for a function inside another; `(anonymous)` when nothing names it. */
  name: string;
  kind: 'function' | 'class';
  /** 1-based line where it starts (its first token, after any comment above it). */
  line: number;
  lines: number;
}

export interface MeasuredFile {
  lines: number;
  units: MeasuredUnit[];
}

/** Lines of text, not counting the empty line after a final newline. */
function countLines(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

function propertyName(name: ts.PropertyName | ts.BindingName, source: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText(source);
}

/** The name a function or class is known by: its own, or that of what it is assigned to. */
function unitName(node: ts.Node, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const own = (node as { name?: ts.PropertyName }).name;
  if (own) return propertyName(own, source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return propertyName(parent.name, source);
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return parent.left.getText(source);
  }
  if (ts.isExportAssignment(parent)) return 'default';
  // A callback (useMemo(() => …), forwardRef(function …)): named after the call's variable when
  // the call is assigned, or as anonymous.
  if (ts.isCallExpression(parent) && ts.isVariableDeclaration(parent.parent)) {
    return propertyName(parent.parent.name, source);
  }
  return '(anonymous)';
}

function isFunctionLike(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function isClassLike(node: ts.Node): boolean {
  return ts.isClassDeclaration(node) || ts.isClassExpression(node);
}

/** Measures one source text; `fileName` only decides whether it is parsed as TSX. */
export function measureSource(fileName: string, text: string): MeasuredFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const units: MeasuredUnit[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;

  const visit = (node: ts.Node, outer: string[], className: string | undefined) => {
    let path = outer;
    let cls = className;
    const fn = isFunctionLike(node);
    if (fn || isClassLike(node)) {
      let name = unitName(node, source);
      // A method is known as Class.method, the way a reader would look it up.
      if (fn && cls && (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node))) {
        name = `${cls}.${name}`;
      }
      path = [...outer, name];
      const start = lineOf(node.getStart(source));
      const end = lineOf(node.getEnd());
      units.push({ name: path.join(' > '), kind: fn ? 'function' : 'class', line: start, lines: end - start + 1 });
      if (!fn) cls = name;
    }
    ts.forEachChild(node, (child) => visit(child, fn ? path : outer, cls));
  };
  visit(source, [], undefined);
  return { lines: countLines(text), units };
}

export interface Oversize {
  /** Repository-relative, with forward slashes. */
  path: string;
  /** `(file)` for the file itself, otherwise the function's or class's name. */
  name: string;
  lines: number;
  limit: number;
}

/** What goes past the limits in one measured file. */
export function oversizeIn(path: string, measured: MeasuredFile): Oversize[] {
  const found: Oversize[] = [];
  if (measured.lines > MAX_FILE_LINES) {
    found.push({ path, name: '(file)', lines: measured.lines, limit: MAX_FILE_LINES });
  }
  for (const unit of measured.units) {
    const limit = unit.kind === 'class' ? MAX_CLASS_LINES : MAX_FUNCTION_LINES;
    if (unit.lines > limit) found.push({ path, name: unit.name, lines: unit.lines, limit });
  }
  return found;
}

/** The .ts/.tsx files under `dirs` (relative to `root`), declaration files left out. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(relative(root, full).split(sep).join('/'));
      }
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files.sort();
}

export function measureFile(root: string, path: string): MeasuredFile {
  return measureSource(path, readFileSync(join(root, path), 'utf8'));
}
