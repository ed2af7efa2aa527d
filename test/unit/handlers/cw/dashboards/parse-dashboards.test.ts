import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDashboardList } from '../../../../../handlers/cw/dashboards/parse-dashboards.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-'.split('');
/** A prefix ListDashboards accepts: 1 to 255 of its characters, not read as a flag. */
const validPrefix = fc
  .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 255 })
  .map((chars) => chars.join(''))
  .filter((p) => !p.startsWith('-'));

describe('handlers/cw/dashboards/parse-dashboards', () => {
  it.each([
    [[], { namePrefix: undefined, share: false }],
    [['prod-'], { namePrefix: 'prod-', share: false }],
    [['--share'], { namePrefix: undefined, share: true }],
    [['--share', 'ops.team_1'], { namePrefix: 'ops.team_1', share: true }],
    [['Prod-API', '--share'], { namePrefix: 'Prod-API', share: true }],
  ])('%j reads as %j', (words, query) => {
    expect(parseDashboardList(words)).toEqual(query);
  });

  it('keeps any prefix ListDashboards accepts as it was typed', () => {
    fc.assert(
      fc.property(validPrefix, fc.boolean(), (prefix, share) => {
        const words = share ? [prefix, '--share'] : [prefix];
        expect(parseDashboardList(words)).toEqual({ namePrefix: prefix, share });
      }),
    );
  });

  it('refuses, with the usage, any word with a character no dashboard name has, and echoes it inert', () => {
    fc.assert(
      fc.property(
        validPrefix,
        fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /[^A-Za-z0-9._-]/.test(s) && !/\s/.test(s)),
        (prefix, bad) => {
          const word = `${prefix}${bad}`;
          let error: unknown;
          try {
            parseDashboardList([word]);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(UserInputError);
          const { message, usage } = error as UserInputError;
          expect(usage).toContain('/cw dashboards [name-prefix] [--share]');
          expect(message).not.toMatch(/<[!@#]/);
        },
      ),
    );
  });

  it.each([
    [['a', 'b'], /Unexpected `b`/],
    [['<!channel>'], /`&lt;!channel&gt;` cannot start a dashboard name/],
    [['a'.repeat(256)], /at most 255 characters/],
    [['--shar'], /share/],
  ])('refuses %j', (words, said) => {
    expect(() => parseDashboardList(words)).toThrow(UserInputError);
    expect(() => parseDashboardList(words)).toThrow(said);
  });
});
