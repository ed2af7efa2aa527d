/**
 * `npm run bundle`: each Lambda bundled on its own with esbuild into dist/<function>/, minified,
 * with source maps and only what it imports. Code split: what a handler imports lazily (the AWS
 * SDK clients, adapters only some commands need) lands in separate chunks that a cold start of
 * `/cw help` never loads. The AWS SDK is bundled rather than taken from the runtime: the runtime's
 * copy is a whole-SDK install that is slower to load, and bundling pins the version we test with.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';

export const FUNCTIONS = ['slack', 'worker', 'alarm-relay'] as const;

export async function bundle(name: string, outdir = `dist/${name}`): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { index: `functions/${name}.ts` },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    sourcemap: true,
    metafile: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.slice(2);
  for (const name of only.length ? only : FUNCTIONS) {
    const meta = await bundle(name);
    const bytes = Object.entries(meta.outputs)
      .filter(([file]) => file.endsWith('.mjs'))
      .reduce((sum, [, out]) => sum + out.bytes, 0);
    console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
}
