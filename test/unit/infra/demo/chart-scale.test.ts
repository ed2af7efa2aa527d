import { describe, expect, it } from 'vitest';
import { rangeCaption, timeAxis, valueAxis } from '../../../../infra/demo/chart-scale.ts';

describe('infra/demo/chart-scale', () => {
  it('labels values with round numbers and their unit', () => {
    expect(valueAxis(0, 94.2, 'Percent').ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(valueAxis(0, 9.1 * 1024 ** 3, 'Bytes').ticks.map((t) => t.label)).toEqual([
      '0 GiB',
      '2.5 GiB',
      '5 GiB',
      '7.5 GiB',
      '10 GiB',
    ]);
    expect(valueAxis(0, 2600, 'Milliseconds').ticks.map((t) => t.label)).toEqual(['0 s', '1 s', '2 s', '3 s']);
    expect(valueAxis(0, 0.4, 'Seconds').ticks.at(-1)?.label).toBe('400 ms');
    expect(valueAxis(0, 48_000, 'Count').ticks.map((t) => t.label)).toEqual(['0', '20k', '40k', '60k']);
  });

  it('covers every value, the threshold included, from zero for values that cannot be negative', () => {
    const axis = valueAxis(0, 80, 'Percent');
    expect(axis.low).toBe(0);
    expect(axis.high).toBeGreaterThanOrEqual(80);
    const flat = valueAxis(0, 0, 'Count');
    expect(flat.high).toBeGreaterThan(flat.low);
  });

  it('puts times on whole UTC steps and names the day at midnight', () => {
    const start = Date.parse('2026-11-24T21:25:00Z');
    const ticks = timeAxis(start, start + 6 * 3600_000, 8);
    expect(ticks.map((t) => t.label)).toEqual(['22:00', '23:00', 'Nov 25', '01:00', '02:00', '03:00']);
    expect(rangeCaption(start, start + 6 * 3600_000)).toBe('Nov 24 – Nov 25 2026 (UTC)');
    expect(rangeCaption(Date.parse('2026-11-25T09:00:00Z'), Date.parse('2026-11-25T12:00:00Z'))).toBe(
      'Nov 25 2026 (UTC)',
    );
  });
});
