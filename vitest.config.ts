import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Dates are shown in the juror's time zone; tests pin one (France's) so that a machine's zone
// cannot move a fixed timestamp to another day. Workers and the browsers they start inherit it.
process.env.TZ = 'Europe/Paris';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'jsdom',
    // On CI a test that fails gets one more try; npm test names those that needed it.
    retry: process.env.CI === 'true' ? 1 : 0,
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    // Component tests load lazy parts on first use; give a busy CI machine room.
    testTimeout: 20_000,
  },
});
