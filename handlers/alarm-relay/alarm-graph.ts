import type { FilesPort, MetricImagePort, MetricImageRequest } from '../ports.ts';
import type { AlarmChange, MetricStat } from './alarm-change.ts';
import { formatInUnit, metricStatUnit } from './reason.ts';

/**
 * A metric as the alarm defines it: its own `id` (the alarm's expressions refer to it) and whether the
 * alarm returns it (`returnData: false` marks an expression's input). Both are optional only so buttons
 * posted before they were carried still draw.
 */
export interface GraphMetric extends MetricStat {
  id?: string;
  returnData?: boolean;
}

export interface GraphExpression {
  id: string;
  expression: string;
  label?: string;
  /** `false` for an intermediate expression (the alarm does not return it). */
  returnData?: boolean;
}

export interface GraphSource {
  alarmName: string;
  metrics?: GraphMetric[];
  expressions?: GraphExpression[];
  changedAt: Date;
  /** The alarm's threshold (from `reasonData`; anomaly alarms have a band instead). */
  threshold?: number;
  /** The state it changed to at `changedAt`. */
  state?: string;
}

/** The threshold CloudWatch wrote in the change's `reasonData` (or the previous state's). */
function thresholdOf(change: Pick<AlarmChange, 'state' | 'previousState'>): number | undefined {
  return change.state.reasonData?.threshold ?? change.previousState?.reasonData?.threshold;
}

/** An alarm's metrics, expressions and threshold, read once for the graph it gets, its buttons and its routing. */
export function graphSource(change: Pick<AlarmChange, 'metrics' | 'state' | 'previousState'>): {
  metrics: GraphMetric[];
  expressions: GraphExpression[];
  threshold?: number;
} {
  const threshold = thresholdOf(change);
  return {
    ...(threshold !== undefined ? { threshold } : {}),
    metrics: change.metrics.flatMap((m) =>
      m.metricStat ? [{ id: m.id, returnData: m.returnData, ...m.metricStat }] : [],
    ),
    expressions: change.metrics.flatMap((m) =>
      m.expression
        ? [{ id: m.id, expression: m.expression, returnData: m.returnData, ...(m.label ? { label: m.label } : {}) }]
        : [],
    ),
  };
}

/**
 * The picture of an alarm's metric around its change: `beforeMinutes` before it until now (at
 * most `afterMinutes` after it). Metrics keep the alarm's ids, so its expressions find them; those
 * the alarm does not return (an expression's inputs) are hidden, as the console shows the alarm, and
 * an anomaly alarm's metric is drawn with its band. `undefined` when there is nothing to draw
 * (composite alarms).
 */
export function alarmGraphRequest(
  source: GraphSource,
  now: Date,
  window: { beforeMinutes: number; afterMinutes: number },
): MetricImageRequest | undefined {
  const metrics = source.metrics ?? [];
  const expressions = source.expressions ?? [];
  if (metrics.length === 0 && expressions.length === 0) return undefined;
  const start = new Date(source.changedAt.getTime() - window.beforeMinutes * 60_000);
  const end = new Date(Math.min(now.getTime(), source.changedAt.getTime() + window.afterMinutes * 60_000));
  const period = metrics.find((m) => m.period)?.period ?? 60;
  return {
    title: source.alarmName,
    periodSeconds: period,
    start,
    end: end > start ? end : now,
    width: 800,
    height: 400,
    series: metrics.map((m, i) => {
      // A button from before ids were carried: numbered, and hidden behind the expressions, as then.
      const id = m.id ?? (expressions.length > 0 ? `m${i + 1}` : undefined);
      const hidden = m.returnData === undefined ? expressions.length > 0 : !m.returnData;
      return {
        namespace: m.namespace,
        metricName: m.name,
        dimensions: m.dimensions,
        stat: m.stat ?? 'Average',
        ...(id ? { id } : {}),
        ...(hidden ? { visible: false } : {}),
      };
    }),
    ...(expressions.length > 0
      ? {
          expressions: expressions.map(({ returnData, ...e }) => ({
            ...e,
            // Only an intermediate step is hidden; an expression the alarm returns is what it watches.
            ...(returnData === false ? { visible: false } : {}),
          })),
        }
      : {}),
    annotations: alarmAnnotations(source, metrics, expressions),
  };
}

const STATE_COLORS: Record<string, string> = { ALARM: '#d62728', OK: '#2ca02c', INSUFFICIENT_DATA: '#7f7f7f' };

/**
 * The threshold as a horizontal line (in the watched metric's unit when it has a known one) and the
 * moment of the change as a vertical one, as the console draws an alarm. An anomaly alarm's band is
 * its expression, so it has no threshold line.
 */
function alarmAnnotations(
  source: GraphSource,
  metrics: GraphMetric[],
  expressions: GraphExpression[],
): NonNullable<MetricImageRequest['annotations']> {
  // The unit and the writing the alarm's message gives its threshold, so the legend says `80%` as it does.
  const watched = expressions.length === 0 ? metrics[0] : undefined;
  const unit = watched ? metricStatUnit(watched) : undefined;
  const hhmm = source.changedAt.toISOString().slice(11, 16);
  return {
    ...(source.threshold !== undefined
      ? {
          horizontal: [
            { value: source.threshold, label: `Threshold ${formatInUnit(source.threshold, unit)}`, color: '#d62728' },
          ],
        }
      : {}),
    vertical: [
      {
        value: source.changedAt,
        label: `${source.state ?? 'Changed'} at ${hhmm} UTC`,
        color: STATE_COLORS[source.state ?? ''] ?? '#7f7f7f',
      },
    ],
  };
}

/** The graph posted under a new ALARM: the hour before the change. */
export const ALARM_GRAPH_WINDOW = { beforeMinutes: 60, afterMinutes: 5 };

/** Draws the hour before an alarm's change and posts it in the alarm's thread; nothing for a composite alarm. */
export async function postAlarmGraph(
  deps: { images: MetricImagePort; files: FilesPort },
  change: AlarmChange,
  place: { channel: string; threadTs: string },
  options: { now: Date; signal?: AbortSignal },
): Promise<void> {
  const request = alarmGraphRequest(
    {
      alarmName: change.alarmName,
      ...graphSource(change),
      changedAt: change.state.timestamp,
      state: change.state.value,
    },
    options.now,
    ALARM_GRAPH_WINDOW,
  );
  if (!request) return;
  // The alarm's own Region: EventBridge rules in other Regions may send their alarms here.
  const png = await deps.images.getMetricImage(
    { ...request, region: change.region },
    options.signal ? { signal: options.signal } : {},
  );
  await deps.files.upload({
    channelId: place.channel,
    threadTs: place.threadTs,
    filename: 'alarm.png',
    title: `${change.alarmName}: the hour before the change`,
    content: png,
    altText: `Graph of ${change.alarmName}`,
  });
}
