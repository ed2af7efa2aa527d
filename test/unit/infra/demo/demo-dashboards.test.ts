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
