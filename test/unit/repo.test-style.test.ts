import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../handlers/slack-message.ts';
import { blockKitProblems } from '../fixtures/block-kit.ts';
import { ROOT, sourceFiles } from '../fixtures/source-files.ts';

/**
 * One spelling per matcher: the long standard names, never vitest's or aws-sdk-client-mock-vitest's
 * aliases (https://vitest.dev/api/expect). Conditional assertions are Biome's `noConditionalExpect`.
 */
const ALIASES: Record<string, string> = {
  toThrowError: 'toThrow',
  toBeCalled: 'toHaveBeenCalled',
  toBeCalledTimes: 'toHaveBeenCalledTimes',
  toBeCalledWith: 'toHaveBeenCalledWith',
  lastCalledWith: 'toHaveBeenLastCalledWith',
  nthCalledWith: 'toHaveBeenNthCalledWith',
  toReturn: 'toHaveReturned',
  toReturnTimes: 'toHaveReturnedTimes',
  toReturnWith: 'toHaveReturnedWith',
  lastReturnedWith: 'toHaveLastReturnedWith',
  nthReturnedWith: 'toHaveNthReturnedWith',
  toReceiveCommand: 'toHaveReceivedCommand',
  toReceiveCommandTimes: 'toHaveReceivedCommandTimes',
  toReceiveCommandWith: 'toHaveReceivedCommandWith',
  toReceiveNthCommandWith: 'toHaveReceivedNthCommandWith',
  toReceiveCommandOnce: 'toHaveReceivedCommandOnce',
  toReceiveAnyCommand: 'toHaveReceivedAnyCommand',
  toReceiveCommandExactlyOnceWith: 'toHaveReceivedCommandExactlyOnceWith',
  toReceiveLastCommandWith: 'toHaveReceivedLastCommandWith',
};

function aliasUses(text: string): string[] {
  return [...text.matchAll(/\.(\w+)\(/g)].flatMap((m) => {
    const name = m[1] ?? '';
    return Object.hasOwn(ALIASES, name) ? [`${name} (write ${ALIASES[name]})`] : [];
  });
}

describe('repo: test style', () => {
  it('recognises an alias (the scan itself works)', () => {
    expect(
      aliasUses('expect(f).toThrowError(/x/); expect(m).toReceiveCommandTimes(C, 1); expect(f).toThrow()'),
    ).toEqual(['toThrowError (write toThrow)', 'toReceiveCommandTimes (write toHaveReceivedCommandTimes)']);
  });

  it('spells every matcher one way across test/', () => {
    const uses = sourceFiles('test')
      .filter((f) => f !== 'test/unit/repo.test-style.test.ts')
      .flatMap((f) => aliasUses(readFileSync(join(ROOT, f), 'utf8')).map((use) => `${f}: ${use}`));
    expect(uses).toEqual([]);
  });

  it('has a Block Kit check that finds what breaks Slack’s limits (the fixture every message test uses)', () => {
    expect(
      blockKitProblems({ text: 'ok', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'fine' } }] }),
    ).toEqual([]);
    expect(
      blockKitProblems({
        text: '',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
          { type: 'section' },
          { type: 'context', elements: [] },
        ],
      } as unknown as SlackMessage),
    ).toEqual([
      'text length is 0, outside 1–4000',
      'block 0 (header) text length is 151, outside 1–150',
      'block 1 (section) has neither text nor fields',
      'block 2 (context) element count is 0, outside 1–10',
    ]);
  });
});
