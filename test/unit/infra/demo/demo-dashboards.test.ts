import { describe, expect, it } from 'vitest';
import { createDemoDashboards } from '../../../../infra/demo/demo-dashboards.ts';

const now = () => new Date('2026-11-25T12:00:00Z');

describe('infra/demo/demo-dashboards', () => {
  it('lists its two dashboards, each changed before now', async () => {
    // Act
    const dashboards = await createDemoDashboards({ now }).listDashboards({});

    // Assess
    expect(dashboards.map((d) => d.name)).toEqual(['prod-checkout-api', 'prod-orders-db']);
    for (const d of dashboards) {
      expect(d.lastModified?.getTime()).toBeLessThan(now().getTime());
      expect(d.sizeBytes).toBeGreaterThan(0);
    }
  });

  it('filters by name prefix', async () => {
    const demo = createDemoDashboards({ now });
    expect((await demo.listDashboards({ namePrefix: 'prod-orders' })).map((d) => d.name)).toEqual(['prod-orders-db']);
    expect(await demo.listDashboards({ namePrefix: 'staging-' })).toEqual([]);
  });
});

describe('infra/demo/demo-dashboards: bodies', () => {
  it('has two dashboards whose bodies the bot reads, each with metric widgets the demo can draw', async () => {
    // Prepare
    const { createDemoDashboard } = await import('../../../../infra/demo/demo-dashboards.ts');
    const { parseDashboardBody } = await import('../../../../handlers/cw/dashboard/dashboard-body.ts');
    const { createDemoWidgetImage } = await import('../../../../infra/demo/demo-image.ts');
    const { createDemoMetrics } = await import('../../../../infra/demo/demo-metrics.ts');
    const draw = createDemoWidgetImage(createDemoMetrics({ now }));

    for (const name of ['prod-checkout-api', 'prod-orders-db']) {
      // Act
      const parsed = parseDashboardBody((await createDemoDashboard().getDashboard(name)).body);

      // Assess
      if (!parsed.ok) throw new Error(parsed.problem);
      const metric = parsed.widgets.find((w) => w.kind === 'metric');
      if (metric?.kind !== 'metric') throw new Error(`${name} has no metric widget`);
      const png = await draw.getWidgetImage({
        properties: metric.properties,
        start: new Date(now().getTime() - 3 * 3_600_000),
        end: now(),
        width: 800,
        height: 400,
      });
      expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    await expect(createDemoDashboard().getDashboard('nope')).rejects.toThrow('There is no dashboard named `nope`.');
  });
});
