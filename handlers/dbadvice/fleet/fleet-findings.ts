import type { DbInstanceInfo } from '../../ports.ts';
import { PRICING_PAGE, type SupportStatus, supportEndFor, supportStatus } from '../engine-support.ts';
import { count } from '../plural.ts';

/** A database as reviewed: a standalone instance, or a cluster with its members' classes. */
export interface FleetDatabase
  extends Pick<
    DbInstanceInfo,
    | 'id'
    | 'engine'
    | 'engineVersion'
    | 'multiAz'
    | 'storageEncrypted'
    | 'publiclyAccessible'
    | 'storageType'
    | 'readReplicaIds'
    | 'tags'
  > {
  kind: 'instance' | 'cluster';
  instanceClasses: string[];
  replicaOf?: string;
  /** The CloudWatch dimension its AWS/RDS metrics are published under. */
  dimension: 'DBInstanceIdentifier' | 'DBClusterIdentifier';
}

/** Averages over the review window (hourly datapoints); undefined where CloudWatch had none. */
export interface Measurements {
  cpuAverage: number | undefined;
  cpuPeakHour: number | undefined;
  connectionsAverage: number | undefined;
  readIopsAverage: number | undefined;
  writeIopsAverage: number | undefined;
  freeableMemoryMin: number | undefined;
}

export type FindingId =
  | 'read-heavy'
  | 'aurora-candidate'
  | 'no-multi-az'
  | 'unencrypted'
  | 'public'
  | 'old-generation'
  | 'gp2'
  | 'no-metrics'
  | 'extended-support'
  | 'standard-support-ending';

export interface Finding {
  id: FindingId;
  severity: 'high' | 'medium' | 'low';
  /** What was measured or read from the configuration, with numbers. */
  measured: string;
  advice: string;
  /** The knowledge-base note behind the advice. */
  note?: string;
  /** AWS pages that state the facts (dates, prices). */
  sources?: string[];
}

/** Reads at least this many times writes (and busy enough to matter) count as read-heavy. */
const READ_HEAVY_RATIO = 5;
const READ_HEAVY_MIN_IOPS = 100;
/** Previous-generation RDS instance families (AWS lists them apart from current generations). */
const OLD_GENERATION = /^db\.(t1|t2|m1|m2|m3|m4|r3|r4)\./;

const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** `prod`, `production`, `prod1`, `prod-2`: a whole word, so never `product-catalog` or `preprod`. */
const PRODUCTION_WORD = /(^|[-_])prod(uction)?-?\d*([-_]|$)/i;

/** Production by tag (`env`, `environment`, `stage` = prod, production, prod1…) or by name. */
export function isProduction(db: FleetDatabase): boolean {
  for (const [key, value] of Object.entries(db.tags)) {
    if (/^(env|environment|stage)$/i.test(key) && PRODUCTION_WORD.test(value)) return true;
  }
  return PRODUCTION_WORD.test(db.id);
}

function isRdsMysqlOrPostgres(db: FleetDatabase): boolean {
  return db.engine === 'mysql' || db.engine === 'postgres';
}

/** Findings this far ahead of an end of standard support give time to plan the upgrade. */
const SUPPORT_WARNING_DAYS = 180;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A database past (or near) its engine's end of standard support: the date, the charge, the way out. */
function supportFinding(db: FleetDatabase, status: SupportStatus): Finding {
  const { end } = status;
  const sources = [end.source, PRICING_PAGE[end.engine]];
  if (!status.past) {
    return {
      id: 'standard-support-ending',
      severity: 'low',
      measured: `${end.label} (${db.engineVersion}): RDS standard support ends on ${end.endOfStandardSupport}, in ${count(status.daysLeft, 'day')}`,
      advice: `Upgrade to ${end.upgradeTo} before then, or RDS enrols it in paid Extended Support (about $0.10 per vCPU-hour in US East; check your Region's price).`,
      sources,
    };
  }
  const since = isoDay(new Date(Date.parse(`${end.endOfStandardSupport}T00:00:00Z`) + 24 * 3600 * 1000));
  const rate = (status.rate ?? 0).toFixed(2);
  const schedule = end.yearThreeRate
    ? 'about $0.10 per vCPU-hour in years 1–2 and $0.20 in year 3'
    : 'about $0.10 per vCPU-hour for as long as it runs (Aurora MySQL has no year-3 rate)';
  return {
    id: 'extended-support',
    severity: 'high',
    measured: `${end.label} (${db.engineVersion}): RDS standard support ended on ${end.endOfStandardSupport}; in paid RDS Extended Support since ${since} (year ${status.year ?? 1}, about $${rate} per vCPU-hour)`,
    advice: `Extended Support is charged per vCPU-hour on top of the instance price, standbys and replicas included: ${schedule} in US East (N. Virginia); check your Region's price. Upgrade to ${end.upgradeTo} to stop the charge.`,
    sources,
  };
}

