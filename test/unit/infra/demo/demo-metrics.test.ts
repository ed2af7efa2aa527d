import { describe, expect, it } from 'vitest';
import type { MetricDataRequest } from '../../../../handlers/ports.ts';
import { createDemoMetrics, DEMO_METRICS, incidentStart } from '../../../../infra/demo/demo-metrics.ts';

const now = new Date('2026-11-25T12:34:00Z');
const request = (
  metricName: string,
  namespace: string,
  dimension: string,
  value: string,
  stat = 'Average',
): MetricDataRequest => ({
  series: [{ namespace, metricName, dimensions: [{ name: dimension, value }], stat }],
  periodSeconds: 300,
  start: new Date(now.getTime() - 3 * 3600_000),
  end: now,
});

describe('infra/demo/demo-metrics', () => {
  it('is deterministic for a given clock', async () => {
    const a = await createDemoMetrics({ now: () => now }).getMetricData(
      request('CPUUtilization', 'AWS/RDS', 'DBInstanceIdentifier', 'orders-db'),
    );
    const b = await createDemoMetrics({ now: () => now }).getMetricData(
      request('CPUUtilization', 'AWS/RDS', 'DBInstanceIdentifier', 'orders-db'),
    );
    expect(a).toEqual(b);
    expect(a[0]?.values).toHaveLength(36);
  });

  it('shows the incident about two hours ago as a spike', async () => {
    // Act
    const [series] = await createDemoMetrics({ now: () => now }).getMetricData(
      request('Errors', 'AWS/Lambda', 'FunctionName', 'checkout-api', 'Sum'),
    );

    // Assess
    const incident = incidentStart(now);
    const during =
      series?.values.filter(
        (_, i) => Math.abs((series.timestamps[i]?.getTime() ?? 0) - incident - 600_000) < 600_000,
      ) ?? [];
    const before = series?.values.slice(0, 3) ?? [];
    expect(Math.min(...during)).toBeGreaterThan(Math.max(...before) * 5);
  });

  it('keeps percentages within 0–100 (but for Sum, as CloudWatch) and holds every metric the issue names', async () => {
    const port = createDemoMetrics({ now: () => now });
    for (const metric of DEMO_METRICS) {
      for (const resource of Object.keys(metric.resources)) {
        for (const stat of ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount', 'p99']) {
          const [series] = await port.getMetricData(
            request(metric.metricName, metric.namespace, metric.dimension, resource, stat),
          );
          expect(series?.values.length).toBeGreaterThan(0);
          const values = series?.values ?? [];
          const percent = metric.metricName === 'CPUUtilization' && stat !== 'Sum';
          expect(
            values.filter((v) => v < 0 || (percent && v > 100)),
            `${metric.metricName} ${stat}`,
          ).toEqual([]);
        }
      }
    }
    const names = DEMO_METRICS.map((m) => m.metricName);
    for (const n of [
      'CPUUtilization',
      'DatabaseConnections',
      'ReadIOPS',
      'WriteIOPS',
      'FreeableMemory',
      'Invocations',
      'Errors',
      'Duration',
      'RequestCount',
      'HTTPCode_ELB_5XX_Count',
      'TargetResponseTime',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('has no data for unknown resources, and lists the ones it has', async () => {
    const port = createDemoMetrics({ now: () => now });
    const [series] = await port.getMetricData(request('CPUUtilization', 'AWS/EC2', 'InstanceId', 'i-0nope'));
    expect(series?.values).toEqual([]);
    const list = await port.listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });
    expect(list.map((m) => m.dimensions[0]?.value)).toContain('i-0abc1234def567890');
  });

  it('serves the newest, still-filling period, as CloudWatch does (`--period 1d --since 2d` includes today)', async () => {
    // Prepare
    const at = new Date('2026-12-02T06:39:27Z');
    const day: MetricDataRequest = {
      series: [
        {
          namespace: 'AWS/Lambda',
          metricName: 'Invocations',
          dimensions: [{ name: 'FunctionName', value: 'checkout-api' }],
          stat: 'Sum',
        },
      ],
      periodSeconds: 86400,
      start: new Date('2026-11-30T00:00:00Z'),
      end: at,
    };

    // Act
    const [series] = await createDemoMetrics({ now: () => at }).getMetricData(day);

    // Assess
    expect(series?.timestamps.map((t) => t.toISOString())).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
    ]);
    // Today's Sum counts its 6.6 hours so far, not a whole day.
    const [, yesterday = 0, today = 0] = series?.values ?? [];
    expect(today).toBeLessThan(yesterday / 2);
  });

  it('has no sub-minute datapoints for a standard-resolution AWS metric', async () => {
    // Act
    const [series] = await createDemoMetrics({ now: () => now }).getMetricData({
      ...request('CPUUtilization', 'AWS/RDS', 'DBInstanceIdentifier', 'orders-db'),
      periodSeconds: 10,
      start: new Date(now.getTime() - 600_000),
    });

    // Assess
    expect(series?.values).toEqual([]);
  });
});
