import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../../../handlers/command.ts';
import { helpTopic, helpTopics, renderCwHelp } from '../../../../../handlers/cw/help/help.ts';
import { REGISTRY } from '../../../../../handlers/registry.ts';

/** A command added without a help of its own, as a newcomer might. */
const bare = defineCommand({
  path: ['/cw', 'dashboards'],
  aliases: { dashboards: ['dashboard'] },
  summary: "the account's dashboards",
  usage: '`/cw dashboards [prefix] [--share]`',
  examples: ['/cw dashboards prod-'],
  needs: [],
  ack: { needs: [] },
  plan: () => ({ kind: 'reply', message: { text: 'none' } }),
});

describe('handlers/cw/help/help: topics', () => {
  it("has one topic per /cw command word of the registry, in the registry's order", () => {
    const words = helpTopics(REGISTRY.commands.filter((c) => c.path[0] === '/cw')).map((t) => t.word);
    expect(words).toEqual([
      ...new Set(REGISTRY.commands.flatMap((c) => (c.path[0] === '/cw' && c.path[1] !== 'help' ? [c.path[1]] : []))),
    ]);
  });

  it('answers help about a command that has no help of its own with its summary, usage and examples', () => {
    // Prepare
    const topics = helpTopics([...REGISTRY.commands, bare]);

    // Act
    const topic = helpTopic('dashboard', topics);
    const message = renderCwHelp(topics, undefined, topic);

    // Assess
    expect(topic?.word).toBe('dashboards');
    expect(message.text).toContain("/cw dashboards: the account's dashboards");
    expect(JSON.stringify(message.blocks)).toContain('/cw dashboards prod-');
  });
});
