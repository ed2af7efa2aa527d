import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { dynamicImportInterop } from '../../../../infra/build/bundle.ts';

/** Bundles `source` as the functions are bundled (ESM, split) and runs its default export. */
async function bundleAndRun(source: string, plugins: Plugin[]): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-interop-'));
  writeFileSync(join(dir, 'entry.ts'), source);
  await build({
    entryPoints: { index: join(dir, 'entry.ts') },
    outdir: join(dir, 'out'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outExtension: { '.js': '.mjs' },
    nodePaths: [resolve('node_modules')],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    plugins,
    logLevel: 'silent',
  });
  const module = (await import(pathToFileURL(join(dir, 'out/index.mjs')).href)) as { default: () => Promise<unknown> };
  return module.default();
}

// `retry` is a CommonJS package (module.exports.operation = …), like the AWS SDK's clients.
const SOURCE = `export default async () => { const { operation } = await import('retry'); return typeof operation; };`;

describe('infra/build/bundle', () => {
  it('keeps the named exports of a CommonJS package imported lazily (esbuild #3245 leaves only default)', async () => {
    expect(await bundleAndRun(SOURCE, [])).toBe('undefined');
    expect(await bundleAndRun(SOURCE, [dynamicImportInterop()])).toBe('function');
  });

  it('leaves an ES module imported lazily as it is', async () => {
    const esm = `export default async () => { const { default: ssm } = await import('@middy/ssm'); return typeof ssm; };`;
    expect(await bundleAndRun(esm, [dynamicImportInterop()])).toBe('function');
  });
});
