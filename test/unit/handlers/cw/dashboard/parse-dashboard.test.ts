import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SINCE_SECONDS, parseDashboardArgs } from '../../../../../handlers/cw/dashboard/parse-dashboard.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';

describe('handlers/cw/dashboard/parse-dashboard', () => {
  it('reads a name, --since and --share, in any order', () => {
    expect(parseDashboardArgs(['prod-api'])).toEqual({
      name: 'prod-api',
      sinceSeconds: DEFAULT_SINCE_SECONDS,
      share: false,
    });
    expect(parseDashboardArgs(['--since', '1d', 'prod-api', '--share'])).toEqual({
      name: 'prod-api',
      sinceSeconds: 86400,
      sinceText: '1d',
      share: true,
    });
  });

  it('refuses what is not one dashboard name, or a range it cannot draw, with the usage', () => {
    for (const args of [
      [],
      ['a', 'b'],
      ['bad/name'],
      ['x'.repeat(256)],
      ['a', '--since', '30s'],
      ['a', '--since', '32d'],
    ]) {
      expect(() => parseDashboardArgs(args), args.join(' ')).toThrow(UserInputError);
    }
  });

  it('answers any words with a query or a UserInputError, never another error', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--since', '--share', '3h', 'prod-api'))), (words) => {
        const outcome = (() => {
          try {
            return parseDashboardArgs(words);
          } catch (error) {
            return error;
          }
        })();
        const ok =
          outcome instanceof UserInputError ||
          (typeof outcome === 'object' &&
            outcome !== null &&
            'name' in outcome &&
            /^[\w.-]{1,255}$/.test(String(outcome.name)) &&
            'sinceSeconds' in outcome &&
            Number(outcome.sinceSeconds) >= 60);
        expect(ok, String(outcome)).toBe(true);
      }),
    );
  });
});
