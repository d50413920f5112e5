import { defineConfig } from 'vitest/config';

// Playwright specs live in test/e2e and run under `npm run test:e2e`, never under vitest
// (vitest would collect them and Playwright's test() refuses to run inside it).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'sim/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
