import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    // Tests start local HTTP servers; none reaches the network.
    testTimeout: 15_000,
    coverage: {
      provider: 'v8',
      include: ['functions/**', 'handlers/**', 'infra/**', 'knowledge/**'],
      thresholds: { lines: 80, functions: 80, branches: 70, statements: 80 },
    },
  },
});
