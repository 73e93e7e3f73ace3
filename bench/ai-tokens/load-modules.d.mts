// Types for bench/ai-tokens/load-modules.mjs.
export function withProjectModules<T>(fn: (load: (path: string) => Promise<Record<string, any>>) => Promise<T>): Promise<T>;
