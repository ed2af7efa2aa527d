import { unitOf } from '../../handlers/cw/metrics/catalog.ts';
import { isStandardResolution } from '../../handlers/cw/metrics/parse-metrics.ts';
import { FUNCTION_STATS, windowValue } from '../../handlers/cw/top/insights-query.ts';
import type {
  MetricDataRequest,
  MetricIdentity,
  MetricsInsightsRequest,
  MetricsInsightsResult,
  MetricsPort,
  SeriesData,
} from '../../handlers/ports.ts';
import { DEMO_ACCOUNTS, DEMO_HOME_ACCOUNT, DEMO_HOME_REGION } from './demo-accounts.ts';

/**
 * Deterministic synthetic CloudWatch data for local runs: a daily rhythm, noise, and one incident
 * about two hours before the current hour (orders-db CPU and connections, checkout-api errors,
 * the load balancer's 5xx). Same inputs, same numbers.
 */

interface Shape {
  base: number;
  /** Daily swing around `base`, peaking mid-afternoon UTC. */
  daily: number;
  noise: number;
  /** Added during the incident. */
  spike?: number;
  /**
   * The incident minute by minute, instead of `spike`: what the metric read in each minute from the
   * incident's start, whatever the hour (a saturated CPU does not follow the daily rhythm). The demo
   * alarms are evaluated on this series, so their reasons quote these numbers.
   */
  incident?: readonly number[];
  /** Values are rates per minute: Sum grows with the period. */
  perMinute?: boolean;
  max?: number;
}

export interface DemoMetric {
  namespace: string;
  metricName: string;
  dimension: string;
  resources: Record<string, Shape>;
  /**
   * Whole events or things (errors, requests, connections): every Sum, Minimum, Maximum, SampleCount
   * and percentile is a whole number, as CloudWatch reports them; only an Average can have a fraction.
   * Defaults to the catalog's unit being `Count`.
   */
  whole?: boolean;
}

/**
 * orders-db's CPU in each minute of the 25-minute incident: climbing, then pinned at 94.5% for ten
 * minutes, so the peak reads 94.5% at every period that divides ten minutes (1, 2, 5, 10 min) and
 * `orders-db-cpu-high` (Average over 5 min > 80% for 3 of 3) fires 15 minutes in with 90.78%,
 * 93.36%, 94.5%, then resolves once the incident is over.
 */
const ORDERS_DB_INCIDENT_CPU = [
  86.4, 89.9, 91.7, 92.8, 93.1, 92.6, 94.0, 93.5, 92.9, 93.8, 94.5, 94.5, 94.5, 94.5, 94.5, 94.5, 94.5, 94.5, 94.5,
  94.5, 91.9, 90.7, 89.8, 88.1, 86.9,
] as const;

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** The demo's EC2 instances: two web servers in the incident, one quiet batch host. */
const EC2 = ['i-0abc1234def567890', 'i-0abd1234def567890', 'i-0f7e3c2b1a0987654'] as const;

function ec2(metricName: string, shapes: readonly [Shape, Shape, Shape]): DemoMetric {
  return {
    namespace: 'AWS/EC2',
    metricName,
    dimension: 'InstanceId',
    resources: Object.fromEntries(EC2.map((id, i) => [id, shapes[i] ?? shapes[0]])),
  };
}

export const DEMO_METRICS: DemoMetric[] = [
  ec2('CPUUtilization', [
    { base: 38, daily: 18, noise: 6, spike: 35, max: 100 },
    { base: 34, daily: 16, noise: 6, spike: 30, max: 100 },
    { base: 12, daily: 4, noise: 3, max: 100 },
  ]),
  // Bytes per minute (detailed monitoring); the web servers take the incident's retry storm.
  ec2('NetworkIn', [
    { base: 42 * MiB, daily: 20 * MiB, noise: 4 * MiB, spike: 30 * MiB, perMinute: true },
    { base: 40 * MiB, daily: 19 * MiB, noise: 4 * MiB, spike: 28 * MiB, perMinute: true },
    { base: 6 * MiB, daily: 2 * MiB, noise: 1 * MiB, perMinute: true },
  ]),
  ec2('NetworkOut', [
    { base: 95 * MiB, daily: 45 * MiB, noise: 8 * MiB, spike: -40 * MiB, perMinute: true },
    { base: 90 * MiB, daily: 42 * MiB, noise: 8 * MiB, spike: -38 * MiB, perMinute: true },
    { base: 3 * MiB, daily: 1 * MiB, noise: 0.5 * MiB, perMinute: true },
  ]),
  // 0 while the checks pass: healthy instances, as most are.
  ec2('StatusCheckFailed', [
    { base: 0, daily: 0, noise: 0, max: 1 },
    { base: 0, daily: 0, noise: 0, max: 1 },
    { base: 0, daily: 0, noise: 0, max: 1 },
  ]),
  ...rds(),
  ...lambda(),
  ...alb(),
  // The README's custom-metric example (`/cw metrics MyApp OrdersPlaced Stage=prod --stat Sum`).
  {
    namespace: 'MyApp',
    metricName: 'OrdersPlaced',
    dimension: 'Stage',
    resources: {
      prod: { base: 42, daily: 25, noise: 6, spike: -30, perMinute: true },
      staging: { base: 0.6, daily: 0.3, noise: 0.4, perMinute: true },
    },
    whole: true,
  },
];

