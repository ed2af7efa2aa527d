/**
 * When RDS and Aurora major versions left standard support, and what RDS Extended Support then
 * costs. Each date is AWS's own, with the page that states it. AWS enrols a database in Extended
 * Support on that date and charges for it from the day after (the first version of each engine
 * started billing a month later), for up to three years.
 */

export interface SupportEnd {
  /** `Engine` as DescribeDBInstances/DescribeDBClusters return it. */
  engine: 'mysql' | 'postgres' | 'aurora-mysql' | 'aurora-postgresql';
  /** The major version as `majorVersion` reads it from `EngineVersion`. */
  major: string;
  /** How the answer names it: `RDS for MySQL 5.7`. */
  label: string;
  /** The last day of standard support (UTC), ISO date. */
  endOfStandardSupport: string;
  /** Where AWS states the date. */
  source: string;
  /** What to upgrade to. */
  upgradeTo: string;
  /** Aurora MySQL is billed at the year-1 rate for all of Extended Support; the others double in year 3. */
  yearThreeRate: boolean;
}

const RDS_ES = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html';
const RDS_ES_CHARGES = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html';
const AURORA_ES_CHARGES = 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/extended-support-charges.html';
const AURORA_MYSQL_2 =
  'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.Updates.20Updates.html';
// The major-version table with each version's RDS standard and Extended Support dates (the
// extended-support page points there for them); AWS's MySQL 9.7 LTS post says the same of 8.0.
const MYSQL_8_0 = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html';

export const SUPPORT_ENDS: readonly SupportEnd[] = [
  // "the RDS end of standard support date for RDS for MySQL version 5.7 is February 29, 2024"
  {
    engine: 'mysql',
    major: '5.7',
    label: 'RDS for MySQL 5.7',
    endOfStandardSupport: '2024-02-29',
    source: RDS_ES,
    upgradeTo: 'MySQL 8.4',
    yearThreeRate: true,
  },
  // "MySQL 8.0 entered RDS Extended Support on August 1, 2026"
  {
    engine: 'mysql',
    major: '8.0',
    label: 'RDS for MySQL 8.0',
    endOfStandardSupport: '2026-07-31',
    source: MYSQL_8_0,
    upgradeTo: 'MySQL 8.4',
    yearThreeRate: true,
  },
  // "RDS for PostgreSQL 11 enters Extended Support on March 1, 2024"
  {
    engine: 'postgres',
    major: '11',
    label: 'RDS for PostgreSQL 11',
    endOfStandardSupport: '2024-02-29',
    source: RDS_ES_CHARGES,
    upgradeTo: 'a current PostgreSQL major version',
    yearThreeRate: true,
  },
  // "RDS for PostgreSQL 12 … the RDS end of standard support date of February 28, 2025"
  {
    engine: 'postgres',
    major: '12',
    label: 'RDS for PostgreSQL 12',
    endOfStandardSupport: '2025-02-28',
    source: RDS_ES_CHARGES,
    upgradeTo: 'a current PostgreSQL major version',
    yearThreeRate: true,
  },
  // "Aurora MySQL version 2 reached the end of standard support on October 31, 2024"
  {
    engine: 'aurora-mysql',
    major: '5.7',
    label: 'Aurora MySQL version 2 (MySQL 5.7)',
    endOfStandardSupport: '2024-10-31',
    source: AURORA_MYSQL_2,
    upgradeTo: 'Aurora MySQL version 3',
    yearThreeRate: false,
  },
  // "Aurora PostgreSQL 11 enters Extended Support on March 1, 2024"
  {
    engine: 'aurora-postgresql',
    major: '11',
    label: 'Aurora PostgreSQL 11',
    endOfStandardSupport: '2024-02-29',
    source: AURORA_ES_CHARGES,
    upgradeTo: 'a current Aurora PostgreSQL major version',
    yearThreeRate: true,
  },
  // "Aurora PostgreSQL 12 … past the RDS end of standard support date of February 28, 2025"
  {
    engine: 'aurora-postgresql',
    major: '12',
    label: 'Aurora PostgreSQL 12',
    endOfStandardSupport: '2025-02-28',
    source: AURORA_ES_CHARGES,
    upgradeTo: 'a current Aurora PostgreSQL major version',
    yearThreeRate: true,
  },
];

/**
 * The US East (N. Virginia) rates per vCPU-hour for provisioned instances, as AWS's pricing pages
 * listed them in 2026 (read through copies of those pages; rates differ by Region, so the finding
 * says to check). Multi-AZ standbys and replicas are charged too.
 */
export const EXTENDED_SUPPORT_RATE = { yearOneAndTwo: 0.1, yearThree: 0.2 } as const;

export const PRICING_PAGE: Record<SupportEnd['engine'], string> = {
  mysql: 'https://aws.amazon.com/rds/mysql/pricing/',
  postgres: 'https://aws.amazon.com/rds/postgresql/pricing/',
  'aurora-mysql': 'https://aws.amazon.com/rds/aurora/pricing/',
  'aurora-postgresql': 'https://aws.amazon.com/rds/aurora/pricing/',
};

/**
 * The major version in an `EngineVersion`: `5.7.44` and `8.0.35` for MySQL, `11.22` and `16.3`
 * for PostgreSQL, `5.7.mysql_aurora.2.11.2` and `8.0.mysql_aurora.3.05.2` for Aurora MySQL.
 */
export function majorVersion(engine: string, engineVersion: string): string | undefined {
  const mysqlish = engine === 'mysql' || engine === 'aurora-mysql' || engine === 'mariadb';
  const match = (mysqlish ? /^(\d+\.\d+)/ : /^(\d+)/).exec(engineVersion.trim());
  return match?.[1];
}

export function supportEndFor(engine: string, engineVersion: string): SupportEnd | undefined {
  const major = majorVersion(engine, engineVersion);
  return SUPPORT_ENDS.find((s) => s.engine === engine && s.major === major);
}

export interface SupportStatus {
  end: SupportEnd;
  /** True once the end date has passed: the database is in (paid) Extended Support. */
  past: boolean;
  /** Days until the end (negative once past). */
  daysLeft: number;
  /** Which Extended Support year it is in (1–3) once past. */
  year: number | undefined;
  /** The rate per vCPU-hour that year, US East. */
  rate: number | undefined;
}

const DAY = 24 * 3600 * 1000;

/** Where a database stands against its engine's end of standard support on `now`. */
export function supportStatus(end: SupportEnd, now: Date): SupportStatus {
  const last = Date.parse(`${end.endOfStandardSupport}T23:59:59Z`);
  const daysLeft = Math.ceil((last - now.getTime()) / DAY);
  if (daysLeft > 0) return { end, past: false, daysLeft, year: undefined, rate: undefined };
  const start = new Date(last + 1000);
  const months =
    (now.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - start.getUTCMonth()) -
    (now.getUTCDate() < start.getUTCDate() ? 1 : 0);
  const year = Math.min(3, Math.floor(months / 12) + 1);
  const rate = year >= 3 && end.yearThreeRate ? EXTENDED_SUPPORT_RATE.yearThree : EXTENDED_SUPPORT_RATE.yearOneAndTwo;
  return { end, past: true, daysLeft, year, rate };
}
