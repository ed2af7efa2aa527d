import { describe, expect, it } from 'vitest';
import { type FleetDatabase, isProduction } from '../../../../../handlers/dbadvice/fleet/fleet-findings.ts';
import { type FleetDeps, reviewFleet, toDatabases } from '../../../../../handlers/dbadvice/fleet/fleet-review.ts';
import { renderFleetReview } from '../../../../../handlers/dbadvice/fleet/render-fleet.ts';
import type { DbClusterInfo, DbInstanceInfo, MetricDataRequest } from '../../../../../handlers/ports.ts';
import { tableProblems } from '../../../../../handlers/slack-table.ts';
import { expectValidMessage, tableCells } from '../../../../fixtures/block-kit.ts';
import { emptySeries, fakeMetrics, seriesFor } from '../../../../fixtures/fake-metrics.ts';

const NOW = new Date('2025-03-08T12:34:56Z');

function instance(id: string, overrides: Partial<DbInstanceInfo> = {}): DbInstanceInfo {
  return {
    id,
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    instanceClass: 'db.r7g.large',
    multiAz: true,
    storageEncrypted: true,
    publiclyAccessible: false,
    storageType: 'gp3',
    readReplicaIds: [],
    tags: {},
    ...overrides,
  };
}

/** Metric values per database id and metric name; anything missing has no datapoints. */
type Values = Record<string, Partial<Record<string, number>>>;

function deps(instances: DbInstanceInfo[], clusters: DbClusterInfo[], values: Values) {
  const metrics = fakeMetrics({
    data: (request: MetricDataRequest) =>
      request.series.map((spec) => {
        const value = values[spec.dimensions[0]?.value ?? '']?.[spec.metricName];
        return value === undefined ? emptySeries() : seriesFor(request, () => value);
      }),
  });
  const fleetDeps: FleetDeps = {
    fleet: { describeInstances: async () => instances, describeClusters: async () => clusters },
    metrics: metrics.port,
    region: 'eu-west-1',
    now: () => NOW,
  };
  return { fleetDeps, calls: metrics.calls };
}

function asDatabase(db: DbInstanceInfo): FleetDatabase {
  const [found] = toDatabases([db], []);
  if (!found) throw new Error('expected one database');
  return found;
}

const healthy = { CPUUtilization: 20, DatabaseConnections: 10, ReadIOPS: 100, WriteIOPS: 90, FreeableMemory: 4e9 };

async function findingIds(db: DbInstanceInfo, values: Partial<Record<string, number>> = healthy) {
  const { fleetDeps } = deps([db], [], { [db.id]: values });
  const review = await reviewFleet(fleetDeps);
  return review.databases[0]?.findings.map((f) => f.id) ?? [];
}

