import type { AlarmSummary, AlarmsPort, MetricsPort } from '../../handlers/ports.ts';
import { DEMO_COMPOSITE_ALARMS, DEMO_METRIC_ALARMS, demoAlarmArn, demoAlarmHistory } from './demo-alarm-rules.ts';
import { createDemoMetrics } from './demo-metrics.ts';

/**
 * The demo's alarms as DescribeAlarms lists them: each one's state, reason and time are its last
 * state change, evaluated on the demo metrics (infra/demo/demo-alarm-rules.ts), so they say what
 * `/cw metrics` shows. A composite follows its child.
 */
export function createDemoAlarms(
  options: { now?: () => Date; metrics?: MetricsPort; region?: string } = {},
): AlarmsPort {
  const now = options.now ?? (() => new Date());
  return {
    async describeAlarms(query) {
      const at = now();
      const own =
        options.metrics ?? createDemoMetrics({ now: () => at, ...(options.region ? { region: options.region } : {}) });
      // With `accountId`: the same rules, as alarms of the monitoring account on that linked account's metrics.
      const metrics = query.accountId ? inAccount(own, query.accountId) : own;
      const metricAlarms = await Promise.all(
        DEMO_METRIC_ALARMS.map(async (alarm): Promise<AlarmSummary | undefined> => {
          const last = (await demoAlarmHistory(alarm, metrics, at)).at(-1);
          if (!last) return undefined;
          return {
            name: alarm.name,
            kind: 'metric',
            state: last.state,
            reason: last.reason,
            updatedAt: last.at,
            ...(query.accountId ? { accountId: query.accountId } : {}),
            metric: { namespace: alarm.namespace, metricName: alarm.metricName, statistic: alarm.stat },
          };
        }),
      );
      const known = metricAlarms.filter((a): a is AlarmSummary => a !== undefined);
      // Composite alarms watch alarms, never a linked account's metrics.
      const composites = (query.accountId ? [] : DEMO_COMPOSITE_ALARMS).flatMap((composite): AlarmSummary[] => {
        const child = known.find((a) => a.name === composite.child);
        if (!child) return [];
        return [
          {
            name: composite.name,
            kind: 'composite',
            state: child.state,
            reason: `${demoAlarmArn(child.name)} transitioned to ${child.state}`,
            updatedAt: child.updatedAt,
          },
        ];
      });
      return [...known, ...composites].filter(
        (a) => (!query.state || a.state === query.state) && (!query.namePrefix || a.name.startsWith(query.namePrefix)),
      );
    },
  };
}

/** The metrics port reading every series from a linked account. */
function inAccount(metrics: MetricsPort, accountId: string): MetricsPort {
  return {
    ...metrics,
    getMetricData: (request, options) =>
      metrics.getMetricData({ ...request, series: request.series.map((s) => ({ ...s, accountId })) }, options),
  };
}
