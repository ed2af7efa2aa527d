import {
  type DBCluster,
  type DBInstance,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  type Tag,
} from '@aws-sdk/client-rds';
import type { CallOptions, DbClusterInfo, DbInstanceInfo, RdsFleetPort } from '../../handlers/ports.ts';
import { type AwsErrorContext, translateAwsError } from './aws-errors.ts';

/**
 * The engines whose metrics are in AWS/RDS. DescribeDBInstances and DescribeDBClusters also return
 * Neptune (`neptune`) and DocumentDB (`docdb`), which publish elsewhere and are not RDS databases.
 */
const RDS_ENGINE = /^(aurora(-mysql|-postgresql)?|mysql|postgres|mariadb|(oracle|sqlserver|db2|custom)-.+)$/;

const isRdsEngine = (engine: string | undefined) => RDS_ENGINE.test(engine ?? '');

function tags(list: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

export function toInstanceInfo(i: DBInstance): DbInstanceInfo {
  return {
    id: i.DBInstanceIdentifier ?? '',
    engine: i.Engine ?? '',
    engineVersion: i.EngineVersion ?? '',
    instanceClass: i.DBInstanceClass ?? '',
    ...(i.DBClusterIdentifier ? { clusterId: i.DBClusterIdentifier } : {}),
    multiAz: i.MultiAZ ?? false,
    storageEncrypted: i.StorageEncrypted ?? false,
    publiclyAccessible: i.PubliclyAccessible ?? false,
    storageType: i.StorageType ?? '',
    ...(i.ReadReplicaSourceDBInstanceIdentifier ? { replicaOf: i.ReadReplicaSourceDBInstanceIdentifier } : {}),
    readReplicaIds: i.ReadReplicaDBInstanceIdentifiers ?? [],
    tags: tags(i.TagList),
  };
}

export function toClusterInfo(c: DBCluster): DbClusterInfo {
  return {
    id: c.DBClusterIdentifier ?? '',
    engine: c.Engine ?? '',
    engineVersion: c.EngineVersion ?? '',
    multiAz: c.MultiAZ ?? false,
    storageEncrypted: c.StorageEncrypted ?? false,
    members: (c.DBClusterMembers ?? []).map((m) => ({
      instanceId: m.DBInstanceIdentifier ?? '',
      writer: m.IsClusterWriter ?? false,
    })),
    tags: tags(c.TagList),
  };
}

/**
 * Follows `Marker` until the last page. Manual paging (rather than the SDK's paginators) lets the
 * caller's abort signal reach every request.
 */
async function allPages<T>(
  errors: AwsErrorContext,
  fetch: (marker: string | undefined) => Promise<{ items: T[]; marker: string | undefined }>,
): Promise<T[]> {
  const found: T[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await fetch(marker);
      found.push(...page.items);
      marker = page.marker;
    } while (marker);
  } catch (error) {
    throw await translateAwsError(error, errors);
  }
  return found;
}

/** The {@link RdsFleetPort} backed by RDS: every page of DescribeDBInstances and DescribeDBClusters. */
export function createRdsFleet(client: RDSClient = new RDSClient({})): RdsFleetPort {
  const errors: AwsErrorContext = {
    service: 'RDS',
    client,
    accessDenied: "The bot's AWS role may not describe RDS databases (rds:Describe*).",
  };
  return {
    describeInstances: (options: CallOptions = {}) =>
      allPages(errors, async (Marker) => {
        const page = await client.send(new DescribeDBInstancesCommand({ Marker }), { abortSignal: options.signal });
        const items = (page.DBInstances ?? []).filter((i) => isRdsEngine(i.Engine)).map(toInstanceInfo);
        return { items, marker: page.Marker };
      }),
    describeClusters: (options: CallOptions = {}) =>
      allPages(errors, async (Marker) => {
        const page = await client.send(new DescribeDBClustersCommand({ Marker }), { abortSignal: options.signal });
        const items = (page.DBClusters ?? []).filter((c) => isRdsEngine(c.Engine)).map(toClusterInfo);
        return { items, marker: page.Marker };
      }),
  };
}
