import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataSourceAccessError, DataSourceBusyError } from '../../../../handlers/errors.ts';
import { createRdsFleet } from '../../../../infra/aws/rds-fleet.ts';

const rdsMock = mockClient(RDSClient);

const makeClient = () =>
  new RDSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

function awsError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

describe('infra/aws/rds-fleet', () => {
  beforeEach(() => {
    rdsMock.reset();
  });

  it('reads every page of DescribeDBInstances, following Marker', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBInstancesCommand, { Marker: undefined })
      .resolves({
        Marker: 'page-2',
        DBInstances: [
          {
            DBInstanceIdentifier: 'orders-db',
            Engine: 'mysql',
            EngineVersion: '8.0.35',
            DBInstanceClass: 'db.m4.large',
            MultiAZ: false,
            StorageEncrypted: true,
            PubliclyAccessible: false,
            StorageType: 'gp2',
            ReadReplicaDBInstanceIdentifiers: ['orders-replica'],
            TagList: [{ Key: 'env', Value: 'production' }],
          },
        ],
      })
      .on(DescribeDBInstancesCommand, { Marker: 'page-2' })
      .resolves({
        DBInstances: [
          {
            DBInstanceIdentifier: 'orders-replica',
            Engine: 'mysql',
            ReadReplicaSourceDBInstanceIdentifier: 'orders-db',
          },
          { DBInstanceIdentifier: 'billing-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'billing' },
        ],
      });

    // Act
    const instances = await createRdsFleet(makeClient()).describeInstances();

    // Assess
    expect(rdsMock).toHaveReceivedCommandTimes(DescribeDBInstancesCommand, 2);
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBInstancesCommand, 2, { Marker: 'page-2' });
    expect(instances.map((i) => i.id)).toEqual(['orders-db', 'orders-replica', 'billing-1']);
    expect(instances[0]).toEqual({
      id: 'orders-db',
      engine: 'mysql',
      engineVersion: '8.0.35',
      instanceClass: 'db.m4.large',
      multiAz: false,
      storageEncrypted: true,
      publiclyAccessible: false,
      storageType: 'gp2',
      readReplicaIds: ['orders-replica'],
      tags: { env: 'production' },
    });
    expect(instances[1]?.replicaOf).toBe('orders-db');
    expect(instances[2]?.clusterId).toBe('billing');
    // Missing booleans read as the unsafe value, so a finding is raised rather than hidden.
    expect(instances[1]).toMatchObject({ multiAz: false, storageEncrypted: false });
  });

  it('reads every page of DescribeDBClusters with their members', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBClustersCommand, { Marker: undefined })
      .resolves({ Marker: 'm2', DBClusters: [{ DBClusterIdentifier: 'a', Engine: 'aurora-mysql' }] })
      .on(DescribeDBClustersCommand, { Marker: 'm2' })
      .resolves({
        DBClusters: [
          {
            DBClusterIdentifier: 'billing',
            Engine: 'aurora-postgresql',
            EngineVersion: '16.4',
            MultiAZ: true,
            StorageEncrypted: true,
            DBClusterMembers: [
              { DBInstanceIdentifier: 'billing-1', IsClusterWriter: true },
              { DBInstanceIdentifier: 'billing-2', IsClusterWriter: false },
            ],
          },
        ],
      });

    // Act
    const clusters = await createRdsFleet(makeClient()).describeClusters();

    // Assess
    expect(rdsMock).toHaveReceivedCommandTimes(DescribeDBClustersCommand, 2);
    expect(clusters[1]).toEqual({
      id: 'billing',
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      multiAz: true,
      storageEncrypted: true,
      members: [
        { instanceId: 'billing-1', writer: true },
        { instanceId: 'billing-2', writer: false },
      ],
      tags: {},
    });
  });

  it('leaves out Neptune and DocumentDB, which share the RDS API but not the AWS/RDS metrics', async () => {
    // Prepare
    const engines = [
      'aurora-mysql',
      'aurora-postgresql',
      'mysql',
      'postgres',
      'mariadb',
      'oracle-ee',
      'sqlserver-se',
      'db2-ae',
      'custom-oracle-ee',
      'neptune',
      'docdb',
    ];
    rdsMock.on(DescribeDBInstancesCommand).resolves({
      DBInstances: engines.map((Engine, i) => ({ DBInstanceIdentifier: `db-${i}`, Engine })),
    });
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        { DBClusterIdentifier: 'billing', Engine: 'aurora-postgresql' },
        { DBClusterIdentifier: 'graph', Engine: 'neptune' },
        { DBClusterIdentifier: 'docs', Engine: 'docdb' },
      ],
    });
    const fleet = createRdsFleet(makeClient());

    // Act
    const instances = await fleet.describeInstances();
    const clusters = await fleet.describeClusters();

    // Assess
    expect(instances.map((i) => i.engine)).toEqual(engines.filter((e) => e !== 'neptune' && e !== 'docdb'));
    expect(clusters.map((c) => c.id)).toEqual(['billing']);
  });

  it('passes the abort signal to every request', async () => {
    rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    const controller = new AbortController();
    await createRdsFleet(makeClient()).describeInstances({ signal: controller.signal });
    const args: readonly unknown[] = rdsMock.call(0).args;
    expect((args[1] as { abortSignal?: AbortSignal }).abortSignal).toBe(controller.signal);
  });

  it.each([
    ['AccessDenied', DataSourceAccessError, /rds:Describe\*/],
    ['Throttling', DataSourceBusyError, /RDS is busy/],
  ])('turns %s into an error the user can act on', async (name, type, message) => {
    rdsMock.on(DescribeDBClustersCommand).rejects(awsError(name));
    const failure = createRdsFleet(makeClient()).describeClusters();
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(createRdsFleet(makeClient()).describeClusters()).rejects.toThrow(message);
  });

  it('lets other errors through unchanged', async () => {
    rdsMock.on(DescribeDBInstancesCommand).rejects(awsError('InternalFailure'));
    await expect(createRdsFleet(makeClient()).describeInstances()).rejects.toThrow('InternalFailure');
  });
});
