import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the bot (tests, fixtures and generated files are not part of it). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'notes' ? [] : sources(path);
    return /\.(ts|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = ['functions', 'handlers', 'infra', 'knowledge'].flatMap(sources);

/** What a file imports: relative paths resolved against it, and package names as written. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*'([^']+)'/g),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return {
    local: specifiers.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s))),
    packages: specifiers.filter((s) => !s.startsWith('.')),
  };
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

describe('the import structure', () => {
  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of GRAPH.get(file)?.local ?? []) if (GRAPH.has(next)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps handlers/ free of the AWS SDK, Bolt, the Slack Web API client and Lambda', () => {
    const offending = [...GRAPH]
      .filter(([file]) => file.startsWith('handlers/'))
      .flatMap(([file, { packages }]) =>
        packages
          .filter((p) => /^(@aws-sdk\/|@slack\/(bolt|web-api)|@middy\/|@aws-lambda-powertools\/|aws-lambda$)/.test(p))
          .map((p) => `${file} imports ${p}`),
      );
    expect(offending).toEqual([]);
  });

  it('keeps handlers/ from importing infra/ or functions/: handlers are given their data sources', () => {
    const offending = [...GRAPH]
      .filter(([file]) => file.startsWith('handlers/'))
      .flatMap(([file, { local }]) =>
        local.filter((l) => l.startsWith('infra/') || l.startsWith('functions/')).map((l) => `${file} → ${l}`),
      );
    expect(offending).toEqual([]);
  });

  it('reads the structure it checks (a sanity check of the reader itself)', () => {
    expect(GRAPH.get('handlers/registry.ts')?.local).toContain('handlers/cw/metrics/command.ts');
    expect(GRAPH.get('infra/data-source.ts')?.local).toContain('infra/demo/demo-metrics.ts');
  });
});
