import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { reviewFleet } from '../../../../handlers/dbadvice/fleet/fleet-review.ts';
import { createRdsFleet } from '../../../../infra/aws/rds-fleet.ts';
import { fakeMetrics } from '../../../fixtures/fake-metrics.ts';

const rdsMock = mockClient(RDSClient);
const client = () => new RDSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

/**
 * Shapes of DescribeDBInstances / DescribeDBClusters as the RDS API reference documents them
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBCluster.html). Aurora MySQL
 * version 2 reports `EngineVersion` as `5.7.mysql_aurora.2.x.y` (release notes:
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.Updates.20Updates.html).
 */
describe('infra/aws/rds-fleet engine versions', () => {
  beforeEach(() => {
    rdsMock.reset();
  });

  it('carries EngineVersion through to a fleet review that flags engines past standard support', async () => {
    // Prepare
    rdsMock.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        {
          DBInstanceIdentifier: 'legacy-mysql',
          DBInstanceClass: 'db.m5.large',
          Engine: 'mysql',
          EngineVersion: '5.7.44',
          DBInstanceStatus: 'available',
          MultiAZ: true,
          StorageEncrypted: true,
          PubliclyAccessible: false,
          StorageType: 'gp3',
        },
        {
          DBInstanceIdentifier: 'ledger-writer',
          DBInstanceClass: 'db.r5.large',
          Engine: 'aurora-mysql',
          EngineVersion: '5.7.mysql_aurora.2.11.2',
          DBClusterIdentifier: 'ledger',
          StorageEncrypted: true,
          StorageType: 'aurora',
        },
        {
          DBInstanceIdentifier: 'fresh-pg',
          DBInstanceClass: 'db.r7g.large',
          Engine: 'postgres',
          EngineVersion: '17.2',
          MultiAZ: true,
          StorageEncrypted: true,
          StorageType: 'gp3',
        },
      ],
    });
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: 'ledger',
          Engine: 'aurora-mysql',
          EngineVersion: '5.7.mysql_aurora.2.11.2',
          Status: 'available',
          MultiAZ: false,
          StorageEncrypted: true,
          DBClusterMembers: [{ DBInstanceIdentifier: 'ledger-writer', IsClusterWriter: true }],
        },
      ],
    });
    const deps = {
      fleet: createRdsFleet(client()),
      metrics: fakeMetrics({}).port,
      region: 'eu-west-1',
      now: () => new Date('2026-12-02T06:00:00Z'),
    };

    // Act
    const review = await reviewFleet(deps);

    // Assess
    const support = (id: string) =>
      review.databases.find((r) => r.db.id === id)?.findings.find((f) => f.id === 'extended-support');
    expect(support('legacy-mysql')?.measured).toMatch(
      /RDS for MySQL 5\.7 \(5\.7\.44\): RDS standard support ended on 2024-02-29/,
    );
    expect(support('ledger')?.measured).toMatch(
      /Aurora MySQL version 2 \(MySQL 5\.7\) \(5\.7\.mysql_aurora\.2\.11\.2\): RDS standard support ended on 2024-10-31/,
    );
    expect(support('ledger')?.advice).toMatch(/no year-3 rate/);
    expect(support('fresh-pg')).toBeUndefined();
  });
});
