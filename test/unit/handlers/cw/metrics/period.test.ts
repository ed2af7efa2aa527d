import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  choosePeriod,
  MAX_POINTS,
  minimumPeriodMultiple,
  TARGET_POINTS,
} from '../../../../../handlers/cw/metrics/period.ts';

const H = 3600;
const D = 86400;

describe('handlers/cw/metrics/period', () => {
  it.each([
    [30 * 60, 60],
    [3 * H, 120],
    [D, 900],
    [7 * D, 7200],
    [30 * D, 43200],
    [455 * D, 86400],
  ])('chooses a period for %is that gives at most about 100 points', (since, period) => {
    expect(choosePeriod(since)).toEqual({ periodSeconds: period });
  });

  it('keeps a requested period that CloudWatch can serve', () => {
    expect(choosePeriod(3 * H, 60)).toEqual({ periodSeconds: 60 });
    expect(choosePeriod(H, 10)).toEqual({ periodSeconds: 10 });
  });

  it('raises a high-resolution period older than 3 hours to whole minutes, and says why', () => {
    // Act
    const choice = choosePeriod(D, 10);

    // Assess
    expect(choice.periodSeconds).toBe(60);
    expect(choice.note).toBe(
      'CloudWatch keeps sub-minute data for 3h only and this range starts 1d back, so the period is 1m.',
    );
  });

  it('says how long the finer data is kept, never that the coarser data lasts only as far as the range', () => {
    // Prepare: the example (10s over 5h) and each retention step
    const cases = [
      [5 * H, 10, 'sub-minute data for 3h'],
      [20 * D, 120, '1-minute data for 15d'],
      [70 * D, 300, '5-minute data for 63d'],
    ] as const;

    for (const [since, requested, kept] of cases) {
      // Act
      const note = choosePeriod(since, requested).note ?? '';

      // Assess
      expect(note).toContain(`CloudWatch keeps ${kept} only`);
      expect(note).not.toMatch(/keeps only \d+[mhd] data/);
    }
  });

  it('raises a 1-minute period past 15 days to 5 minutes, and past 63 days to an hour', () => {
    expect(choosePeriod(20 * D, 60).periodSeconds % 300).toBe(0);
    expect(choosePeriod(90 * D, 300).periodSeconds % 3600).toBe(0);
  });

  it('names both reasons when retention and the point budget each raise the period', () => {
    expect(choosePeriod(16 * D, 60)).toEqual({
      periodSeconds: 1800,
      note: 'CloudWatch keeps 1-minute data for 15d only and this range starts 16d back, and 5m over 16d is more than 1440 points, so the period is 30m.',
    });
  });

  it('raises a sub-minute period through the sub-minute periods while the data is fine-grained enough', () => {
    // 1 s over 3 h is 10,800 points; 10 s is 1,080, and CloudWatch keeps 10 s data for 3 h.
    expect(choosePeriod(3 * H, 1)).toEqual({
      periodSeconds: 10,
      note: '1s over 3h is more than 1440 points, so the period is 10s.',
    });
    expect(choosePeriod(H, 1).periodSeconds).toBe(5);
    // Unasked, a period is never under a minute: standard metrics have no sub-minute data.
    expect(choosePeriod(5 * 60).periodSeconds).toBe(60);
  });

  it('raises a period that would give too many points', () => {
    // Act
    const choice = choosePeriod(7 * D, 60);

    // Assess
    expect((7 * D) / choice.periodSeconds).toBeLessThanOrEqual(MAX_POINTS);
    expect(choice.note).toMatch(/more than 1440 points/);
  });

  it('always respects retention and the point budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 455 * D }),
        fc.option(fc.constantFrom(1, 5, 10, 30, 60, 120, 300, 3600, 86400), { nil: undefined }),
        (since, requested) => {
          const { periodSeconds } = choosePeriod(since, requested);
          expect(periodSeconds % minimumPeriodMultiple(since)).toBe(0);
          expect(periodSeconds).toBeLessThanOrEqual(86400);
          const budget = requested === undefined ? TARGET_POINTS : MAX_POINTS;
          // A range longer than the budget in days cannot fit it even at the 1-day maximum period.
          const fits = since / 86400 <= budget;
          expect(fits ? since / periodSeconds : 0).toBeLessThanOrEqual(budget);
        },
      ),
    );
  });
});
