// Loads Grille's TypeScript modules in Node through Vite's SSR loader, so that what they use at
// build time (import.meta.glob for the référentiels and the prompts, ?raw imports, the @ alias)
// works outside the extension. Used by bench/ai-tokens.mjs and scripts/ai-eval.ts.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs fn with a loader of project modules ('/lib/ai/prepare.ts'…), then closes Vite. */
export async function withProjectModules(fn) {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    resolve: { alias: { '@': root } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return await fn((path) => server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}
