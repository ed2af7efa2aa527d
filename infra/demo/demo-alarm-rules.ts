import type { AlarmState, MetricsPort } from '../../handlers/ports.ts';
import { incidentStart } from './demo-metrics.ts';

/**
 * The demo's alarms as CloudWatch would hold them (metric, statistic, period, M out of N, threshold),
 * and their state worked out from the demo metrics the way CloudWatch evaluates them: at each period
 * boundary, the last N periods' datapoints against the threshold. So `/cw alarms`, `/alarm fire` and
 * `/cw metrics` quote the same numbers at the same times: the metrics are the one source of truth.
 */

export type Comparison =
  | 'GreaterThanThreshold'
  | 'GreaterThanOrEqualToThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export interface DemoMetricAlarm {
  name: string;
  description: string;
  namespace: string;
  metricName: string;
  dimension: { name: string; value: string };
  stat: string;
  periodSeconds: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparison: Comparison;
}

export interface DemoCompositeAlarm {
  name: string;
  description: string;
  /** The one child whose state the rule `ALARM(child)` follows. */
  child: string;
}

const GiB = 1024 ** 3;

export const DEMO_METRIC_ALARMS: readonly DemoMetricAlarm[] = [
  {
    name: 'orders-db-cpu-high',
    description: 'orders-db CPU above 80% for 15 minutes',
    namespace: 'AWS/RDS',
    metricName: 'CPUUtilization',
    dimension: { name: 'DBInstanceIdentifier', value: 'orders-db' },
    stat: 'Average',
    periodSeconds: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
  },
  {
    name: 'checkout-api-errors',
    description: 'checkout-api errors above 25 in 5 minutes',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimension: { name: 'FunctionName', value: 'checkout-api' },
    stat: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 25,
    comparison: 'GreaterThanThreshold',
  },
  {
    // A db.t2.medium (4 GiB) that has run with under 2 GiB free since its alarm was made.
    name: 'reporting-db-freeable-memory-low',
    description: 'reporting-db has less than 2 GiB of free memory',
    namespace: 'AWS/RDS',
    metricName: 'FreeableMemory',
    dimension: { name: 'DBInstanceIdentifier', value: 'reporting-db' },
    stat: 'Average',
    periodSeconds: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 2 * GiB,
    comparison: 'LessThanThreshold',
  },
  {
    name: 'image-resizer-duration-p99',
    description: 'image-resizer p99 duration above 750 ms',
    namespace: 'AWS/Lambda',
    metricName: 'Duration',
    dimension: { name: 'FunctionName', value: 'image-resizer' },
    stat: 'p99',
    periodSeconds: 300,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    threshold: 750,
    comparison: 'GreaterThanThreshold',
  },
  {
    // batch-2 was terminated before the demo's data begins; its alarm was left behind.
    name: 'batch-2-status-check',
    description: 'batch-2 failed a status check',
    namespace: 'AWS/EC2',
    metricName: 'StatusCheckFailed',
    dimension: { name: 'InstanceId', value: 'i-0d4c3b2a1f0e98765' },
    stat: 'Maximum',
    periodSeconds: 300,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    threshold: 1,
    comparison: 'GreaterThanOrEqualToThreshold',
  },
];

export const DEMO_COMPOSITE_ALARMS: readonly DemoCompositeAlarm[] = [
  { name: 'checkout-degraded', description: 'checkout is failing for customers', child: 'checkout-api-errors' },
];

/** How long before the incident the demo's alarms were created: every evaluation since is replayed. */
const CREATED_BEFORE_INCIDENT_MS = 24 * 3600_000;

/** When the demo alarm was created (on a period boundary): it has been evaluated every period since. */
export function demoAlarmCreatedAt(alarm: Pick<DemoMetricAlarm, 'periodSeconds'>, now: Date): Date {
  const periodMs = alarm.periodSeconds * 1000;
  return new Date(Math.floor((incidentStart(now) - CREATED_BEFORE_INCIDENT_MS) / periodMs) * periodMs);
}

