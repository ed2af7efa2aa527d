import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FlagGrammar,
  HelpRequested,
  isFlagWord,
  parseFlags,
  readFlagWord,
  SHARE_FLAG,
} from '../../../handlers/command-flags.ts';
import { tokenize } from '../../../handlers/command-text.ts';
import { planCommand } from '../../../handlers/dispatch.ts';
import { errorMessage } from '../../../handlers/error-message.ts';
import { NotAllowedError, UserInputError } from '../../../handlers/errors.ts';
import { blockKitProblems, strayAngleBrackets } from '../../fixtures/block-kit.ts';
import { commandDeps } from '../../fixtures/command-deps.ts';
import { attempt, type Outcome } from '../../fixtures/outcome.ts';

/** What is wrong with parseFlags' outcome: a count past the words, or a refusal that is not bad input. */
function flagProblems(outcome: Outcome<{ consumed: number }>, words: number, mode: string): string[] {
  if (!outcome.ok) {
    // `-h`/`--help` anywhere asks for the help topic: HelpRequested is that signal, by design.
    if (outcome.error instanceof HelpRequested) return [];
    if (!(outcome.error instanceof UserInputError)) return [`threw ${String(outcome.error)}`];
    return blockKitProblems(errorMessage(outcome.error, 'ref'));
  }
  const { consumed } = outcome.value;
  if (consumed > words) return [`consumed ${consumed} of ${words} words`];
  if (mode === 'anywhere' && consumed !== words) return [`anywhere consumed ${consumed} of ${words} words`];
  return [];
}

