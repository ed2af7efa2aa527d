import { summarize } from '../../cw/metrics/run-metrics.ts';
import type { DbClusterInfo, DbInstanceInfo, MetricSpec, MetricsPort, RdsFleetPort, SeriesData } from '../../ports.ts';
import { type Finding, type FleetDatabase, findingsFor, type Measurements } from './fleet-findings.ts';

/** What `/dbadvice fleet` runs with: the RDS inventory, CloudWatch, and a clock. */
export interface FleetDeps {
  fleet: RdsFleetPort;
  metrics: MetricsPort;
  region: string;
  now: () => Date;
}

export interface ReviewedDatabase {
  db: FleetDatabase;
  measured: Measurements | undefined;
  findings: Finding[];
}

export interface FleetReview {
  region: string;
  days: number;
  databases: ReviewedDatabase[];
  /** GetMetricData calls made: one unless the fleet needs more than 500 series. */
  metricCalls: number;
}

export const REVIEW_DAYS = 7;
const PERIOD_SECONDS = 3600;
/** GetMetricData takes at most 500 queries per call. */
const MAX_SERIES_PER_CALL = 500;

const METRICS = ['CPUUtilization', 'DatabaseConnections', 'ReadIOPS', 'WriteIOPS', 'FreeableMemory'] as const;

/** Standalone instances are reviewed one by one; cluster members through their cluster. */
export function toDatabases(instances: DbInstanceInfo[], clusters: DbClusterInfo[]): FleetDatabase[] {
  const byId = new Map(instances.map((i) => [i.id, i]));
  const standalone: FleetDatabase[] = instances
    .filter((i) => !i.clusterId)
    .map((i) => ({ kind: 'instance', ...i, instanceClasses: [i.instanceClass], dimension: 'DBInstanceIdentifier' }));
  const grouped: FleetDatabase[] = clusters.map((c) => {
    const members = c.members.map((m) => byId.get(m.instanceId)).filter((m): m is DbInstanceInfo => m !== undefined);
    return {
      kind: 'cluster',
      id: c.id,
      engine: c.engine,
      engineVersion: c.engineVersion,
      instanceClasses: [...new Set(members.map((m) => m.instanceClass))],
      multiAz: c.multiAz,
      storageEncrypted: c.storageEncrypted,
      publiclyAccessible: members.some((m) => m.publiclyAccessible),
      storageType: members[0]?.storageType ?? 'aurora',
      // An Aurora cluster's readers are its members other than the writer.
      readReplicaIds: c.members.filter((m) => !m.writer).map((m) => m.instanceId),
      tags: c.tags,
      dimension: 'DBClusterIdentifier',
    };
  });
  return [...standalone, ...grouped];
}

function specsFor(db: FleetDatabase): MetricSpec[] {
  return METRICS.map((metricName) => ({
    namespace: 'AWS/RDS',
    metricName,
    dimensions: [{ name: db.dimension, value: db.id }],
    stat: 'Average',
  }));
}

function measure(series: SeriesData[]): Measurements | undefined {
  const [cpu, connections, read, write, memory] = series.map(summarize);
  if (!cpu && !connections && !read && !write && !memory) return undefined;
  return {
    cpuAverage: cpu?.average,
    cpuPeakHour: cpu?.maximum,
    connectionsAverage: connections?.average,
    readIopsAverage: read?.average,
    writeIopsAverage: write?.average,
    freeableMemoryMin: memory?.minimum,
  };
}

/**
 * Reads the inventory, then every database's last 7 days in as few GetMetricData calls as the
 * 500-series limit allows (one for fleets up to 100 databases), and derives findings.
 */
export async function reviewFleet(deps: FleetDeps, signal?: AbortSignal): Promise<FleetReview> {
  const options = signal ? { signal } : {};
  const [instances, clusters] = await Promise.all([
    deps.fleet.describeInstances(options),
    deps.fleet.describeClusters(options),
  ]);
  const databases = toDatabases(instances, clusters);
  const hour = PERIOD_SECONDS * 1000;
  // Whole hours let CloudWatch answer from complete periods.
  const end = new Date(Math.floor(deps.now().getTime() / hour) * hour);
  const start = new Date(end.getTime() - REVIEW_DAYS * 24 * hour);
  const specs = databases.flatMap(specsFor);
  const data: SeriesData[] = [];
  let metricCalls = 0;
  for (let i = 0; i < specs.length; i += MAX_SERIES_PER_CALL) {
    const series = specs.slice(i, i + MAX_SERIES_PER_CALL);
    data.push(...(await deps.metrics.getMetricData({ series, periodSeconds: PERIOD_SECONDS, start, end }, options)));
    metricCalls++;
  }
  const reviewed = databases.map((db, i) => {
    const measured = measure(data.slice(i * METRICS.length, (i + 1) * METRICS.length));
    return { db, measured, findings: findingsFor(db, measured, REVIEW_DAYS, deps.now()) };
  });
  return { region: deps.region, days: REVIEW_DAYS, databases: reviewed, metricCalls };
}
