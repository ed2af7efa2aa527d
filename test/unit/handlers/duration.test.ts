import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationHint, formatDuration, formatSpan, parseDuration, readDuration } from '../../../handlers/duration.ts';

const M = 60;
const H = 3600;
const D = 86400;

describe('handlers/duration', () => {
  it.each([
    ['3h', 3 * H],
    ['3 hours', 3 * H],
    ['3 Hours', 3 * H],
    ['1 hour', H],
    ['1.5h', 1.5 * H],
    ['.5h', 30 * M],
    ['2h30m', 2 * H + 30 * M],
    ['2h 30m', 2 * H + 30 * M],
    ['2 hours 30 minutes', 2 * H + 30 * M],
    ['1 day and 2 hours', D + 2 * H],
    ['1d, 12h', D + 12 * H],
    ['90m', 90 * M],
    ['90min', 90 * M],
    ['45s', 45],
    ['1 day', D],
    ['7d', 7 * D],
    ['455d', 455 * D],
    ['2 weeks', 14 * D],
    ['1wk', 7 * D],
    ['3시간', 3 * H],
    ['2시간 30분', 2 * H + 30 * M],
    ['2시간30분', 2 * H + 30 * M],
    ['1일', D],
    ['2주', 14 * D],
    ['３시간', 3 * H],
    ['PT3H', 3 * H],
    ['P1DT12H', D + 12 * H],
    ['P2W', 14 * D],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('reads a word for one before a unit, keeping the words: `an hour`, `a day`, `한 시간`', () => {
    expect(readDuration('an hour')).toEqual({ seconds: H, text: 'an hour' });
    expect(readDuration('a day')).toEqual({ seconds: D, text: 'a day' });
    expect(readDuration('한 시간')).toEqual({ seconds: H, text: '한 시간' });
    expect(readDuration('a')).toBeUndefined();
  });

  it('keeps what the user typed for messages, with spaces tidied', () => {
    expect(readDuration('  3   hours ')).toEqual({ seconds: 3 * H, text: '3 hours' });
    expect(readDuration('7d')).toEqual({ seconds: 7 * D, text: '7d' });
  });

  it.each([
    ['3', /needs a unit: 3m, 3h or 3d/],
    ['-1h', /without a minus/],
    ['3 months', /months have no fixed length: write 90d/],
    ['1y', /years have no fixed length: write 365d/],
    ['1 month', /`--since 1 month`: months have no fixed length: write 30d/],
    ['a month', /months have no fixed length: write 30d/],
    ['2개월', /months have no fixed length: write 60d/],
    ['한 달', /months have no fixed length: write 30d/],
    ['한달', /months have no fixed length: write 30d/],
    ['an year', /years have no fixed length: write 365d/],
    ['1.5 months', /write 45d/],
    ['3x', /`x` is not a unit/],
    ['3 horus', /`horus` is not a unit/],
    ['0h', /is zero/],
    ['30m2h', /largest unit down, each once/],
    ['1h1h', /largest unit down, each once/],
    ['1.5h30m', /whole numbers/],
    ['0.3s', /not a whole number of seconds/],
    ['99999999d', /more than ten years/],
    ['soon', /`--since soon` is not a duration/],
    ['', /needs a duration/],
  ])('refuses %j and says why', (text, hint) => {
    // Act
    const parsed = readDuration(text);

    // Assess
    expect(parsed).toBeUndefined();
    expect(durationHint(text)).toMatch(hint);
    expect(durationHint(text)).toMatch(/\d/);
  });

  it('names the flag it was given in the hint, and keeps backticks out of the code span', () => {
    expect(durationHint('5 `x`', '--period')).toMatch(/^`--period 5 'x'`/);
  });

  it.each([
    [604800, '7d'],
    [455 * D, '455d'],
    [8 * D, '8d'],
    [9000, '2h30m'],
    [5400, '1h30m'],
    [90, '1m30s'],
    [3 * H, '3h'],
  ])('formats %i seconds as %s, in days rather than weeks', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [564208, '6d13h'],
    [7530, '2h6m'],
    [45, '45s'],
    [2 * D - 30, '2d'],
  ])('rounds a span nobody typed, %i seconds, to %s', (seconds, text) => {
    expect(formatSpan(seconds)).toBe(text);
  });

  it('formats any whole number of seconds to a text that reads back to the same seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 365 * D }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
      }),
    );
  });

  // What people type: one to three parts, units from large to small, any spelling, any separator.
  const spellings: Record<number, string[]> = {
    [7 * D]: ['w', 'week', 'weeks', ' weeks', '주'],
    [D]: ['d', 'day', ' days', '일'],
    [H]: ['h', 'hr', 'hours', ' hours', '시간'],
    [M]: ['m', 'min', ' minutes', '분'],
    1: ['s', 'sec', ' seconds', '초'],
  };
  const typed = fc
    .subarray([7 * D, D, H, M, 1], { minLength: 1, maxLength: 3 })
    .chain((units) =>
      fc.tuple(
        fc.tuple(
          ...units.map((u) =>
            fc.tuple(fc.constant(u), fc.integer({ min: 1, max: 500 }), fc.constantFrom(...(spellings[u] ?? []))),
          ),
        ),
        fc.constantFrom('', ' ', ', ', ' and '),
      ),
    )
    .map(([parts, separator]) => ({
      text: parts.map(([, n, spelling]) => `${n}${spelling}`).join(separator),
      seconds: parts.reduce((sum, [unit, n]) => sum + unit * n, 0),
    }))
    // Past ten years is refused on purpose (see the refusals above).
    .filter(({ seconds }) => seconds <= 10 * 365 * D);

  it('reads any duration typed that way, and what it formats back to reads as the same seconds', () => {
    fc.assert(
      fc.property(typed, ({ text, seconds }) => {
        // Act
        const parsed = readDuration(text);

        // Assess
        expect(parsed?.seconds).toBe(seconds);
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
        expect(parseDuration(formatSpan(seconds))).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws on any text, and anything it accepts is a whole, positive number of seconds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const parsed = readDuration(text);
        // Refused: a hint that says what to write. Accepted: whole positive seconds that read back the same.
        expect(parsed).toSatisfy((p: typeof parsed) =>
          p === undefined
            ? /e\.g\.|needs a unit|no fixed length: write \d+d|largest unit/.test(durationHint(text))
            : Number.isInteger(p.seconds) && p.seconds > 0 && parseDuration(formatDuration(p.seconds)) === p.seconds,
        );
      }),
    );
  });
});