/** What is wrong with a command's refusal: anything but a valid, ephemeral message of what was wrong and one usage. */
function refusalProblems(error: unknown): string[] {
  // A log group outside the allowlist is the policy's refusal, not a parse error: it too must read well.
  if (error instanceof NotAllowedError) return blockKitProblems(errorMessage(error, 'ref'));
  if (!(error instanceof UserInputError)) return [`threw ${String(error)}`];
  const message = errorMessage(error, 'ref');
  return [
    ...blockKitProblems(message),
    ...strayAngleBrackets(message),
    ...(message.response_type === 'ephemeral' ? [] : ['not ephemeral']),
    ...(message.text.includes('Something went wrong') ? ['the generic failure'] : []),
    ...(/<[!@#]/.test(message.text) ? ['a mention in the text'] : []),
    ...(error.usage.split('\n').length > 3 ? ['more than 3 usage lines'] : []),
  ];
}

const grammar: FlagGrammar = {
  command: '/cw test',
  usage: '`/cw test [--since D] [--limit N] [--share]`',
  flags: [
    { name: 'since', kind: 'duration', example: '1h' },
    { name: 'limit', kind: 'value', aliases: ['max'] },
    SHARE_FLAG,
  ],
};
const parse = (text: string, mode: 'anywhere' | 'leading' = 'anywhere') => parseFlags(tokenize(text), grammar, mode);

describe('handlers/command-flags', () => {
  it.each([
    ['--since 1h', '1h'],
    ['--since=1h', '1h'],
    ['-since 1h', '1h'],
    ['-since=1h', '1h'],
    ['\u2014since 1h', '1h'],
    ['\u2013since 1h', '1h'],
    ['\u2013-since 1h', '1h'],
    ['--SINCE 1h', '1h'],
    ['"--since=1 h"', '1 h'],
    ['--since 3 hours', '3 hours'],
    ['--since 1 hour 30 minutes', '1 hour 30 minutes'],
    ['--since 1.5 h', '1.5 h'],
    ['--since 2h 30m', '2h 30m'],
    ['--since 2 hours 30m', '2 hours 30m'],
    ['--since 1 hour and 30 minutes', '1 hour and 30 minutes'],
    ['--since 3 \uc2dc\uac04', '3 \uc2dc\uac04'],
    ['--since 2\uc2dc\uac04 30\ubd84', '2\uc2dc\uac04 30\ubd84'],
  ])('reads %j as since=%j', (text, value) => {
    expect(parse(text).values.get('since')).toBe(value);
  });

  it('keeps positional words in order, wherever the flags are', () => {
    // Act
    const flags = parse('a --share b --limit 5 c');

    // Assess
    expect(flags.positional).toEqual(['a', 'b', 'c']);
    expect(flags.set.has('share')).toBe(true);
    expect(flags.values.get('limit')).toBe('5');
  });

  it('reads aliases under the canonical name', () => {
    expect(parse('--max 5').values.get('limit')).toBe('5');
  });

  it('stops at the first other word in leading mode, and says how many words it took', () => {
    // Act
    const flags = parse('--since 3 hours --share filter @message like /x/', 'leading');

    // Assess
    expect(flags.consumed).toBe(4);
    expect(flags.values.get('since')).toBe('3 hours');
    expect(flags.positional).toEqual([]);
  });

  it('takes a unit word only after a number', () => {
    expect(parse('--since 1h m').positional).toEqual(['m']);
    expect(parse('--limit 5 hours').positional).toEqual(['hours']);
    expect(parse('--since 1h 5xx').positional).toEqual(['5xx']);
    expect(parse('--since 1h and more').positional).toEqual(['and', 'more']);
  });

  it.each([
    ['--since', /`--since` needs a value, e.g. `--since 1h`/],
    ['--since --share', /`--since` needs a value/],
    ['--since=', /`--since` needs a value/],
    ['--share=yes', /`--share` takes no value/],
    ['--sinec 1h', /`--sinec` is not a flag of `\/cw test`. Did you mean `--since`\?/],
    ['-shar', /Did you mean `--share`\?/],
    ['--graph', /`--graph` is not a flag of `\/cw test`. Its flags: `--since`, `--limit`, `--share`/],
    ['--limit 1 --limit 2', /`--limit` is given twice/],
  ])('refuses %j with the usage', (text, reason) => {
    expect(() => parse(text)).toThrow(reason);
    expect(() => parse(text)).toThrow(expect.objectContaining({ usage: grammar.usage }));
  });

  it('allows the same flag twice when it says the same thing', () => {
    expect(parse('--share --share --limit 2 --limit=2').values.get('limit')).toBe('2');
  });

  it('reads a single-dash word as a flag only near one of the grammar', () => {
    expect(isFlagWord('-share', grammar)).toBe(true);
    expect(isFlagWord('-prod', grammar)).toBe(false);
    expect(isFlagWord('--prod', grammar)).toBe(true);
    expect(isFlagWord('-5', grammar)).toBe(false);
    expect(readFlagWord('--x=a=b')).toEqual({ name: 'x', inline: 'a=b', singleDash: false });
  });

  describe('properties', () => {
    const word = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('--since', '-since', '--since=', '\u2014share', '--share', '--limit', '3', 'hours', 'h', '='),
    );

    it('never throws anything but a UserInputError, in either mode', () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 10 }), fc.constantFrom('anywhere', 'leading'), (words, mode) => {
          const outcome = attempt(() => parseFlags(words, grammar, mode as 'anywhere' | 'leading'));
          expect(flagProblems(outcome, words.length, mode)).toEqual([]);
        }),
        { numRuns: 2000 },
      );
    });

    // Every command that reads flags, fed arbitrary text: either a plan, or a refusal that makes a
    // valid Slack message (what was wrong, one usage line), never another kind of error.
    const commands = [
      ['/cw', 'metrics '],
      ['/cw', 'metrics rds cpu orders-db '],
      ['/cw', 'logs query /aws/lambda/checkout-api '],
      ['/cw', 'logs run checkout errors '],
      ['/cw', 'logs saved '],
      ['/cw', 'alarms '],
      ['/cw', 'help '],
      ['/cw', ''],
      ['/dbadvice', ''],
    ] as const;
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc
        .array(fc.oneof(word, fc.constantFrom('<!channel>', '&lt;!here&gt;', '<@U012AB3CD>', '--<!channel>')), {
          maxLength: 8,
        })
        .map((w) => w.join(' ')),
    );

    it('turns arbitrary command text into a plan or a valid refusal', () => {
      fc.assert(
        fc.property(fc.constantFrom(...commands), text, ([command, prefix], rest) => {
          const outcome = attempt(() => planCommand({ command, text: prefix + rest }, commandDeps()));
          expect(outcome.ok ? [] : refusalProblems(outcome.error)).toEqual([]);
        }),
        { numRuns: 1500 },
      );
    });
  });
});
