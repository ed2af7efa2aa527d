import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { averageFormat } from '../../../../../handlers/cw/metrics/format-value.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { renderMetrics } from '../../../../../handlers/cw/metrics/render-metrics.ts';
import { runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { fakeMetrics, seriesFor } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-12-02T07:00:00Z');

/** The Average field of the answer to `text`, every datapoint `value`. */
async function averageShown(text: string, value: (i: number) => number): Promise<string | undefined> {
  const { port } = fakeMetrics({ data: (r) => r.series.map(() => seriesFor(r, value)) });
  const result = await runMetrics({ metrics: port, region: 'us-east-1', now }, parseMetricsArgs(tokenize(text)));
  return /\*Average\*\\n([^"]*)"/.exec(JSON.stringify(renderMetrics(result).blocks))?.[1];
}

describe('an average of counts has one decimal, even when it comes out whole', () => {
  it.each([
    // SampleCount of any metric counts datapoints.
    ['rds connections orders-db --stat SampleCount --since 1h', () => 1, '1.0'],
    ['rds cpu orders-db --stat SampleCount --since 3h', () => 60, '60.0'],
    // A Count metric by any statistic.
    ['lambda errors checkout-api --stat Sum --since 1h', () => 4, '4.0'],
    ['rds connections orders-db --stat Maximum --since 1h', () => 12, '12.0'],
    ['rds connections orders-db --since 1h', (i: number) => (i % 2 === 0 ? 3 : 5), '4.0'],
  ])('%s', async (text, value, shown) => {
    expect(await averageShown(text, value)).toBe(shown);
  });

  it('keeps the decimal for a whole average of whole datapoints of no known unit (read as a count)', () => {
    // Act
    const f = averageFormat([7], undefined, 'Sum', [6, 8, 7]);

    // Assess
    expect(f(7)).toBe('7.0');
  });

  it('leaves averages that are not counts to their own rule', () => {
    expect(averageFormat([40], 'Percent', 'Average')(40)).toBe('40.0%');
    expect(averageFormat([250], 'Milliseconds', 'Average')(250)).toBe('250 ms');
    expect(averageFormat([12], undefined, 'Average', [11.5, 12.5])(12)).toBe('12.0');
    expect(averageFormat([24_000], 'Count', 'Sum')(24_000)).toBe('24K');
  });
});
