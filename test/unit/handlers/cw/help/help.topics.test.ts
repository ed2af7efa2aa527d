import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../../../handlers/command.ts';
import { helpTopic, helpTopics, renderCwHelp } from '../../../../../handlers/cw/help/help.ts';
import { REGISTRY } from '../../../../../handlers/registry.ts';

/**
 * A command added without a help of its own, as a newcomer might. Its word is one no registered
 * command has, so the registry's own topics (which come first) cannot answer for it.
 */
const bare = defineCommand({
  path: ['/cw', 'synthetics'],
  aliases: { synthetics: ['canary'] },
  summary: "the account's canaries",
  usage: '`/cw synthetics [prefix] [--share]`',
  examples: ['/cw synthetics checkout-'],
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
    const topic = helpTopic('canary', topics);
    const message = renderCwHelp(topics, undefined, topic);

    // Assess
    expect(REGISTRY.commands.some((c) => c.path[1] === 'synthetics')).toBe(false);
    expect(topic?.word).toBe('synthetics');
    expect(message.text).toContain("/cw synthetics: the account's canaries");
    expect(JSON.stringify(message.blocks)).toContain('/cw synthetics checkout-');
  });
});
