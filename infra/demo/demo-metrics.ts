import type { MetricDataRequest, MetricIdentity, MetricsPort, SeriesData } from '../../handlers/ports.ts';

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
  /** Values are rates per minute: Sum grows with the period. */
  perMinute?: boolean;
  max?: number;
}

interface DemoMetric {
  namespace: string;
  metricName: string;
  dimension: string;
  resources: Record<string, Shape>;
}

const GiB = 1024 ** 3;

export const DEMO_METRICS: DemoMetric[] = [
  {
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimension: 'InstanceId',
    resources: {
      'i-0abc1234def567890': { base: 38, daily: 18, noise: 6, spike: 35, max: 100 },
      'i-0abd1234def567890': { base: 34, daily: 16, noise: 6, spike: 30, max: 100 },
      'i-0f7e3c2b1a0987654': { base: 12, daily: 4, noise: 3, max: 100 },
    },
  },
  ...rds(),
  ...lambda(),
  ...alb(),
];

function rds(): DemoMetric[] {
  const m = (metricName: string, orders: Shape, users: Shape): DemoMetric => ({
    namespace: 'AWS/RDS',
    metricName,
    dimension: 'DBInstanceIdentifier',
    resources: { 'orders-db': orders, 'users-db': users },
  });
  return [
    m(
      'CPUUtilization',
      { base: 42, daily: 15, noise: 4, spike: 48, max: 100 },
      { base: 18, daily: 6, noise: 3, max: 100 },
    ),
    m('DatabaseConnections', { base: 120, daily: 40, noise: 8, spike: 380 }, { base: 45, daily: 12, noise: 4 }),
    m('ReadIOPS', { base: 2400, daily: 900, noise: 150, spike: 5200 }, { base: 600, daily: 200, noise: 60 }),
    m('WriteIOPS', { base: 310, daily: 120, noise: 30, spike: 90 }, { base: 150, daily: 50, noise: 20 }),
    m(
      'FreeableMemory',
      { base: 6.5 * GiB, daily: -0.8 * GiB, noise: 0.1 * GiB, spike: -3.1 * GiB },
      { base: 11 * GiB, daily: -0.5 * GiB, noise: 0.1 * GiB },
    ),
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
    m('TargetResponseTime', { base: 0.12, daily: 0.04, noise: 0.02, spike: 1.6 }),
  ];
}

/** A stable pseudo-random number in [0, 1) for a key (FNV-1a, then a xorshift mix). */
function noiseFor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 2 ** 32;
}

const HOUR = 3600_000;
const INCIDENT_LENGTH = 25 * 60_000;

/** The incident starts 1 h 50 min before the current hour, so the default 3-hour view shows it. */
export function incidentStart(now: Date): number {
  return Math.floor(now.getTime() / HOUR) * HOUR - 2 * HOUR + 10 * 60_000;
}

function statValue(shape: Shape, key: string, t: number, periodMs: number, stat: string, incident: number): number {
  const mid = t + periodMs / 2;
  const hourOfDay = (mid / HOUR) % 24;
  const daily = shape.base + shape.daily * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  const noise = (noiseFor(`${key}|${t}|${periodMs}`) - 0.5) * 2 * shape.noise;
  const overlap = Math.max(0, Math.min(t + periodMs, incident + INCIDENT_LENGTH) - Math.max(t, incident)) / periodMs;
  const spike = (shape.spike ?? 0) * overlap;
  const clamp = (v: number) => Math.min(shape.max ?? Number.POSITIVE_INFINITY, Math.max(0, v));
  const average = clamp(daily + noise + spike);
  const peak = clamp(daily * 1.2 + Math.abs(noise) + (overlap > 0 ? (shape.spike ?? 0) : 0));
  const low = clamp(daily * 0.8 - Math.abs(noise));
  const minutes = periodMs / 60_000;
  switch (stat) {
    case 'Maximum':
      return peak;
    case 'Minimum':
      return low;
    case 'Sum':
      return shape.perMinute ? average * minutes : average * Math.max(1, minutes);
    case 'SampleCount':
      return Math.max(1, Math.round(minutes));
    default: {
      const percentile = /^p(\d+(?:\.\d+)?)$/.exec(stat);
      if (percentile) return clamp(average + (peak - average) * (Number(percentile[1]) / 100) ** 2);
      return average;
    }
  }
}

export interface DemoMetricsOptions {
  now?: () => Date;
}

/** The demo {@link MetricsPort}: instant, offline, deterministic for a given clock. */
export function createDemoMetrics(options: DemoMetricsOptions = {}): MetricsPort {
  const now = options.now ?? (() => new Date());
  return {
    async getMetricData(request: MetricDataRequest): Promise<SeriesData[]> {
      const periodMs = request.periodSeconds * 1000;
      const limit = Math.min(request.end.getTime(), now().getTime());
      const incident = incidentStart(now());
      return request.series.map((spec) => {
        const metric = DEMO_METRICS.find((m) => m.namespace === spec.namespace && m.metricName === spec.metricName);
        const only = spec.dimensions.length === 1 ? spec.dimensions[0] : undefined;
        const shape = metric && only?.name === metric.dimension ? metric.resources[only.value] : undefined;
        const series: SeriesData = { timestamps: [], values: [], status: 'Complete', messages: [] };
        if (!shape) return series;
        const key = `${spec.namespace}|${spec.metricName}|${only?.value}`;
        for (let t = request.start.getTime(); t + periodMs <= limit; t += periodMs) {
          series.timestamps.push(new Date(t));
          series.values.push(statValue(shape, key, t, periodMs, spec.stat, incident));
        }
        return series;
      });
    },
    async listMetrics(query): Promise<MetricIdentity[]> {
      return DEMO_METRICS.filter((m) => m.namespace === query.namespace && m.metricName === query.metricName).flatMap(
        (m) =>
          Object.keys(m.resources).map((value) => ({
            namespace: m.namespace,
            metricName: m.metricName,
            dimensions: [{ name: m.dimension, value }],
          })),
      );
    },
  };
}
