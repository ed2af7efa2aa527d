import type { DbClusterInfo, DbInstanceInfo, RdsFleetPort } from '../../handlers/ports.ts';

/**
 * A small demo fleet with problems worth finding. `orders-db` and `users-db` have metrics in the
 * demo CloudWatch data (orders-db is read-heavy); the rest have none, which the review reports.
 */
const INSTANCES: DbInstanceInfo[] = [
  {
    id: 'orders-db',
    engine: 'mysql',
    engineVersion: '8.0.35',
    instanceClass: 'db.m4.large',
    multiAz: false,
    storageEncrypted: true,
    publiclyAccessible: false,
    storageType: 'gp2',
    readReplicaIds: [],
    tags: { env: 'production', team: 'checkout' },
  },
  {
    id: 'users-db',
    engine: 'postgres',
    engineVersion: '16.3',
    instanceClass: 'db.r6g.large',
    multiAz: true,
    storageEncrypted: true,
    publiclyAccessible: false,
    storageType: 'gp3',
    readReplicaIds: [],
    tags: { env: 'production', team: 'identity' },
  },
  {
    id: 'reporting-db',
    engine: 'mysql',
    engineVersion: '5.7.44',
    instanceClass: 'db.t2.medium',
    multiAz: false,
    storageEncrypted: false,
    publiclyAccessible: true,
    storageType: 'gp2',
    readReplicaIds: [],
    tags: { env: 'staging' },
  },
  ...['billing-1', 'billing-2'].map((id, i) => ({
    id,
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    instanceClass: 'db.r7g.large',
    clusterId: 'billing-cluster',
    multiAz: false,
    storageEncrypted: true,
    publiclyAccessible: false,
    storageType: 'aurora',
    readReplicaIds: [],
    tags: { env: 'production', role: i === 0 ? 'writer' : 'reader' },
  })),
];

const CLUSTERS: DbClusterInfo[] = [
  {
    id: 'billing-cluster',
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    multiAz: true,
    storageEncrypted: true,
    members: [
      { instanceId: 'billing-1', writer: true },
      { instanceId: 'billing-2', writer: false },
    ],
    tags: { env: 'production' },
  },
];

/** The demo {@link RdsFleetPort}: fixed, offline, copies so callers cannot change it. */
export function createDemoFleet(): RdsFleetPort {
  return {
    async describeInstances() {
      return structuredClone(INSTANCES);
    },
    async describeClusters() {
      return structuredClone(CLUSTERS);
    },
  };
}
