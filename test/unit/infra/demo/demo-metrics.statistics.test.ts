import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricDataRequest, SeriesData } from '../../../../handlers/ports.ts';
import { createDemoMetrics, DEMO_METRICS } from '../../../../infra/demo/demo-metrics.ts';

/**
 * The demo's statistics must hold what CloudWatch's do: a longer period aggregates the same
 * datapoints the shorter ones do. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */
const now = new Date('2026-12-02T07:16:40Z');
const DAY = 86_400_000;
const port = createDemoMetrics({ now: () => now });

const series = DEMO_METRICS.flatMap((m) => Object.keys(m.resources).map((resource) => ({ m, resource })));
const anySeries = fc.constantFrom(...series);

async function read(
  pick: (typeof series)[number],
  stat: string,
  periodSeconds: number,
  start: number,
  end: number,
): Promise<SeriesData> {
  const request: MetricDataRequest = {
    series: [
      {
        namespace: pick.m.namespace,
        metricName: pick.m.metricName,
        dimensions: [{ name: pick.m.dimension, value: pick.resource }],
        stat,
      },
    ],
    periodSeconds,
    start: new Date(start),
    end: new Date(end),
  };
  const [data] = await port.getMetricData(request);
  if (!data) throw new Error('no series');
  return data;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('infra/demo/demo-metrics: a period aggregates the minutes under it', () => {
  it('a whole day’s statistics follow from its 24 hours', async () => {
    await fc.assert(
      fc.asyncProperty(anySeries, fc.integer({ min: 1, max: 30 }), async (pick, daysBack) => {
        // Prepare: a day that is over
        const day = Math.floor(now.getTime() / DAY) * DAY - daysBack * DAY;
        const one = async (stat: string, period: number) => (await read(pick, stat, period, day, day + DAY)).values;

        // Act
        const [dayAverage = Number.NaN] = await one('Average', 86400);
        const [dayMin = Number.NaN] = await one('Minimum', 86400);
        const [dayMax = Number.NaN] = await one('Maximum', 86400);
        const [daySum = Number.NaN] = await one('Sum', 86400);
        const [dayCount = Number.NaN] = await one('SampleCount', 86400);
        const hourAverages = await one('Average', 3600);
        const hourMins = await one('Minimum', 3600);
        const hourMaxes = await one('Maximum', 3600);
        const hourSums = await one('Sum', 3600);
        const hourCounts = await one('SampleCount', 3600);

        // Assess
        expect(hourAverages).toHaveLength(24);
        // Every hour has 60 datapoints, so the day's mean is the mean of the hours' means.
        close(dayAverage, sum(hourAverages) / 24);
        for (const low of hourMins) expect(dayMin).toBeLessThanOrEqual(low);
        for (const high of hourMaxes) expect(dayMax).toBeGreaterThanOrEqual(high);
        expect(dayMin).toBe(Math.min(...hourMins));
        expect(dayMax).toBe(Math.max(...hourMaxes));
        close(daySum, sum(hourSums));
        expect(dayCount).toBe(sum(hourCounts));
        expect(dayCount).toBe(1440);
        expect(dayMin).toBeLessThanOrEqual(dayAverage);
        expect(dayAverage).toBeLessThanOrEqual(dayMax);
      }),
      { numRuns: 40 },
    );
  });

  it('today’s day counts only the part that has passed', async () => {
    await fc.assert(
      fc.asyncProperty(anySeries, async (pick) => {
        // Prepare
        const today = Math.floor(now.getTime() / DAY) * DAY;

        // Act
        const [count = Number.NaN] = (await read(pick, 'SampleCount', 86400, today, now.getTime())).values;
        const [daySum = Number.NaN] = (await read(pick, 'Sum', 86400, today, now.getTime())).values;
        const minuteSums = (await read(pick, 'Sum', 60, today, now.getTime())).values;

        // Assess: 07:16:40 is in its 437th minute
        expect(count).toBe(437);
        close(daySum, sum(minuteSums));
      }),
      { numRuns: 15 },
    );
  });

  it('the issue’s case: orders-db’s two days at 1d average what the same days at 30m do', async () => {
    // Prepare
    const start = Math.floor(now.getTime() / DAY) * DAY - 2 * DAY;
    const pick = series.find(
      (s) => s.m.namespace === 'AWS/RDS' && s.m.metricName === 'CPUUtilization' && s.resource === 'orders-db',
    );
    if (!pick) throw new Error('orders-db missing');

    // Act
    const days = (await read(pick, 'Average', 86400, start, start + 2 * DAY)).values;
    const halfHours = (await read(pick, 'Average', 1800, start, start + 2 * DAY)).values;

    // Assess
    close(sum(days) / days.length, sum(halfHours) / halfHours.length);
  });
});

describe('infra/demo/demo-metrics: percentiles', () => {
  it('p0 is the Minimum, p100 the Maximum, and pN never falls as N grows, for every metric', async () => {
    await fc.assert(
      fc.asyncProperty(
        anySeries,
        fc.constantFrom(60, 300, 3600, 86400),
        fc.integer({ min: 0, max: 3 * DAY }),
        async (pick, period, back) => {
          // Prepare: three periods ending at most three days ago
          const end = now.getTime() - back;
          const start = Math.floor((end - 3 * period * 1000) / (period * 1000)) * period * 1000;
          const get = async (stat: string) => (await read(pick, stat, period, start, end)).values;

          // Act
          const ladder = await Promise.all(['p0', 'p10', 'p50', 'p90', 'p99', 'p99.9', 'p100'].map(get));
          const [minimum, maximum, average] = await Promise.all(['Minimum', 'Maximum', 'Average'].map(get));

          // Assess
          expect(ladder[0]).toEqual(minimum);
          expect(ladder[ladder.length - 1]).toEqual(maximum);
          for (let r = 1; r < ladder.length; r++) {
            for (const [i, v] of (ladder[r] ?? []).entries()) {
              expect(v).toBeGreaterThanOrEqual(ladder[r - 1]?.[i] ?? Number.NaN);
            }
          }
          (average ?? []).forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(minimum?.[i] ?? Number.NaN);
            expect(v).toBeLessThanOrEqual(maximum?.[i] ?? Number.NaN);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
