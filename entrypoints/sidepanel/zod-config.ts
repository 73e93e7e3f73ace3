// zod compiles validators with new Function when it can; the extension's CSP forbids it. Said
// before zod loads, through the global it reads its settings from when it does: the panel opens
// without zod (it comes with the first analysis, import or export), so z.config() cannot be
// called at start. Imported first by main.tsx.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;
