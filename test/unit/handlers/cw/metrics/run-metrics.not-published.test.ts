import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { renderMetrics } from '../../../../../handlers/cw/metrics/render-metrics.ts';
import { runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import type { MetricIdentity } from '../../../../../handlers/ports.ts';
import { createDemoMetrics } from '../../../../../infra/demo/demo-metrics.ts';
import { fakeMetrics } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-12-02T06:39:00Z');
const rds = (metricName: string, id: string): MetricIdentity => ({
  namespace: 'AWS/RDS',
  metricName,
  dimensions: [{ name: 'DBInstanceIdentifier', value: id }],
});

async function noDataText(text: string, metrics = createDemoMetrics({ now })) {
  const result = await runMetrics({ metrics, region: 'eu-west-1', now }, parseMetricsArgs(tokenize(text)));
  return JSON.stringify(renderMetrics(result).blocks);
}

describe('no data for a resource that exists: the metric is one AWS does not publish for it', () => {
  it('`rds storage billing-1` (Aurora) says why, from the catalog note, and what it does publish', async () => {
    // Act
    const text = await noDataText('rds storage billing-1');

    // Assess
    expect(text).toContain(
      '`billing-1` publishes no FreeStorageSpace: Aurora reports storage per cluster (VolumeBytesUsed',
    );
    expect(text).toMatch(/It does publish `CPUUtilization`, `DatabaseConnections`/);
    expect(text).not.toContain('Nothing close');
    expect(text).not.toContain('Did you mean');
  });

  it('any resource that publishes other metrics of the namespace gets "publishes no …", with or without a note', async () => {
    // Prepare
    const { port } = fakeMetrics({
      list: [
        rds('CPUUtilization', 'ledger-db'),
        rds('DatabaseConnections', 'ledger-db'),
        rds('ReplicaLag', 'orders-db'),
      ],
    });

    // Act
    const text = await noDataText('AWS/RDS BurstBalance DBInstanceIdentifier=ledger-db', port);

    // Assess
    expect(text).toContain('`ledger-db` publishes no BurstBalance, though it exists');
    expect(text).toContain('It does publish `CPUUtilization`, `DatabaseConnections` in AWS/RDS.');
    expect(text).not.toContain('Nothing close');
  });

  it('a resource that publishes nothing still gets the suggestions (a typo is a typo)', async () => {
    // Act
    const text = await noDataText('rds storage orders-dbb');

    // Assess
    expect(text).toContain('Did you mean `DBInstanceIdentifier=orders-db`');
    expect(text).not.toContain('publishes no');
  });

  it('a resource that does report the metric, only not in this range, gets no "Did you mean" itself', async () => {
    // Prepare
    const { port } = fakeMetrics({ list: [rds('CPUUtilization', 'orders-db'), rds('CPUUtilization', 'users-db')] });

    // Act
    const text = await noDataText('rds cpu orders-db --since 30m', port);

    // Assess
    expect(text).not.toContain('Did you mean `DBInstanceIdentifier=orders-db`');
    expect(text).toContain(
      '`DBInstanceIdentifier=orders-db` reports CPUUtilization (ListMetrics lists it), but not in this range',
    );
  });
});

describe('no data because the name belongs to another dimension or is part of a longer value', () => {
  it('`rds cpu <cluster>` offers the cluster-level command (the name is a DBClusterIdentifier)', async () => {
    // Act
    const text = await noDataText('rds cpu billing-cluster');

    // Assess
    expect(text).toContain('Did you mean `/cw metrics AWS/RDS CPUUtilization DBClusterIdentifier=billing-cluster`?');
    expect(text).not.toContain('Nothing close');
  });

  it('`alb 5xx <name>` reads the name inside the load balancer value as close, never "nothing close"', async () => {
    // Act
    const text = await noDataText('alb 5xx public-web');

    // Assess
    expect(text).toContain('Did you mean `LoadBalancer=app/public-web/50dc6c495c0c9188`');
    expect(text).not.toContain('Nothing close');
  });

  it('a value under another dimension name, from ListMetrics whatever the namespace', async () => {
    // Prepare
    const { port } = fakeMetrics({
      list: [
        { namespace: 'MyApp', metricName: 'Latency', dimensions: [{ name: 'Service', value: 'checkout' }] },
        { namespace: 'MyApp', metricName: 'Latency', dimensions: [{ name: 'Stage', value: 'prod' }] },
      ],
    });

    // Act
    const text = await noDataText('MyApp Latency Stage=checkout', port);

    // Assess
    expect(text).toContain('Did you mean `/cw metrics MyApp Latency Service=checkout`?');
  });
});
