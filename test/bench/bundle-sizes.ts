import type { Metafile } from 'esbuild';
import { bundle, FUNCTIONS } from '../../infra/build/bundle.ts';

export interface BundleSize {
  fn: string;
  /** Every .mjs file of the function (entry and lazily loaded chunks). */
  totalBytes: number;
  /** What a cold start loads before the first lazy import: the entry file and its static chunks. */
  entryBytes: number;
  topPackages: { name: string; bytes: number }[];
}

function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match?.[1] ?? (path.startsWith('knowledge/') ? 'knowledge (ours)' : 'cw-chatops (ours)');
}

/** The entry and the chunks it imports statically (not through `import()`). */
function staticClosure(meta: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  return seen;
}

export async function bundleSizes(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const fn of FUNCTIONS) {
    const meta = await bundle(fn);
    const outputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.mjs'));
    const entry = outputs.find(([file]) => file.endsWith(`${fn}/index.mjs`))?.[0] ?? '';
    const closure = staticClosure(meta, entry);
    const byPackage = new Map<string, number>();
    for (const [, out] of outputs) {
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
    }
    sizes.push({
      fn,
      totalBytes: outputs.reduce((sum, [, out]) => sum + out.bytes, 0),
      entryBytes: outputs.filter(([file]) => closure.has(file)).reduce((sum, [, out]) => sum + out.bytes, 0),
      topPackages: [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, bytes]) => ({ name, bytes })),
    });
  }
  return sizes;
}
