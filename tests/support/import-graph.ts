// The folder-level import graph of lib/: which top-level folder of lib imports which, from the
// static imports, re-exports, dynamic imports and import.meta.glob patterns of its files, whether
// written `@/lib/...` (or `~/lib/...`) or relative. Used by the conventions test to refuse cycles.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Folder → the folders it imports (itself excluded). */
export type FolderGraph = ReadonlyMap<string, ReadonlySet<string>>;

/** One folder → folder edge, with a file that makes it, for the failure message. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly specifier: string;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const ALIAS = /^(@@?|~~?)\//;
const GLOB = /import\.meta\.glob\s*(?:<[^>]*>)?\s*\(\s*['"]([^'"]+)['"]/g;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}

/** The module specifiers a source text imports: static imports, re-exports and dynamic imports; glob patterns apart. */
export function specifiers(text: string): { modules: string[]; globs: string[] } {
  const modules = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const globs = [...text.matchAll(GLOB)].map((m) => m[1]!).filter((g) => !g.startsWith('!'));
  return { modules, globs };
}

/** Where a specifier points, as an absolute path (or pattern); undefined for a package. */
function targetPath(specifier: string, file: string, root: string): string | undefined {
  if (ALIAS.test(specifier)) return resolve(root, specifier.replace(ALIAS, ''));
  if (specifier.startsWith('.')) return resolve(dirname(file), specifier);
  return undefined;
}

/** The top-level lib folder of a path, or undefined when it is outside lib (or a file directly in lib/). */
function folderOf(path: string, root: string): string | undefined {
  const inLib = relative(join(root, 'lib'), path);
  if (inLib === '' || inLib.startsWith('..')) return undefined;
  if (inLib.includes(sep)) return inLib.split(sep)[0]!;
  // `../i18n`: the folder itself (its index.ts)
  return existsSync(path) && statSync(path).isDirectory() ? inLib : undefined;
}

/** The top-level lib folder a specifier lands in, or undefined when it leaves lib (or is a package). */
export function targetFolder(specifier: string, file: string, root: string): string | undefined {
  const target = targetPath(specifier, file, root);
  return target === undefined ? undefined : folderOf(target, root);
}

/** A glob pattern (`*`, `**`, `?`, `{a,b}`) as a regular expression over absolute paths. */
export function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Every folder → folder edge of lib/ under root; a glob counts for every folder it matches a file in. */
export function folderEdges(root: string): Edge[] {
  const lib = join(root, 'lib');
  const files = allFiles(lib);
  const edges: Edge[] = [];
  for (const file of files.filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'))) {
    const from = folderOf(file, root);
    if (from === undefined) continue;
    const add = (to: string | undefined, specifier: string) => {
      if (to !== undefined && to !== from) edges.push({ from, to, file: relative(root, file), specifier });
    };
    const { modules, globs } = specifiers(readFileSync(file, 'utf8'));
    for (const specifier of modules) add(targetFolder(specifier, file, root), specifier);
    for (const pattern of globs) {
      const target = targetPath(pattern, file, root);
      if (target === undefined) continue;
      const matches = globRegExp(target.split(sep).join('/'));
      const folders = new Set(files.filter((f) => matches.test(f.split(sep).join('/'))).map((f) => folderOf(f, root)));
      for (const to of folders) add(to, pattern);
    }
  }
  return edges;
}

export function toGraph(edges: readonly Pick<Edge, 'from' | 'to'>[]): FolderGraph {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    if (from !== to) graph.get(from)!.add(to);
  }
  return graph;
}

/**
 * The cycles of a graph, one per strongly connected component of more than one node (Tarjan),
 * each given as a closed path through that component: [a, b, c, a].
 */
export function findCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cyclePath(graph, new Set(component))).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A closed path inside one component, from its first node (alphabetically) back to it. */
function cyclePath(graph: FolderGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  // Breadth-first from start's successors back to start, inside the component: a shortest cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0 && !previous.has(start)) {
    const node = queue.shift()!;
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!component.has(to) || previous.has(to)) continue;
      previous.set(to, node);
      queue.push(to);
    }
  }
  const path = [start];
  for (let node = previous.get(start)!; node !== start; node = previous.get(node)!) path.unshift(node);
  path.unshift(start);
  return path;
}