/**
 * The demo fleet's databases (infra/demo/demo-fleet.ts), each with metrics: the standalone instances
 * and the Aurora cluster's members by DBInstanceIdentifier, and the cluster by DBClusterIdentifier
 * (CloudWatch's cluster-level series, which the fleet review reads).
 */
function rds(): DemoMetric[] {
  type Db = 'orders-db' | 'users-db' | 'reporting-db' | 'billing-1' | 'billing-2' | 'billing-cluster';
  const m = (metricName: string, shapes: Partial<Record<Db, Shape>>): DemoMetric[] => {
    const { 'billing-cluster': cluster, ...instances } = shapes;
    const byInstance: DemoMetric = {
      namespace: 'AWS/RDS',
      metricName,
      dimension: 'DBInstanceIdentifier',
      resources: instances as Record<string, Shape>,
    };
    if (!cluster) return [byInstance];
    return [
      byInstance,
      { namespace: 'AWS/RDS', metricName, dimension: 'DBClusterIdentifier', resources: { 'billing-cluster': cluster } },
    ];
  };
  return [
    ...m('CPUUtilization', {
      'orders-db': { base: 42, daily: 15, noise: 4, incident: ORDERS_DB_INCIDENT_CPU, max: 100 },
      'users-db': { base: 18, daily: 6, noise: 3, max: 100 },
      'reporting-db': { base: 9, daily: 3, noise: 2, max: 100 },
      'billing-1': { base: 31, daily: 10, noise: 3, max: 100 },
      'billing-2': { base: 22, daily: 8, noise: 3, max: 100 },
      'billing-cluster': { base: 26.5, daily: 9, noise: 2, max: 100 },
    }),
    ...m('DatabaseConnections', {
      'orders-db': { base: 120, daily: 40, noise: 8, spike: 380 },
      'users-db': { base: 45, daily: 12, noise: 4 },
      'reporting-db': { base: 6, daily: 3, noise: 2 },
      'billing-1': { base: 52, daily: 15, noise: 4 },
      'billing-2': { base: 38, daily: 10, noise: 4 },
      'billing-cluster': { base: 90, daily: 25, noise: 6 },
    }),
    ...m('ReadIOPS', {
      'orders-db': { base: 2400, daily: 900, noise: 150, spike: 5200 },
      'users-db': { base: 600, daily: 200, noise: 60 },
      'reporting-db': { base: 40, daily: 25, noise: 8 },
      'billing-1': { base: 380, daily: 120, noise: 30 },
      'billing-2': { base: 520, daily: 160, noise: 40 },
      'billing-cluster': { base: 450, daily: 140, noise: 30 },
    }),
    ...m('WriteIOPS', {
      'orders-db': { base: 310, daily: 120, noise: 30, spike: 90 },
      'users-db': { base: 150, daily: 50, noise: 20 },
      'reporting-db': { base: 12, daily: 6, noise: 3 },
      'billing-1': { base: 260, daily: 80, noise: 20 },
      'billing-2': { base: 4, daily: 1, noise: 1 },
      'billing-cluster': { base: 132, daily: 40, noise: 10 },
    }),
    ...m('FreeableMemory', {
      'orders-db': { base: 6.5 * GiB, daily: -0.8 * GiB, noise: 0.1 * GiB, spike: -3.1 * GiB },
      'users-db': { base: 11 * GiB, daily: -0.5 * GiB, noise: 0.1 * GiB },
      'reporting-db': { base: 1.1 * GiB, daily: -0.2 * GiB, noise: 0.05 * GiB },
      'billing-1': { base: 5.2 * GiB, daily: -0.6 * GiB, noise: 0.1 * GiB },
      'billing-2': { base: 6.1 * GiB, daily: -0.4 * GiB, noise: 0.1 * GiB },
      'billing-cluster': { base: 5.6 * GiB, daily: -0.5 * GiB, noise: 0.1 * GiB },
    }),
    // Aurora publishes no FreeStorageSpace (its storage grows by itself), so the cluster's members have none.
    ...m('FreeStorageSpace', {
      'orders-db': { base: 38 * GiB, daily: -0.4 * GiB, noise: 0.05 * GiB, spike: -1.2 * GiB },
      'users-db': { base: 142 * GiB, daily: -0.2 * GiB, noise: 0.05 * GiB },
      'reporting-db': { base: 7.5 * GiB, daily: -0.1 * GiB, noise: 0.02 * GiB },
    }),
    // …it reports the cluster volume's size instead (VolumeBytesUsed, by DBClusterIdentifier), as the bot's own
    // hint for Aurora storage says.
    ...m('VolumeBytesUsed', { 'billing-cluster': { base: 212 * GiB, daily: 0.05 * GiB, noise: 0.01 * GiB } }),
  ];
}

