import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles, type ValueImport, valueImports } from '../fixtures/source-files.ts';

/**
 * Adapters speak in the ports' terms and throw the port errors (handlers/port-errors.ts); the usage
 * text is the handlers' to add. So nothing under infra/ imports a text from handlers/: not a usage
 * constant, nor any other prose a handler owns (identifiers such as an action id are not text).
 */
const isText = (value: unknown) => typeof value === 'string' && /\s/.test(value);

describe('repo: adapters never import a handler’s text', () => {
  const imports = sourceFiles('infra')
    .flatMap(valueImports)
    .filter((i) => i.module.startsWith('handlers/'));

  it('finds the imports it checks (the scan itself works)', () => {
    expect(imports.length).toBeGreaterThan(20);
    expect(imports).toContainEqual({
      from: 'infra/aws/cloudwatch-logs.ts',
      module: 'handlers/port-errors.ts',
      name: 'MalformedQueryError',
    });
  });

  it('imports no usage text by name', () => {
    expect(imports.filter((i) => /usage/i.test(i.name))).toEqual([]);
  });

  it('imports no text from handlers/ under any name', async () => {
    // Prepare
    const strings: ValueImport[] = [];

    // Act
    for (const i of imports) {
      const module: Record<string, unknown> = await import(pathToFileURL(join(ROOT, i.module)).href);
      if (i.name === '*' ? Object.values(module).some(isText) : isText(module[i.name])) {
        strings.push(i);
      }
    }

    // Assess
    expect(strings).toEqual([]);
  });
});
