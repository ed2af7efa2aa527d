import { describe, expect, it } from 'vitest';
import { SHORTCUTS, unitOf } from '../../../../handlers/cw/metrics/catalog.ts';
import { reviewFleet, toDatabases } from '../../../../handlers/dbadvice/fleet/fleet-review.ts';
import { createDemoFleet } from '../../../../infra/demo/demo-fleet.ts';
import { createDemoMetrics, DEMO_METRICS, isWhole } from '../../../../infra/demo/demo-metrics.ts';
import { DEMO_RESOURCES } from '../../../../infra/demo/demo-resources.ts';

const now = new Date('2026-11-25T12:34:00Z');
const metrics = createDemoMetrics({ now: () => now });

/** What a plausible datapoint of each unit looks like. */
function plausible(unit: string, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  if (unit === 'Percent') return value <= 100;
  if (unit === 'Seconds') return value < 60;
  if (unit === 'Milliseconds') return value < 900_000;
  return true;
}

async function fetch(namespace: string, metricName: string, dimension: string, id: string, stat: string) {
  const [series] = await metrics.getMetricData({
    series: [{ namespace, metricName, dimensions: [{ name: dimension, value: id }], stat }],
    periodSeconds: 300,
    start: new Date(now.getTime() - 3 * 3600_000),
    end: now,
  });
  return series?.values ?? [];
}

const cases = Object.entries(SHORTCUTS).flatMap(([service, s]) =>
  (DEMO_RESOURCES[service] ?? []).flatMap((resource) =>
    Object.entries(s.metrics).flatMap(([shortcut, specs]) =>
      specs.map((spec) => ({ service, shortcut, resource, spec, namespace: s.namespace, dimension: s.dimension })),
    ),
  ),
);

describe('infra/demo: every shortcut has demo data', () => {
  it('names demo resources for every shortcut service', () => {
    for (const service of Object.keys(SHORTCUTS)) expect(DEMO_RESOURCES[service]?.length, service).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.service} ${c.shortcut} ${c.resource.id} (${c.spec.metricName})`, c] as const))(
    '%s',
    async (_, c) => {
      // Prepare
      const unit = unitOf(c.namespace, c.spec.metricName);
      const skipped = c.resource.without?.metrics.includes(c.shortcut) ?? false;

      // Act
      const values = await fetch(c.namespace, c.spec.metricName, c.dimension, c.resource.id, c.spec.stat);

      // Assess
      expect(unit, 'the catalog knows the unit').toBeDefined();
      // A resource without the metric has no datapoints; every other has a day of plausible ones.
      expect(skipped ? values : [], c.resource.without?.because).toEqual([]);
      expect(skipped ? 31 : values.length).toBeGreaterThan(30);
      expect(
        values.filter((v) => !plausible(unit ?? '', v)),
        `implausible ${unit}`,
      ).toEqual([]);
      // An Average of counts (connections averaged over 5 minutes) may have a fraction; no other statistic may.
      const whole = unit === 'Count' && c.spec.stat !== 'Average';
      expect(
        values.filter((v) => whole && !Number.isInteger(v)),
        'fractions of a whole count',
      ).toEqual([]);
      const bytes = unit === 'Bytes' && c.spec.metricName !== 'NetworkOut' && !skipped;
      expect(bytes ? Math.max(...values) : 1024 ** 2 + 1).toBeGreaterThan(1024 ** 2);
    },
  );

  it('counts whole things in whole numbers for every statistic but Average', async () => {
    for (const metric of DEMO_METRICS.filter(isWhole)) {
      for (const id of Object.keys(metric.resources)) {
        for (const stat of ['Sum', 'Maximum', 'Minimum', 'SampleCount', 'p99']) {
          const values = await fetch(metric.namespace, metric.metricName, metric.dimension, id, stat);
          expect(values.every(Number.isInteger), `${metric.metricName} ${id} ${stat}: ${values.join(' ')}`).toBe(true);
        }
      }
    }
    // Lambda's Errors, the example, among them.
    expect(DEMO_METRICS.filter(isWhole).map((m) => m.metricName)).toContain('Errors');
  });

  it('has metrics for every database of the demo fleet, so the review finds none without data', async () => {
    // Prepare
    const fleet = createDemoFleet();
    const databases = toDatabases(await fleet.describeInstances(), await fleet.describeClusters());

    // Act
    const review = await reviewFleet({ fleet, metrics, region: 'us-east-1', now: () => now });

    // Assess
    expect(databases.length).toBeGreaterThanOrEqual(4);
    for (const reviewed of review.databases) {
      expect(reviewed.measured, reviewed.db.id).toBeDefined();
      expect(reviewed.findings.map((f) => f.id)).not.toContain('no-metrics');
    }
  });
});
