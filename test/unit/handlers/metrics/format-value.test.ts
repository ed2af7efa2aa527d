import { describe, expect, it } from 'vitest';
import { formatStatValue, statUnit } from '../../../../handlers/metrics/format-value.ts';

const UNITS = ['Percent', 'Count', 'Count/Second', 'Bytes', 'Milliseconds', 'Seconds', undefined] as const;

describe('handlers/metrics/format-value', () => {
  it.each(UNITS)('counts datapoints of a %s metric with SampleCount as a plain whole number', (unit) => {
    expect(statUnit(unit, 'SampleCount')).toBe('Count');
    expect(formatStatValue(2, unit, 'SampleCount')).toBe('2');
    expect(formatStatValue(1440, unit, 'SampleCount')).toBe('1,440');
    // The average over periods of a count may have a fraction; it stays a count.
    expect(formatStatValue(2.25, unit, 'SampleCount')).toBe('2.3');
  });

  it('shows a Sum of percentages as a plain number, and every other Sum in its unit', () => {
    expect(formatStatValue(183.4, 'Percent', 'Sum')).toBe('183.4');
    expect(formatStatValue(3 * 1024 ** 3, 'Bytes', 'Sum')).toBe('3.0 GiB');
    expect(formatStatValue(1500, 'Milliseconds', 'Sum')).toBe('1.50 s');
    expect(formatStatValue(12, 'Count', 'Sum')).toBe('12');
    expect(formatStatValue(4.5, 'Count/Second', 'Sum')).toBe('4.5/s');
  });

  it.each(['Average', 'Minimum', 'Maximum', 'p99', 'p99.9'])('keeps the metric’s unit for %s', (stat) => {
    expect(formatStatValue(42.13, 'Percent', stat)).toBe('42.1%');
    expect(formatStatValue(230, 'Milliseconds', stat)).toBe('230 ms');
    expect(formatStatValue(2048, 'Bytes', stat)).toBe('2.0 KiB');
    expect(formatStatValue(3, 'Count', stat)).toBe('3');
  });
});
