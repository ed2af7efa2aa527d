import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the test layout', () => {
  it('mirrors the source tree: a test of X/Y.ts is test/unit/X/Y.test.ts or test/unit/X/Y.<aspect>.test.ts', () => {
    const strays = files('test/unit')
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => relative('test/unit', file))
      // Whole-repository checks (imports, this layout) name the repository, not a module.
      .filter((file) => !/^repo\.[\w-]+\.test\.ts$/.test(file))
      .filter((file) => {
        const module = file.replace(/\.test\.ts$/, '');
        const withoutAspect = module.replace(/\.[\w-]+$/, '');
        return !existsSync(`${module}.ts`) && !existsSync(`${withoutAspect}.ts`);
      });
    expect(strays).toEqual([]);
  });

  it('keeps every test in unit/, integration/ or eval/', () => {
    const elsewhere = files('test')
      .filter((file) => file.endsWith('.test.ts'))
      .filter((file) => !/^test\/(unit|integration|eval)\//.test(file));
    expect(elsewhere).toEqual([]);
  });
});
