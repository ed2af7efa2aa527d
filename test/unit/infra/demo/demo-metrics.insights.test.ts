import { describe, expect, it } from 'vitest';
import type { MetricsInsightsRequest } from '../../../../handlers/ports.ts';
import { createDemoMetrics, incidentStart } from '../../../../infra/demo/demo-metrics.ts';

const now = new Date('2026-11-25T12:34:00Z');
const threeHours = (over: Partial<MetricsInsightsRequest>): MetricsInsightsRequest => ({
  namespace: 'AWS/RDS',
  metricName: 'DatabaseConnections',
  groupBy: 'DBInstanceIdentifier',
  func: 'MAX',
  limit: 10,
  periodSeconds: 300,
  start: new Date(now.getTime() - 3 * 3600_000),
  end: now,
  ...over,
});

describe('infra/demo/demo-metrics: queryInsights', () => {
  it("ranks the fleet's databases, the incident's first, and only those with exactly the grouped dimension", async () => {
    // Prepare
    const demo = createDemoMetrics({ now: () => now });

    // Act
    const answer = await demo.queryInsights(threeHours({}));

    // Assess
    const labels = answer.groups.map((g) => g.label);
    expect(labels[0]).toBe('orders-db');
    expect(labels).toHaveLength(5);
    // The cluster publishes by DBClusterIdentifier: SCHEMA(…, DBInstanceIdentifier) does not match it.
    expect(labels).not.toContain('billing-cluster');
    expect(answer.status).toBe('Complete');
  });

  it('ranks highest first by the function over the whole window', async () => {
    // Prepare
    const demo = createDemoMetrics({ now: () => now });

    // Act
    const answer = await demo.queryInsights(
      threeHours({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', groupBy: 'InstanceId', func: 'AVG' }),
    );

    // Assess
    const means = answer.groups.map((g) => g.values.reduce((a, b) => a + b, 0) / g.values.length);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(answer.groups.at(-1)?.label).toBe('i-0f7e3c2b1a0987654');
  });

  it('gives each group the series /cw metrics would show for that resource at the same statistic', async () => {
    // Prepare
    const demo = createDemoMetrics({ now: () => now });
    const req = threeHours({ func: 'SUM', metricName: 'Errors', namespace: 'AWS/Lambda', groupBy: 'FunctionName' });

    // Act
    const answer = await demo.queryInsights(req);
    const [checkout] = await demo.getMetricData({
      series: [
        {
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: [{ name: 'FunctionName', value: 'checkout-api' }],
          stat: 'Sum',
        },
      ],
      periodSeconds: req.periodSeconds,
      start: req.start,
      end: req.end,
    });

    // Assess
    expect(answer.groups[0]).toEqual({
      label: 'checkout-api',
      timestamps: checkout?.timestamps,
      values: checkout?.values,
    });
    // The incident's errors are in this window.
    expect(incidentStart(now)).toBeGreaterThan(req.start.getTime());
  });

  it('keeps to LIMIT', async () => {
    // Act
    const answer = await createDemoMetrics({ now: () => now }).queryInsights(threeHours({ limit: 2 }));

    // Assess
    expect(answer.groups.map((g) => g.label)).toHaveLength(2);
  });

  it('answers no groups for a metric or dimension the demo does not publish', async () => {
    // Prepare
    const demo = createDemoMetrics({ now: () => now });

    // Act
    const wrongDimension = await demo.queryInsights(threeHours({ groupBy: 'Role' }));
    const wrongMetric = await demo.queryInsights(threeHours({ metricName: 'Nope' }));

    // Assess
    expect(wrongDimension.groups).toEqual([]);
    expect(wrongMetric.groups).toEqual([]);
  });
});
