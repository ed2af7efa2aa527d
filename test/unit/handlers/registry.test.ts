import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../handlers/command-request.ts';
import { REGISTRY } from '../../../handlers/registry.ts';
import { commandList } from '../../fixtures/command-list.ts';
import { readmeExamples } from '../../fixtures/doc-examples.ts';

const name = (path: readonly string[]) => path.join(' ');

describe('handlers/registry', () => {
  it('gives every command its own path, a summary, a usage line and examples', () => {
    const paths = REGISTRY.commands.map((c) => name(c.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const command of REGISTRY.commands) {
      expect(
        REGISTRY.slash.map((s) => s.name),
        name(command.path),
      ).toContain(command.path[0]);
      expect(command.summary.length, name(command.path)).toBeGreaterThan(0);
      expect(command.usage, name(command.path)).toMatch(/`\//);
      expect(command.examples.length, name(command.path)).toBeGreaterThan(0);
    }
  });

  it('reads each example as the command it is an example of', () => {
    for (const command of REGISTRY.commands) {
      for (const example of command.examples) {
        const [slash = '', ...words] = example.split(' ');
        const request = readCommandRequest({ command: slash, text: words.join(' ') }, REGISTRY);
        expect(request.spec && name(request.spec.path), example).toBe(name(command.path));
      }
    }
  });

  it('has every example in the README, where the examples test runs it on the demo', () => {
    const shown = new Set(readmeExamples());
    const missing = REGISTRY.commands.flatMap((c) => c.examples).filter((example) => !shown.has(example));
    expect(missing).toEqual([]);
  });

  it('maps each alias to one word only, so no spelling names two commands', () => {
    for (const slash of REGISTRY.slash) {
      const seen = new Map<string, string>();
      for (const command of REGISTRY.commands.filter((c) => c.path[0] === slash.name)) {
        for (const [word, aliases] of Object.entries(command.aliases ?? {})) {
          for (const alias of aliases) {
            expect(seen.get(alias) ?? word, `${slash.name} ${alias}`).toBe(word);
            seen.set(alias, word);
          }
        }
      }
    }
  });

  it('gives every button one action id, under the access rule of a registered command', () => {
    const ids = REGISTRY.buttons.map((b) => b.actionId);
    expect(new Set(ids).size).toBe(ids.length);
    const paths = REGISTRY.commands.map((c) => name(c.path));
    for (const button of REGISTRY.buttons) {
      const governed = 'rerun' in button ? [button.rerun] : button.path;
      expect(
        paths.some((p) => p === name(governed) || p.startsWith(`${name(governed)} `)),
        button.actionId,
      ).toBe(true);
    }
  });
});

describe('README.md: Commands', () => {
  it("lists the registry's commands, in its order, with their summaries and examples", () => {
    expect(readFileSync('README.md', 'utf8')).toContain(commandList(REGISTRY));
  });
});
