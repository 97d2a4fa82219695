import { defineConfig } from 'vitest/config';

// The web app's own tests: unit tests beside the code and end-to-end tests in
// real Chromium (e2e/). Run with `npx vitest run -c apps/web/vitest.config.ts`.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.int.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
