import type { MetricImageRequest } from '../ports.ts';
import type { MetricStat } from './alarm-event.ts';

export interface GraphSource {
  alarmName: string;
  metrics?: MetricStat[];
  expressions?: { id: string; expression: string; label?: string }[];
  changedAt: Date;
}

/**
 * The picture of an alarm's metric around its change: `beforeMinutes` before it until now (at
 * most `afterMinutes` after it). Expressions are drawn with their inputs hidden, as the console
 * shows a math alarm. `undefined` when there is nothing to draw (composite alarms).
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
    series: metrics.map((m, i) => ({
      namespace: m.namespace,
      metricName: m.name,
      dimensions: m.dimensions,
      stat: m.stat ?? 'Average',
      ...(expressions.length > 0 ? { id: `m${i + 1}`, visible: false } : {}),
    })),
    ...(expressions.length > 0 ? { expressions } : {}),
  };
}
