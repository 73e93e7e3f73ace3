import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// End-to-end tests: the built extension in Debian's Chromium, driven by playwright-core.
// Dates are shown in the juror's time zone; tests pin one (France's) so that a machine's zone
// cannot move a fixed timestamp to another day. Workers and the browsers they start inherit it.
process.env.TZ = 'Europe/Paris';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    // On CI a test that fails gets one more try; npm test names those that needed it.
    retry: process.env.CI === 'true' ? 1 : 0,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
  },
});
