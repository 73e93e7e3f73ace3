// Loads Grille's modules for the CLI through Vite's SSR loader (the référentiels and prompts are
// import.meta.glob'd, as in the extension), optionally with other prompt texts: a prompt file
// (`prompt=path.md`, replacing the bundled prompt with the same id) or the prompts of a git
// revision (`prompts=HEAD~1`). That is how `--compare` sets two prompt versions side by side
// while everything else — preparation, request, verification — stays Grille's own code.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import type { EvalModules } from './fixtures';
import { detectVerdictWording, VERDICT_SOURCE } from './verdict';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PromptSource {
  /** Prompt files of this git revision instead of the working tree's. */
  revision?: string;
  /** A prompt file replacing the bundled one with the same id. */
  file?: string;
}

function idOf(text: string, path: string): string {
  const id = /^id:\s*(\S+)\s*$/m.exec(text.split(/^---\s*$/m)[1] ?? '')?.[1];
  if (!id) throw new Error(`${path} : pas d'« id: » dans l'en-tête du prompt`);
  return id;
}

/** File name (observations-jury.md) → text, for the prompts to replace. */
export function promptOverrides(source: PromptSource): Map<string, string> {
  const overrides = new Map<string, string>();
  if (source.revision) {
    for (const file of readdirSync(join(ROOT, 'prompts')).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      try {
        overrides.set(file, execFileSync('git', ['show', `${source.revision}:prompts/${file}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
      } catch {
        throw new Error(`prompts=${source.revision} : prompts/${file} introuvable à cette révision git`);
      }
    }
  }
  if (source.file) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch {
      throw new Error(`prompt=${source.file} : fichier introuvable`);
    }
    overrides.set(`${idOf(text, source.file)}.md`, text);
  }
  return overrides;
}

function overridePlugin(overrides: Map<string, string>): Plugin {
  return {
    name: 'grille-ai-eval-prompts',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]!;
      const file = path.slice(path.lastIndexOf('/') + 1);
      if (!path.startsWith(join(ROOT, 'prompts')) || !overrides.has(file)) return null;
      return `export default ${JSON.stringify(overrides.get(file))};`;
    },
  };
}

/** Runs fn with Grille's modules (and these prompt texts), then closes Vite. */
export async function withEvalModules<T>(source: PromptSource, fn: (modules: EvalModules) => Promise<T>): Promise<T> {
  const overrides = promptOverrides(source);
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    resolve: { alias: { '@': ROOT } },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: overrides.size ? [overridePlugin(overrides)] : [],
  });
  try {
    const load = (path: string) => server.ssrLoadModule(path);
    const [prepare, request, catalog, facts, findings] = await Promise.all([
      load('/lib/ai/prepare.ts'),
      load('/lib/ai/request.ts'),
      load('/lib/referentiels/catalog.ts'),
      load('/lib/page/facts.ts'),
      load('/lib/analysis/all-findings.ts'),
    ]);
    return await fn({
      prepareRequest: prepare.prepareRequest,
      requestSuggestions: request.requestSuggestions,
      bundledCertifications: catalog.bundledCertifications,
      criteriaInBloc: catalog.criteriaInBloc,
      parseFacts: (value) => facts.PageFacts.parse(value),
      allFindings: findings.allFindings,
      detectVerdict: detectVerdictWording,
      verdictSource: VERDICT_SOURCE,
    });
  } finally {
    await server.close();
  }
}
