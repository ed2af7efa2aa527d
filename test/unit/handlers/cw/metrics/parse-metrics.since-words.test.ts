import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';

const parse = (text: string) => () => parseMetricsArgs(tokenize(text));

describe('`--since` in words: the flag parser passes the unit word along with its number', () => {
  it.each([
    ['rds cpu orders-db --since 1 month', /`--since 1 month`: months have no fixed length: write 30d\./],
    ['rds cpu orders-db --since a month', /`--since a month`: months have no fixed length: write 30d\./],
    ['rds cpu orders-db --since 3 months --share', /`--since 3 months`: months have no fixed length: write 90d\./],
    ['rds cpu orders-db --since 한 달', /`--since 한 달`: months have no fixed length: write 30d\./],
    ['rds cpu orders-db --since 2 개월', /write 60d/],
    ['rds cpu orders-db --since 1 year', /`--since 1 year`: years have no fixed length: write 365d\./],
    ['rds cpu orders-db --since 1 년', /years have no fixed length: write 365d/],
  ])('%s', (text, message) => {
    expect(parse(text)).toThrow(UserInputError);
    expect(parse(text)).toThrow(message);
    // Never the "needs a unit: 1m" guess, which would read a month as a minute.
    expect(parse(text)).not.toThrow(/needs a unit/);
  });

  it('reads `an hour` and `a day` as durations, shown as typed', () => {
    expect(parseMetricsArgs(tokenize('rds cpu orders-db --since an hour'))).toMatchObject({
      sinceSeconds: 3600,
      sinceText: 'an hour',
    });
    expect(parseMetricsArgs(tokenize('rds cpu orders-db --since a day --share'))).toMatchObject({
      sinceSeconds: 86400,
      share: true,
    });
  });
});
