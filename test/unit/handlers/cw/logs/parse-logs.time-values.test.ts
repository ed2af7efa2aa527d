import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../../../../handlers/command-flags.ts';
import { parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { runOnDemo } from '../../../../fixtures/demo-logs-run.ts';

const GROUP = '/aws/lambda/checkout-api';
const grammar = {
  command: '/cw logs query',
  usage: 'usage',
  flags: [
    { name: 'from', kind: 'value', example: '2026-11-25T09:30:00Z' },
    { name: 'to', kind: 'value', example: '2026-11-25T10:30:00Z' },
    { name: 'share', kind: 'boolean' },
  ],
} as const;

describe('handlers/command-flags: a date and its time typed with a space are one value', () => {
  it.each([
    [['--from', '2026-12-02', '06:00', '--to', '2026-12-02', '06:30'], '2026-12-02 06:00', '2026-12-02 06:30'],
    [
      ['--from=2026-12-02', '06:00:15', '--share', '--to', '2026-12-02', '7:05Z'],
      '2026-12-02 06:00:15',
      '2026-12-02 7:05Z',
    ],
    [
      ['--from', '2026-12-02', '06:00', 'UTC', '--to', '2026-12-02T06:30:00Z'],
      '2026-12-02 06:00 UTC',
      '2026-12-02T06:30:00Z',
    ],
  ])('%j', (words, from, to) => {
    // Act
    const flags = parseFlags(words, grammar);

    // Assess
    expect(flags.positional).toEqual([]);
    expect(flags.values.get('from')).toBe(from);
    expect(flags.values.get('to')).toBe(to);
  });

  it('leaves a word after a date that is not a clock to the command', () => {
    expect(parseFlags(['--from', '2026-12-02', 'checkout'], grammar).positional).toEqual(['checkout']);
  });
});

describe('handlers/cw/logs/parse-logs: times as people type them', () => {
  it('reads `YYYY-MM-DD HH:MM` as one time, not "06:30 comes after the flags"', () => {
    // Act
    const query = parseLogsQuery(`${GROUP} --from 2026-12-02 06:00 --to 2026-12-02 06:30 filter @message like /ERROR/`);

    // Assess
    expect(query.range.from).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(query.range.to).toEqual(new Date('2026-12-02T06:30:00Z'));
    expect(query.queryString).toBe('filter @message like /ERROR/');
  });

  it('reads a time without a zone as UTC whatever the server zone, and says so', () => {
    // Act
    const query = parseLogsQuery(`${GROUP} --from 2026-12-02T06:00:00 --to 2026-12-02T06:30:00Z`);

    // Assess
    expect(query.range.from).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(query.range.notes).toEqual(['`--from 2026-12-02T06:00:00` has no time zone: read as UTC.']);
  });

  it('honours an explicit offset and says nothing about zones', () => {
    const query = parseLogsQuery(`${GROUP} --from 2026-12-02T15:00:00+09:00 --to 2026-12-02T06:30:00Z`);
    expect(query.range.from).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(query.range.notes).toBeUndefined();
  });

  it.each(['2026-02-30T06:00:00Z', '2026-12-02T25:00:00Z', '2026-12-02T06:61', 'yesterday', '12/02/2026'])(
    'refuses `--from %s` with the ISO form to use',
    (value) => {
      expect(() => parseLogsQuery(`${GROUP} --from ${value} --to 2026-12-02T06:30:00Z`)).toThrow(
        /is not a time\. Use ISO 8601 with a `T`, e\.g\. 2026-11-25T09:30:00Z/,
      );
    },
  );

  it('property: every UTC instant written with T, with a space, or without a zone reads back the same', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const iso = whole.toISOString().slice(0, 19);
          for (const typed of [`${iso}Z`, iso, iso.replace('T', ' ')]) {
            const to = new Date(whole.getTime() + 60_000).toISOString();
            const query = parseLogsQuery(`${GROUP} --from ${typed} --to ${to}`);
            expect(query.range.from).toEqual(whole);
          }
        },
      ),
    );
  });
});

describe('handlers/cw/logs/run-logs on the demo: the answer says how the time was read', () => {
  it('names "read as UTC" in the range line', async () => {
    // Act
    const { shown } = await runOnDemo(`${GROUP} --from 2026-12-02T06:00:00 --to 2026-12-02 06:30`);

    // Assess
    expect(shown).toContain('`--from 2026-12-02T06:00:00` has no time zone: read as UTC.');
    expect(shown).toContain('`--to 2026-12-02 06:30` has no time zone: read as UTC.');
    expect(shown).toContain('(30m)');
  });

  it('is a refusal a person can act on, not a stack trace', () => {
    expect(() => parseLogsQuery(`${GROUP} --from 2026-12-02T6h`)).toThrow(UserInputError);
  });
});