function lambda(): DemoMetric[] {
  const m = (metricName: string, checkout: Shape, resizer: Shape): DemoMetric => ({
    namespace: 'AWS/Lambda',
    metricName,
    dimension: 'FunctionName',
    resources: { 'checkout-api': checkout, 'image-resizer': resizer },
  });
  return [
    m(
      'Invocations',
      { base: 900, daily: 500, noise: 60, perMinute: true },
      { base: 140, daily: 90, noise: 20, perMinute: true },
    ),
    m(
      'Errors',
      { base: 1.5, daily: 1, noise: 1, spike: 85, perMinute: true },
      { base: 0.2, daily: 0.1, noise: 0.3, perMinute: true },
    ),
    m('Duration', { base: 180, daily: 40, noise: 20, spike: 2400 }, { base: 950, daily: 120, noise: 80 }),
    // The incident's retries hit the reserved concurrency: throttles only then.
    m(
      'Throttles',
      { base: 0, daily: 0, noise: 0, spike: 24, perMinute: true },
      { base: 0, daily: 0, noise: 0, perMinute: true },
    ),
    m('ConcurrentExecutions', { base: 14, daily: 8, noise: 2, spike: 86, max: 100 }, { base: 5, daily: 3, noise: 1 }),
  ];
}

function alb(): DemoMetric[] {
  const m = (metricName: string, web: Shape): DemoMetric => ({
    namespace: 'AWS/ApplicationELB',
    metricName,
    dimension: 'LoadBalancer',
    resources: { 'app/public-web/50dc6c495c0c9188': web },
  });
  return [
    m('RequestCount', { base: 5200, daily: 2600, noise: 300, perMinute: true }),
    m('HTTPCode_ELB_5XX_Count', { base: 0.5, daily: 0.3, noise: 0.5, spike: 40, perMinute: true }),
    m('HTTPCode_Target_5XX_Count', { base: 2, daily: 1, noise: 1, spike: 160, perMinute: true }),
    m('HTTPCode_Target_4XX_Count', { base: 48, daily: 24, noise: 6, perMinute: true }),
    m('TargetResponseTime', { base: 0.12, daily: 0.04, noise: 0.02, spike: 1.6 }),
  ];
}

