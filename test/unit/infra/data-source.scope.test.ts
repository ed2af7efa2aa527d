import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../../infra/data-source.ts';
import { DEMO_ACCOUNTS, DEMO_REGIONS } from '../../../infra/demo/demo-accounts.ts';

const demo = createDataSource({
  dataSource: 'demo',
  region: 'us-east-1',
  regionsAllowed: DEMO_REGIONS,
  accounts: DEMO_ACCOUNTS,
  logGroupsAllowed: [],
  logsMaxRangeSeconds: 7 * 86400,
  logsPricePerGb: 0.005,
});
const STAGING = DEMO_ACCOUNTS.find((a) => a.alias === 'staging')?.id ?? '';

describe('infra/data-source: the demo in two Regions and three accounts', () => {
  const series = [
    {
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
      stat: 'Average',
    },
  ];
  const window = { periodSeconds: 300, start: new Date(Date.now() - 3 * 3600_000), end: new Date() };
  const values = async (region: string, accountId?: string) => {
    const metrics = await demo.portsIn(region).metrics();
    const [data] = await metrics.getMetricData({
      ...window,
      series: series.map((s) => (accountId ? { ...s, accountId } : s)),
    });
    return data?.values ?? [];
  };

  it('answers every Region and account, with their own numbers, and the monitoring account’s as its own', async () => {
    // Act
    const home = await values('us-east-1');
    const ireland = await values('eu-west-1');
    const staging = await values('us-east-1', STAGING);
    const ops = await values('us-east-1', DEMO_ACCOUNTS[0]?.id);

    // Assess
    expect(home.length).toBeGreaterThan(10);
    expect(ireland).toHaveLength(home.length);
    expect(ireland).not.toEqual(home);
    expect(staging).not.toEqual(home);
    expect(ops).toEqual(home);
  });

  it('builds each Region’s ports once, and keeps the home Region’s as `ports`', () => {
    expect(demo.portsIn('eu-west-1')).toBe(demo.portsIn('eu-west-1'));
    expect(demo.portsIn('us-east-1')).toBe(demo.ports);
  });

  it('ranks across every account, each group naming its account', async () => {
    // Act
    const metrics = await demo.ports.metrics();
    const ranked = await metrics.queryInsights({
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      groupBy: 'DBInstanceIdentifier',
      func: 'MAX',
      limit: 20,
      ...window,
      byAccount: true,
    });

    // Assess
    const accounts = new Set(ranked.groups.map((g) => g.accountId));
    expect([...accounts].sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.id).sort());
  });
});
