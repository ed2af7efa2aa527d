import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { renderMetrics } from '../../../../../handlers/cw/metrics/render-metrics.ts';
import { runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { formatDuration } from '../../../../../handlers/duration.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { fakeMetrics, seriesFor } from '../../../../fixtures/fake-metrics.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const D = 86400;

/** Runs a `/cw metrics` text at `now` and returns the request CloudWatch got and the message. */
async function run(text: string, now: Date, data = true) {
  const { port, calls } = fakeMetrics(data ? { data: (r) => r.series.map(() => seriesFor(r, (i) => i)) } : {});
  const result = await runMetrics(
    { metrics: port, region: 'eu-west-1', now: () => now },
    parseMetricsArgs(tokenize(text)),
  );
  const request = calls.getMetricData[0];
  if (!request) throw new Error('no GetMetricData call');
  return { request, result, message: renderMetrics(result) };
}

/** The epoch seconds of every Slack date token in the context line, in order. */
function shownMoments(message: ReturnType<typeof renderMetrics>): number[] {
  const text = JSON.stringify(message.blocks?.[1]);
  return [...text.matchAll(/<!date\^(\d+)\^/g)].map((m) => Number(m[1]));
}

function consoleWindow(message: ReturnType<typeof renderMetrics>): { start: string; end: string } {
  const text = JSON.stringify(message.blocks);
  const match = /graph=([^|"\\]+)/.exec(text);
  if (!match?.[1]) throw new Error('no console link');
  return JSON.parse(decodeURIComponent(match[1]));
}

describe('handlers/cw/metrics window: ends now, covers the range, shows what it asked for', () => {
  const now = new Date('2026-12-02T06:39:27Z');

  it.each([
    ['rds cpu orders-db --period 5m --since 30m', '2026-12-02T06:05:00.000Z'],
    ['rds cpu orders-db --since 2 weeks', '2026-11-18T06:00:00.000Z'],
    ['rds cpu orders-db --since 7d', '2026-11-25T06:00:00.000Z'],
    ['rds cpu orders-db --since 455d', '2025-09-03T00:00:00.000Z'],
    ['rds cpu orders-db --period 7m', '2026-12-02T03:35:00.000Z'],
    // Today's partial day is the last period, after the two whole days before it.
    ['rds cpu orders-db --period 1d --since 2d', '2026-11-30T00:00:00.000Z'],
  ])('`%s` ends at now and starts at %s', async (text, start) => {
    // Act
    const { request, message } = await run(text, now);

    // Assess
    expect(request.end.toISOString()).toBe('2026-12-02T06:39:27.000Z');
    expect(request.start.toISOString()).toBe(start);
    expect(shownMoments(message)).toEqual([request.start.getTime() / 1000, request.end.getTime() / 1000]);
  });

  it.each([
    ['rds cpu orders-db --period 1h --since 30m', '1h period is longer than the 30m range'],
    ['rds cpu orders-db --period 1d --since 3h', '1d period is longer than the 3h range'],
    ['rds cpu orders-db --period 1d', '1d period is longer than the 3h range'],
  ])('refuses `%s`: a period longer than the range', (text, message) => {
    // Act
    const parse = () => parseMetricsArgs(tokenize(text));

    // Assess
    expect(parse).toThrow(UserInputError);
    expect(parse).toThrow(message);
  });

  it('for any accepted since and period: end ≤ now, at least one period, and the message and link show that window', async () => {
    const periods = [undefined, 1, 5, 10, 20, 30, 60, 120, 300, 420, 600, 900, 3600, 7200, 21600, 86400];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 60, max: 455 * D }),
        fc.constantFrom(...periods),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('rds cpu orders-db', 'MyApp OrdersPlaced Stage=prod'),
        async (since, period, at, metric) => {
          const text = `${metric} --since ${formatDuration(since)}${period ? ` --period ${formatDuration(period)}` : ''}`;
          const parsed = attempt(() => parseMetricsArgs(tokenize(text)));
          if (!parsed.ok && !(parsed.error instanceof UserInputError)) throw parsed.error;
          // Refused, with a message: not an accepted combination, so not one this property is about.
          fc.pre(parsed.ok);
          const { request, message } = await run(text, at);
          expect(request.end.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime() - request.end.getTime()).toBeLessThan(1000);
          expect(request.end.getTime() - request.start.getTime()).toBeGreaterThanOrEqual(request.periodSeconds * 1000);
          expect(request.end.getTime() - request.start.getTime()).toBeGreaterThanOrEqual(since * 1000);
          expect(shownMoments(message)).toEqual([request.start.getTime() / 1000, request.end.getTime() / 1000]);
          expect(JSON.stringify(message.blocks?.[1])).toContain(`last ${formatDuration(since)} (`);
          expect(consoleWindow(message)).toMatchObject({
            start: request.start.toISOString(),
            end: request.end.toISOString(),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a no-data answer for a too-long period never happens: the refusal comes first, no "Did you mean"', () => {
    // Act
    const parse = () => parseMetricsArgs(tokenize('rds cpu orders-db --period 1h --since 30m'));

    // Assess
    expect(parse).toThrow(/--since/);
  });
});

describe('handlers/cw/metrics sub-minute periods', () => {
  it.each([
    'rds cpu orders-db --period 10s',
    'AWS/EC2 CPUUtilization InstanceId=i-0abc --period 30s',
    'lambda duration checkout-api --period 1s',
  ])('refuses `%s`: AWS namespaces are standard resolution', (text) => {
    // Act
    const parse = () => parseMetricsArgs(tokenize(text));

    // Assess
    expect(parse).toThrow(UserInputError);
    expect(parse).toThrow(/one datapoint a minute.*`--period 1m`/);
  });

  it('keeps sub-minute periods for custom (possibly high-resolution) metrics', () => {
    expect(parseMetricsArgs(tokenize('MyApp Latency Stage=prod --period 10s --since 1h')).periodSeconds).toBe(10);
  });
});
