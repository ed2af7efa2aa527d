import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../../../handlers/cw/metrics/format-value.ts';
import { sparkline } from '../../../../../handlers/cw/metrics/sparkline.ts';

const start = new Date('2026-11-25T00:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('handlers/cw/metrics/sparkline', () => {
  it('scales the lowest value to ▁ and the highest to █', () => {
    // Act
    const line = sparkline({
      timestamps: [at(0), at(1), at(2), at(3)],
      values: [0, 10, 5, 10],
      start,
      end: at(4),
      periodSeconds: 60,
      width: 48,
    });

    // Assess
    expect(line).toBe('▁█▅█');
  });

  it('shows missing periods as gaps', () => {
    const line = sparkline({
      timestamps: [at(0), at(3)],
      values: [1, 2],
      start,
      end: at(4),
      periodSeconds: 60,
      width: 48,
    });
    expect(line).toBe('▁  █');
  });

  it('folds long series to the width, keeping each slot’s peak', () => {
    // Prepare: 100 flat points with one spike
    const timestamps = Array.from({ length: 100 }, (_, i) => at(i));
    const values = timestamps.map((_, i) => (i === 57 ? 100 : 1));

    // Act
    const line = sparkline({ timestamps, values, start, end: at(100), periodSeconds: 60, width: 10 });

    // Assess
    expect(Array.from(line)).toHaveLength(10);
    expect(line).toContain('█');
  });

  it('draws a constant series (zero or not) as a flat low line, and nothing for no data', () => {
    for (const value of [0, 3, 94.5]) {
      expect(
        sparkline({
          timestamps: [at(0), at(1), at(2)],
          values: [value, value, value],
          start,
          end: at(3),
          periodSeconds: 60,
          width: 5,
        }),
      ).toBe('▁▁▁');
    }
    expect(sparkline({ timestamps: [], values: [], start, end: at(2), periodSeconds: 60, width: 5 })).toBe('');
  });
});

describe('handlers/cw/metrics/format-value', () => {
  it.each([
    [42.123, 'Percent', '42.1%'],
    [6.5 * 1024 ** 3, 'Bytes', '6.5 GiB'],
    [512, 'Bytes', '512 B'],
    [230, 'Milliseconds', '230 ms'],
    [2400, 'Milliseconds', '2.40 s'],
    [0.123, 'Seconds', '123 ms'],
    [1.5, 'Seconds', '1.50 s'],
    [600, 'Seconds', '10.0 min'],
    [2400.4, 'Count/Second', '2,400/s'],
    [1234567, 'Count', '1.23M'],
    [3.456, undefined, '3.46'],
  ] as const)('formats %d %s as %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});