describe('handlers/dbadvice/fleet-review', () => {
  it('asks CloudWatch once for 7 days of five metrics per database, by instance or cluster', async () => {
    // Prepare
    const cluster: DbClusterInfo = {
      id: 'billing',
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      multiAz: true,
      storageEncrypted: true,
      members: [{ instanceId: 'billing-1', writer: true }],
      tags: {},
    };
    const { fleetDeps, calls } = deps([instance('a'), instance('billing-1', { clusterId: 'billing' })], [cluster], {});

    // Act
    const review = await reviewFleet(fleetDeps);

    // Assess
    expect(review.databases.map((d) => d.db.id)).toEqual(['a', 'billing']);
    expect(calls.getMetricData).toHaveLength(1);
    const request = calls.getMetricData[0];
    expect(request?.series).toHaveLength(10);
    expect(request?.series.map((s) => s.dimensions[0]?.name)).toEqual([
      ...Array(5).fill('DBInstanceIdentifier'),
      ...Array(5).fill('DBClusterIdentifier'),
    ]);
    expect(request?.end.toISOString()).toBe('2025-03-08T12:00:00.000Z');
    expect(request?.start.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(request?.periodSeconds).toBe(3600);
  });

  it('splits into several calls only beyond 500 series (100 databases)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => instance(`db-${i}`));
    const { fleetDeps, calls } = deps(many, [], {});
    const review = await reviewFleet(fleetDeps);
    expect(calls.getMetricData.map((r) => r.series.length)).toEqual([500, 5]);
    expect(review.metricCalls).toBe(2);
  });

  it('flags read-heavy databases with the measured reads and writes', async () => {
    // Prepare
    const db = instance('orders', { engine: 'aurora-mysql' });
    const { fleetDeps } = deps([db], [], { orders: { ...healthy, ReadIOPS: 2400, WriteIOPS: 310 } });

    // Act
    const finding = (await reviewFleet(fleetDeps)).databases[0]?.findings.find((f) => f.id === 'read-heavy');

    // Assess
    expect(finding?.measured).toBe('reads averaged 2,400 IOPS vs 310 writes over 7 days (7.7×)');
    expect(finding?.advice).toMatch(/read replicas.*ElastiCache/);
  });

  it('does not call balanced or quiet databases read-heavy', async () => {
    expect(await findingIds(instance('a'), { ...healthy, ReadIOPS: 400, WriteIOPS: 300 })).not.toContain('read-heavy');
    expect(await findingIds(instance('a'), { ...healthy, ReadIOPS: 50, WriteIOPS: 1 })).not.toContain('read-heavy');
  });

  it.each([
    ['aurora-candidate', { engine: 'mysql' }],
    ['aurora-candidate', { engine: 'postgres' }],
    ['no-multi-az', { multiAz: false, tags: { Environment: 'Production' } }],
    ['no-multi-az', { multiAz: false, id: 'payments-prod' }],
    ['unencrypted', { storageEncrypted: false }],
    ['public', { publiclyAccessible: true }],
    ['old-generation', { instanceClass: 'db.m4.large' }],
    ['gp2', { storageType: 'gp2' }],
  ] as const)('finds %s', async (id, overrides) => {
    const db = instance('x', overrides as Partial<DbInstanceInfo>);
    expect(await findingIds({ ...db, id: db.id })).toEqual([id]);
  });

  it("counts an Aurora cluster's non-writer members as its readers and labels cluster-level IOPS as such", async () => {
    // Prepare
    const cluster: DbClusterInfo = {
      id: 'billing',
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      multiAz: true,
      storageEncrypted: true,
      members: [
        { instanceId: 'billing-1', writer: true },
        { instanceId: 'billing-2', writer: false },
        { instanceId: 'billing-3', writer: false },
      ],
      tags: {},
    };
    const members = ['billing-1', 'billing-2', 'billing-3'].map((id) => instance(id, { clusterId: 'billing' }));
    const { fleetDeps } = deps(members, [cluster], { billing: { ...healthy, ReadIOPS: 2400, WriteIOPS: 310 } });

    // Act
    const review = await reviewFleet(fleetDeps);
    const message = renderFleetReview(review);

    // Assess
    const reviewed = review.databases[0];
    expect(reviewed?.db.readReplicaIds).toEqual(['billing-2', 'billing-3']);
    const finding = reviewed?.findings.find((f) => f.id === 'read-heavy');
    expect(finding?.measured).toBe(
      'reads averaged 2,400 IOPS vs 310 writes over 7 days (7.7×, CloudWatch cluster-level average across its instances), with 2 Aurora readers already',
    );
    expect(JSON.stringify(message.blocks)).toMatch(/IOPS 2,400 read \/ 310 write \(cluster average\)/);
  });

  it.each(['orders-production', 'prod1', 'orders-prod-2', 'PROD', 'production'])(
    'takes %s for a production database by name',
    (id) => {
      expect(isProduction(asDatabase(instance(id)))).toBe(true);
    },
  );

  it.each(['product-catalog', 'products', 'preprod-x', 'reproduce', 'staging-db', 'productions-archive'])(
    'does not take %s for a production database',
    (id) => {
      expect(isProduction(asDatabase(instance(id)))).toBe(false);
    },
  );

  it('takes an env tag of prod1 for production', () => {
    expect(isProduction(asDatabase(instance('x', { tags: { env: 'prod1' } })))).toBe(true);
  });

  it('leaves a well-configured Aurora database alone, and non-production single-AZ too', async () => {
    expect(await findingIds(instance('a'))).toEqual([]);
    expect(await findingIds(instance('dev', { multiAz: false, tags: { env: 'dev' } }))).toEqual([]);
  });

  it('reports a database with no metrics and still checks its configuration', async () => {
    // Act
    const { fleetDeps } = deps([instance('silent', { publiclyAccessible: true })], [], {});
    const review = await reviewFleet(fleetDeps);

    // Assess
    const reviewed = review.databases[0];
    expect(reviewed?.measured).toBeUndefined();
    expect(reviewed?.findings.map((f) => f.id)).toEqual(['no-metrics', 'public']);
    expect(reviewed?.findings[0]?.measured).toMatch(/no AWS\/RDS datapoints for silent over 7 days/);
  });

  it('renders the most serious databases first with what was measured, within Block Kit limits', async () => {
    // Prepare
    const many = Array.from({ length: 80 }, (_, i) => instance(`db-${String(i).padStart(2, '0')}`));
    many.push(instance('zz-public', { publiclyAccessible: true, storageEncrypted: false }));
    many[0] = instance('db-00', { storageType: 'gp2' });
    const values: Values = Object.fromEntries(many.map((db) => [db.id, healthy]));
    values['db-00'] = { ...healthy, CPUUtilization: 55.4 };
    const { fleetDeps } = deps(many, [], values);

    // Act
    const message = renderFleetReview(await reviewFleet(fleetDeps));

    // Assess: every database a row of the table, most serious first; the findings as text.
    expectValidMessage(message);
    expect(tableProblems(message)).toEqual([]);
    const rows = tableCells(message);
    expect(rows).toHaveLength(82);
    expect(rows[1]?.[0]).toBe('zz-public');
    expect(rows[1]?.[5]).toBe('🔴 2');
    expect(rows.find((r) => r[0] === 'db-00')?.[3]).toBe('55%');
    const texts = (message.blocks ?? []).map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(texts[2]).toMatch(/^\*zz-public\*/);
    expect(texts.join('\n')).toMatch(/CPU 55% avg/);
    // Databases with nothing to flag are only rows.
    expect(texts.join('\n')).not.toMatch(/db-01/);
  });

  it('reviews more databases than a table holds as text, the most serious first, and says how many are left', async () => {
    // Prepare
    const many = Array.from({ length: 120 }, (_, i) => instance(`db-${String(i).padStart(3, '0')}`));
    many.push(instance('zz-public', { publiclyAccessible: true }));
    const { fleetDeps } = deps(many, [], Object.fromEntries(many.map((db) => [db.id, healthy])));

    // Act
    const message = renderFleetReview(await reviewFleet(fleetDeps));

    // Assess
    expectValidMessage(message);
    expect(message.attachments).toBeUndefined();
    const texts = (message.blocks ?? []).map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(texts[2]).toMatch(/^\*zz-public\*/);
    expect(texts.join('\n')).toMatch(/…and \d+ more databases not shown/);
  });

  it('says so when there are no databases', async () => {
    const { fleetDeps } = deps([], [], {});
    const message = renderFleetReview(await reviewFleet(fleetDeps));
    expect(message.text).toMatch(/No RDS or Aurora databases in eu-west-1/);
  });

  it('counts in words: 1 database, 1 finding, 1 call; 2 databases, 2 findings', async () => {
    // Prepare
    const one = deps([instance('solo-db', { publiclyAccessible: true })], [], { 'solo-db': healthy });
    const two = deps([instance('a-db', { storageType: 'gp2' }), instance('b-db', { storageType: 'gp2' })], [], {
      'a-db': healthy,
      'b-db': healthy,
    });

    // Act
    const single = renderFleetReview(await reviewFleet(one.fleetDeps));
    const pair = renderFleetReview(await reviewFleet(two.fleetDeps));

    // Assess
    expect(single.text).toBe('/dbadvice fleet: 1 database in eu-west-1, 1 finding, 1 high.');
    expect(pair.text).toBe('/dbadvice fleet: 2 databases in eu-west-1, 2 findings, 0 high.');
    const everything = JSON.stringify([single, pair]);
    expect(everything).toMatch(/in 1 GetMetricData call\./);
    expect(everything).not.toMatch(/\(s\)/);
  });

  it('names one replica in the singular', async () => {
    // Prepare
    const primary = instance('orders', { readReplicaIds: ['orders-r1'] });
    const { fleetDeps } = deps([primary], [], { orders: { ...healthy, ReadIOPS: 2000, WriteIOPS: 100 } });

    // Act
    const finding = (await reviewFleet(fleetDeps)).databases[0]?.findings.find((f) => f.id === 'read-heavy');

    // Assess
    expect(finding?.measured).toMatch(/with 1 read replica already$/);
  });

  it('flags the demo fleet’s MySQL 5.7 database with the date and the Extended Support charge', async () => {
    // Prepare
    const { createDemoFleet } = await import('../../../../../infra/demo/demo-fleet.ts');
    const fleetDeps: FleetDeps = {
      fleet: createDemoFleet(),
      metrics: fakeMetrics({}).port,
      region: 'us-east-1',
      now: () => new Date('2026-12-02T06:00:00Z'),
    };

    // Act
    const message = renderFleetReview(await reviewFleet(fleetDeps));

    // Assess
    expectValidMessage(message);
    const reporting = (message.blocks ?? [])
      .map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''))
      .find((t) => t.startsWith('*reporting-db*'));
    expect(reporting).toMatch(/RDS for MySQL 5\.7 \(5\.7\.44\): RDS standard support ended on 2024-02-29/);
    expect(reporting).toMatch(/per vCPU-hour/);
    expect(reporting).toMatch(/check your Region's price/);
    expect(reporting).toMatch(
      /<https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/extended-support\.html\|AWS docs>/,
    );
  });
});