export const demoAlarmArn = (name: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`;

export interface Datapoint {
  at: Date;
  value: number;
}

/** One state change, as CloudWatch records it: the new state, when, why, and the datapoints behind it. */
export interface Transition {
  state: AlarmState;
  at: Date;
  reason: string;
  reasonData: Record<string, unknown>;
  /** The datapoints the reason quotes, newest first (as CloudWatch lists them). */
  datapoints: Datapoint[];
  /** Every datapoint of the evaluation window, oldest first. */
  window: Datapoint[];
}

const PHRASES: Record<Comparison, string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

export function breaches(alarm: Pick<DemoMetricAlarm, 'comparison' | 'threshold'>, value: number): boolean {
  switch (alarm.comparison) {
    case 'GreaterThanThreshold':
      return value > alarm.threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= alarm.threshold;
    case 'LessThanThreshold':
      return value < alarm.threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= alarm.threshold;
  }
}

/** A number as CloudWatch (Java) writes it: `80.0`, `93.36`, `2.147483648E9`. */
export function javaNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e7 || (abs > 0 && abs < 1e-3)) {
    const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** `05/12/26 10:10:00`: the datapoint times in CloudWatch's reasons (UTC). */
function reasonTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}

/** CloudWatch's own timestamp format: an offset without a colon. */
export const cloudWatchTime = (date: Date) => date.toISOString().replace('Z', '+0000');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(alarm: DemoMetricAlarm, state: AlarmState, previous: AlarmState | undefined, window: Datapoint[]) {
  const { evaluationPeriods: n, datapointsToAlarm: m } = alarm;
  const threshold = javaNumber(alarm.threshold);
  if (state === 'INSUFFICIENT_DATA') {
    return { reason: `Insufficient Data: ${plural(n, 'datapoint')} ${n === 1 ? 'was' : 'were'} unknown.`, quoted: [] };
  }
  const crossing = state === 'ALARM';
  const quoted = window.filter((d) => breaches(alarm, d.value) === crossing).reverse();
  const list = quoted.map((d) => `${javaNumber(d.value)} (${reasonTime(d.at)})`).join(', ');
  const verb = quoted.length === 1 ? 'was' : 'were';
  const needed = crossing ? m : n - m + 1;
  const from = previous ?? 'INSUFFICIENT_DATA';
  const reason =
    `Threshold Crossed: ${quoted.length} out of the last ${n} datapoints [${list}] ` +
    `${verb} ${crossing ? '' : 'not '}${PHRASES[alarm.comparison]} the threshold (${threshold}) ` +
    `(minimum ${plural(needed, 'datapoint')} for ${from} -> ${state} transition).`;
  return { reason, quoted };
}

const STANDARD_STATS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'];

/**
 * Every state change of a demo metric alarm from its creation to `now`, oldest first, evaluated on
 * the demo metrics: at each period boundary T, the datapoints of the N periods before T; none →
 * INSUFFICIENT_DATA, at least M crossing → ALARM, else OK (missing data treated as missing).
 */
export async function demoAlarmHistory(alarm: DemoMetricAlarm, metrics: MetricsPort, now: Date): Promise<Transition[]> {
  const periodMs = alarm.periodSeconds * 1000;
  const spanMs = alarm.evaluationPeriods * periodMs;
  const created = demoAlarmCreatedAt(alarm, now).getTime();
  const [series] = await metrics.getMetricData({
    series: [
      {
        namespace: alarm.namespace,
        metricName: alarm.metricName,
        dimensions: [alarm.dimension],
        stat: alarm.stat,
      },
    ],
    periodSeconds: alarm.periodSeconds,
    start: new Date(created - spanMs),
    end: now,
  });
  const points: Datapoint[] = (series?.timestamps ?? []).flatMap((at, i) => {
    const value = series?.values[i];
    return value === undefined ? [] : [{ at, value }];
  });
  const history: Transition[] = [];
  let state: AlarmState | undefined;
  for (let t = created + periodMs; t <= now.getTime(); t += periodMs) {
    const window = points.filter((p) => p.at.getTime() >= t - spanMs && p.at.getTime() + periodMs <= t);
    const crossing = window.filter((p) => breaches(alarm, p.value)).length;
    const next: AlarmState =
      window.length === 0 ? 'INSUFFICIENT_DATA' : crossing >= alarm.datapointsToAlarm ? 'ALARM' : 'OK';
    if (next === state) continue;
    const { reason, quoted } = describe(alarm, next, state, window);
    const at = new Date(t);
    history.push({
      state: next,
      at,
      reason,
      datapoints: quoted,
      window,
      reasonData: {
        version: '1.0',
        queryDate: cloudWatchTime(at),
        startDate: cloudWatchTime(new Date(t - spanMs)),
        ...(STANDARD_STATS.includes(alarm.stat) ? { statistic: alarm.stat } : { extendedStatistic: alarm.stat }),
        period: alarm.periodSeconds,
        recentDatapoints: quoted.map((d) => d.value),
        threshold: alarm.threshold,
      },
    });
    state = next;
  }
  return history;
}

export function findMetricAlarm(name: string): DemoMetricAlarm {
  const alarm = DEMO_METRIC_ALARMS.find((a) => a.name === name);
  if (!alarm) throw new Error(`No demo alarm ${name}`);
  return alarm;
}
