// The panel sets zod's jitless mode before zod loads (zod comes later, with the first analysis,
// import or export): zod must take it from there, or it tries new Function under the CSP.
import { expect, it } from 'vitest';

it('zod takes the jitless setting the panel gives before loading it', async () => {
  await import('@/entrypoints/sidepanel/zod-config');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
  expect(z.config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig);
});
