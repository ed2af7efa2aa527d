import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    // Tests start local HTTP servers; none reaches the network.
    testTimeout: 15_000,
    // Enforced by `npm test` (`vitest run --coverage`). Code run only in spawned processes (the
    // bundler, `npm start`, the deploy step) counts as uncovered: the thresholds are what the project
    // meets with that included, a little below the measure so a small change does not trip them.
    coverage: {
      provider: 'v8',
      include: ['functions/**/*.ts', 'handlers/**/*.ts', 'infra/**/*.ts', 'knowledge/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 95, functions: 95, branches: 86, statements: 94 },
    },
  },
});
