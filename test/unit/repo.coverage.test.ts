import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.ts';
import { ROOT } from '../fixtures/source-files.ts';

/** Thresholds only count when the gate measures coverage: `npm test` must run vitest with --coverage. */
describe('repo: coverage is enforced', () => {
  it('runs vitest with coverage in npm test, the command .ci/run and the README give', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toMatch(/(^|&& )vitest run --coverage($| )/);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('declares thresholds for every measure, over all the shipped code', () => {
    const coverage = config.test?.coverage;
    expect(coverage).toMatchObject({
      provider: 'v8',
      include: ['functions/**/*.ts', 'handlers/**/*.ts', 'infra/**/*.ts', 'knowledge/**/*.ts'],
      thresholds: {
        lines: expect.any(Number),
        functions: expect.any(Number),
        branches: expect.any(Number),
        statements: expect.any(Number),
      },
    });
  });
});
