import { describe, expect, it } from 'vitest';
import { formatStatValue, statFormat, statUnit } from '../../../../../handlers/cw/metrics/format-value.ts';

const UNITS = ['Percent', 'Count', 'Count/Second', 'Bytes', 'Milliseconds', 'Seconds', undefined] as const;

describe('handlers/cw/metrics/format-value', () => {
  it.each(UNITS)('counts datapoints of a %s metric with SampleCount as a plain whole number', (unit) => {
    expect(statUnit(unit, 'SampleCount')).toBe('Count');
    expect(formatStatValue(2, unit, 'SampleCount')).toBe('2');
    expect(formatStatValue(1440, unit, 'SampleCount')).toBe('1,440');
    // The average over periods of a count may have a fraction; it stays a count.
    expect(formatStatValue(2.25, unit, 'SampleCount')).toBe('2.3');
  });

  it('shows a Sum of percentages as a plain number, and every other Sum in its unit', () => {
    expect(formatStatValue(183.4, 'Percent', 'Sum')).toBe('183');
    expect(formatStatValue(3 * 1024 ** 3, 'Bytes', 'Sum')).toBe('3.0 GiB');
    expect(formatStatValue(1500, 'Milliseconds', 'Sum')).toBe('1.50 s');
    expect(formatStatValue(12, 'Count', 'Sum')).toBe('12');
    expect(formatStatValue(4.5, 'Count/Second', 'Sum')).toBe('4.50/s');
  });

  it.each(['Average', 'Minimum', 'Maximum', 'p99', 'p99.9'])('keeps the metric’s unit for %s', (stat) => {
    expect(formatStatValue(42.13, 'Percent', stat)).toBe('42.1%');
    expect(formatStatValue(230, 'Milliseconds', stat)).toBe('230 ms');
    expect(formatStatValue(2048, 'Bytes', stat)).toBe('2.0 KiB');
    expect(formatStatValue(3, 'Count', stat)).toBe('3');
  });

  it.each([
    // Lambda Duration p99: the demo's latest beside the average, once "198.86 ms" and "299.9 ms".
    ['Milliseconds', 'p99', [198.86, 150.2, 299.9, 410.37], ['199 ms', '150 ms', '300 ms', '410 ms']],
    ['Milliseconds', 'p99', [198.86, 150.2, 299.9, 2410.37], ['0.20 s', '0.15 s', '0.30 s', '2.41 s']],
    ['Seconds', 'p99', [0.1234, 0.09, 1.6], ['0.12 s', '0.09 s', '1.60 s']],
    ['Bytes', 'Minimum', [512 * 1024 ** 2, 6.5 * 1024 ** 3], ['0.5 GiB', '6.5 GiB']],
    [undefined, 'Average', [3.456, 12.5, 0.25], ['3.5', '12.5', '0.3']],
    ['Count/Second', 'Average', [2400.4, 150.25], ['2,400/s', '150/s']],
    [undefined, 'Average', [12_345, 950], ['12.3K', '950']],
  ] as const)(
    'writes every %s %s value of a set by one rule, about three significant digits for the largest',
    (unit, stat, values, texts) => {
      // Act
      const f = statFormat(values, unit, stat);

      // Assess
      expect(values.map(f)).toEqual(texts);
    },
  );

  it('reads a Sum of an unknown-unit metric with whole datapoints as a count: the average gets one decimal', () => {
    // Act
    const f = statFormat([88, 91.8912, 12, 140], undefined, 'Sum', [88, 12, 140, 91]);

    // Assess
    expect([88, 91.8912, 12, 140].map(f)).toEqual(['88', '91.9', '12', '140']);
  });
});