export function findingsFor(
  db: FleetDatabase,
  measured: Measurements | undefined,
  days: number,
  now: Date = new Date(),
): Finding[] {
  const findings: Finding[] = [];
  const end = supportEndFor(db.engine, db.engineVersion);
  const status = end && supportStatus(end, now);
  if (status && (status.past || status.daysLeft <= SUPPORT_WARNING_DAYS)) findings.push(supportFinding(db, status));
  const read = measured?.readIopsAverage;
  const write = measured?.writeIopsAverage;
  if (!measured) {
    findings.push({
      id: 'no-metrics',
      severity: 'low',
      measured: `CloudWatch returned no AWS/RDS datapoints for ${db.id} over ${count(days, 'day')}`,
      advice: 'Check that the database is running and that the bot may read its metrics; load findings are skipped.',
    });
  } else if (
    read !== undefined &&
    write !== undefined &&
    read >= READ_HEAVY_MIN_IOPS &&
    read >= READ_HEAVY_RATIO * Math.max(write, 1) &&
    !db.replicaOf
  ) {
    const replicas = db.readReplicaIds.length;
    const cluster = db.kind === 'cluster';
    // Metrics under the DBClusterIdentifier dimension are CloudWatch's average over the members.
    const scope = cluster ? ', CloudWatch cluster-level average across its instances' : '';
    const readers = cluster ? count(replicas, 'Aurora reader') : count(replicas, 'read replica');
    findings.push({
      id: 'read-heavy',
      severity: 'medium',
      measured: `reads averaged ${n(read)} IOPS vs ${n(write)} writes over ${count(days, 'day')} (${(read / Math.max(write, 1)).toFixed(1)}×${scope})${replicas ? `, with ${readers} already` : ''}`,
      advice:
        'Serve reads from read replicas (Aurora shares storage with up to 15) or cache hot reads in ElastiCache, as Duolingo does for common lookups.',
      note: 'knowledge/notes/elasticache.md',
    });
  }
  if (isRdsMysqlOrPostgres(db) && !db.replicaOf) {
    const target = db.engine === 'mysql' ? 'Aurora MySQL' : 'Aurora PostgreSQL';
    const cpu = measured?.cpuAverage;
    const peak = measured?.cpuPeakHour;
    findings.push({
      id: 'aurora-candidate',
      severity: 'low',
      measured: `RDS for ${db.engine === 'mysql' ? 'MySQL' : 'PostgreSQL'} ${db.engineVersion}${cpu !== undefined && peak !== undefined ? `, CPU averaged ${cpu.toFixed(0)}% (busiest hour ${peak.toFixed(0)}%)` : ''}`,
      advice: `${target} would keep the engine and add storage copied across 3 AZs that heals itself, up to 15 replicas on shared storage and failover under 30 s (RDS Multi-AZ: 60–120 s).`,
      note: 'knowledge/notes/aurora.md',
    });
  }
  if (!db.multiAz && isProduction(db)) {
    findings.push({
      id: 'no-multi-az',
      severity: 'high',
      measured: 'production database (by tag or name) with MultiAZ = false',
      advice: 'Turn on Multi-AZ so an AZ failure fails over to a standby instead of waiting for a restore.',
      note: 'knowledge/notes/rds.md',
    });
  }
  if (!db.storageEncrypted) {
    findings.push({
      id: 'unencrypted',
      severity: 'high',
      measured: 'StorageEncrypted = false',
      advice: 'Encryption cannot be switched on in place: restore an encrypted copy of a snapshot and cut over.',
    });
  }
  if (db.publiclyAccessible) {
    findings.push({
      id: 'public',
      severity: 'high',
      measured: 'PubliclyAccessible = true',
      advice: 'Make it private and reach it through the VPC (a bastion, SSM port forwarding or VPN).',
    });
  }
  const old = db.instanceClasses.filter((c) => OLD_GENERATION.test(c));
  if (old.length > 0) {
    findings.push({
      id: 'old-generation',
      severity: 'medium',
      measured: `instance class ${old.join(', ')} is a previous generation`,
      advice: 'Move to a current generation (e.g. m7g/r7g/t4g Graviton) for more performance per dollar.',
    });
  }
  if (db.storageType === 'gp2') {
    findings.push({
      id: 'gp2',
      severity: 'low',
      measured: 'storage type gp2',
      advice: 'gp3 gives a 3,000 IOPS baseline whatever the volume size, and costs less per GB.',
    });
  }
  return findings;
}