/** A stable seed for a series' key (FNV-1a). */
function seedFor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stable pseudo-random number in [0, 1) for a series' minute (a murmur-style integer mix). */
function noiseAt(seed: number, minute: number): number {
  let h = (seed ^ Math.imul(minute | 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

const MINUTE = 60_000;
const HOUR = 3600_000;
const INCIDENT_LENGTH = 25 * MINUTE;

/** The incident starts 1 h 50 min before the current hour, so the default 3-hour view shows it. */
export function incidentStart(now: Date): number {
  return Math.floor(now.getTime() / HOUR) * HOUR - 2 * HOUR + 10 * MINUTE;
}

/**
 * What the metric read in one minute (the one datapoint a standard-resolution metric has then):
 * the daily rhythm, that minute's noise, and the incident. Every statistic of every period is
 * worked out from these minutes, so a day's Average is the mean of its hours' and its Maximum the
 * largest of theirs, as CloudWatch's are.
 */
function minuteValue(shape: Shape, seed: number, minute: number, incident: number, whole: boolean): number {
  const t = minute * MINUTE;
  const hourOfDay = ((t + MINUTE / 2) / HOUR) % 24;
  const daily = shape.base + shape.daily * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  const noise = (noiseAt(seed, minute) - 0.5) * 2 * shape.noise;
  const during = t >= incident && t < incident + INCIDENT_LENGTH;
  const profiled = during && shape.incident ? shape.incident[Math.floor((t - incident) / MINUTE)] : undefined;
  const value = profiled ?? daily + noise + (during ? (shape.spike ?? 0) : 0);
  const clamped = Math.min(shape.max ?? Number.POSITIVE_INFINITY, Math.max(0, value));
  // Counted things come in whole numbers, minute by minute.
  return whole ? Math.round(clamped) : clamped;
}

/**
 * The datapoints CloudWatch would aggregate for the period starting at `t`: one per minute that has
 * begun before `limit` (the newest period counts only its elapsed part). A sub-minute period of a
 * high-resolution metric holds one datapoint: its share of the minute's count, or the minute's level.
 */
function periodSamples(
  shape: Shape,
  seed: number,
  t: number,
  periodMs: number,
  limit: number,
  incident: number,
  whole: boolean,
): number[] {
  if (periodMs < MINUTE) {
    const level = minuteValue(shape, seed, Math.floor(t / MINUTE), incident, false);
    const value = shape.perMinute ? (level * periodMs) / MINUTE : level;
    return [whole ? Math.round(value) : value];
  }
  const samples: number[] = [];
  const first = Math.ceil(t / MINUTE);
  for (let m = first; m * MINUTE < Math.min(t + periodMs, limit); m++) {
    samples.push(minuteValue(shape, seed, m, incident, whole));
  }
  return samples;
}

/**
 * A statistic over a period's datapoints, as CloudWatch defines it: Average, Minimum, Maximum, Sum,
 * SampleCount, and percentiles by nearest rank (p0 is the Minimum, p100 the Maximum, and pN never
 * falls as N grows).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */
export function statistic(samples: readonly number[], stat: string): number | undefined {
  if (samples.length === 0) return undefined;
  switch (stat) {
    case 'Maximum':
      return Math.max(...samples);
    case 'Minimum':
      return Math.min(...samples);
    case 'Sum':
      return samples.reduce((a, b) => a + b, 0);
    case 'SampleCount':
      return samples.length;
    default: {
      const percentile = /^p(\d+(?:\.\d+)?)$/.exec(stat);
      if (percentile) {
        const sorted = [...samples].sort((a, b) => a - b);
        const rank = Math.ceil((Number(percentile[1]) / 100) * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
      }
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    }
  }
}

/** Whether the metric counts whole things (see {@link DemoMetric.whole}). */
export function isWhole(metric: DemoMetric): boolean {
  return metric.whole ?? unitOf(metric.namespace, metric.metricName) === 'Count';
}

export interface DemoMetricsOptions {
  now?: () => Date;
  /** The Region these metrics are in; another Region than the demo's own has its own numbers. */
  region?: string;
}

/**
 * The seed of a series in a place: the demo's own Region and account keep the series' own seed (its
 * alarms and README samples are about them); any other Region or linked account gets its own.
 */
function placeSeed(key: string, region: string, accountId: string | undefined): number {
  const elsewhere = [
    region === DEMO_HOME_REGION ? '' : region,
    accountId === DEMO_HOME_ACCOUNT ? '' : (accountId ?? ''),
  ];
  return seedFor(elsewhere.some((p) => p !== '') ? `${elsewhere.join('|')}|${key}` : key);
}

/** The demo {@link MetricsPort}: instant, offline, deterministic for a given clock. */
export function createDemoMetrics(options: DemoMetricsOptions = {}): MetricsPort {
  const now = options.now ?? (() => new Date());
  const region = options.region ?? DEMO_HOME_REGION;
  const port: MetricsPort = {
    /**
     * As Metrics Insights answers `SELECT FUNC(m) FROM SCHEMA(ns, Dim) GROUP BY Dim ORDER BY FUNC()
     * DESC LIMIT n`: every demo resource publishing the metric with exactly that dimension, each
     * series at the function's statistic, ranked by the function over the whole window.
     */
    async queryInsights(request: MetricsInsightsRequest): Promise<MetricsInsightsResult> {
      const metric = DEMO_METRICS.find(
        (m) =>
          m.namespace === request.namespace && m.metricName === request.metricName && m.dimension === request.groupBy,
      );
      if (!metric) return { groups: [], status: 'Complete', messages: [] };
      const stat = FUNCTION_STATS[request.func];
      // Like a monitoring account: every linked account's fleet with `byAccount`, one with `accountId`.
      const accounts: (string | undefined)[] = request.byAccount
        ? [undefined, ...DEMO_ACCOUNTS.map((a) => a.id).filter((id) => id !== DEMO_HOME_ACCOUNT)]
        : [request.accountId];
      const keys = accounts.flatMap((accountId) =>
        Object.keys(metric.resources).map((label) => ({ label, accountId })),
      );
      const series = await port.getMetricData({
        series: keys.map(({ label, accountId }) => ({
          namespace: metric.namespace,
          metricName: metric.metricName,
          dimensions: [{ name: metric.dimension, value: label }],
          stat,
          ...(accountId ? { accountId } : {}),
        })),
        periodSeconds: request.periodSeconds,
        start: request.start,
        end: request.end,
      });
      const groups = keys
        .map(({ label, accountId }, i) => {
          const data = series[i] ?? { timestamps: [], values: [] };
          const account = request.byAccount ? { accountId: accountId ?? DEMO_HOME_ACCOUNT } : {};
          return { label, ...account, timestamps: data.timestamps, values: data.values };
        })
        .filter((g) => g.values.length > 0)
        .map((g) => ({ group: g, value: windowValue(g.values, request.func) ?? 0 }))
        .sort((a, b) => b.value - a.value)
        .slice(0, request.limit)
        .map((r) => r.group);
      return { groups, status: 'Complete', messages: [] };
    },
    async getMetricData(request: MetricDataRequest): Promise<SeriesData[]> {
      const periodMs = request.periodSeconds * 1000;
      const limit = Math.min(request.end.getTime(), now().getTime());
      const incident = incidentStart(now());
      return request.series.map((spec) => {
        const only = spec.dimensions.length === 1 ? spec.dimensions[0] : undefined;
        const metric = DEMO_METRICS.find(
          (m) =>
            m.namespace === spec.namespace &&
            m.metricName === spec.metricName &&
            only?.name === m.dimension &&
            Object.hasOwn(m.resources, only.value),
        );
        const shape = metric && only ? metric.resources[only.value] : undefined;
        const series: SeriesData = { timestamps: [], values: [], status: 'Complete', messages: [] };
        if (!metric || !shape) return series;
        // Like CloudWatch, no sub-minute datapoints for a standard-resolution (AWS/…) metric.
        if (request.periodSeconds < 60 && isStandardResolution(spec.namespace)) return series;
        const whole = isWhole(metric);
        const seed = placeSeed(`${spec.namespace}|${spec.metricName}|${only?.value}`, region, spec.accountId);
        // The newest period is still filling: CloudWatch returns it with what it has so far.
        for (let t = request.start.getTime(); t < limit; t += periodMs) {
          const value = statistic(periodSamples(shape, seed, t, periodMs, limit, incident, whole), spec.stat);
          if (value === undefined) continue;
          series.timestamps.push(new Date(t));
          series.values.push(value);
        }
        return series;
      });
    },
    async listMetrics(query): Promise<MetricIdentity[]> {
      // As ListMetrics: by name, and by dimension name and value (all of them must match).
      return DEMO_METRICS.filter(
        (m) => m.namespace === query.namespace && (query.metricName === undefined || m.metricName === query.metricName),
      )
        .flatMap((m) =>
          Object.keys(m.resources).map((value) => ({
            namespace: m.namespace,
            metricName: m.metricName,
            dimensions: [{ name: m.dimension, value }],
          })),
        )
        .filter((m) =>
          (query.dimensions ?? []).every((want) =>
            m.dimensions.some((d) => d.name === want.name && d.value === want.value),
          ),
        );
    },
  };
  return port;
}
