import type { MetricsPort } from '../../handlers/ports.ts';
import {
  cloudWatchTime,
  demoAlarmArn,
  demoAlarmHistory,
  findMetricAlarm,
  type Transition,
} from './demo-alarm-rules.ts';
import { createDemoMetrics } from './demo-metrics.ts';

/**
 * EventBridge "CloudWatch Alarm State Change" events for the demo's incident, shaped like AWS's
 * published sample for a metric alarm: `orders-db-cpu-high` fires during the incident and
 * resolves after it. Its state, reason, datapoints and times are the alarm's own state changes,
 * evaluated on the demo metrics (infra/demo/demo-alarm-rules.ts). For `npm start`, which previews
 * alarm notifications without EventBridge.
 */
const ALARM = findMetricAlarm('orders-db-cpu-high');

export interface DemoAlarmEventOptions {
  /**
   * The metrics the alarm is evaluated on. There is no way to move a change to another time: a
   * change is sent only as the alarm made it, so its reason and datapoints are what the metric shows
   * then (the preview replays the incident rather than invent a later firing).
   */
  metrics?: MetricsPort;
}

/** The incident's last change into `state`, and the change before it. */
async function incidentChange(state: 'ALARM' | 'OK', now: Date, metrics: MetricsPort) {
  const history = await demoAlarmHistory(ALARM, metrics, now);
  const index = history.findLastIndex(
    (t, i) => t.state === state && (state === 'ALARM' || history[i - 1]?.state === 'ALARM'),
  );
  const change = history[index];
  if (!change) throw new Error(`The demo incident has no ${state} for ${ALARM.name}`);
  return { change, previous: history[index - 1] };
}

export async function demoAlarmEvent(
  state: 'ALARM' | 'OK',
  now: Date,
  id: string,
  options: DemoAlarmEventOptions = {},
) {
  const metrics = options.metrics ?? createDemoMetrics({ now: () => now });
  const { change, previous } = await incidentChange(state, now, metrics);
  const at = change.at;
  const before: Transition | undefined = previous;
  return {
    version: '0',
    id,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: '123456789012',
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: [demoAlarmArn(ALARM.name)],
    detail: {
      alarmName: ALARM.name,
      state: {
        value: change.state,
        reason: change.reason,
        reasonData: JSON.stringify(change.reasonData),
        timestamp: cloudWatchTime(at),
      },
      previousState: {
        value: before?.state ?? 'INSUFFICIENT_DATA',
        reason: before?.reason ?? 'Unchecked: Initial alarm creation',
        timestamp: cloudWatchTime(before?.at ?? new Date(at.getTime() - 86_400_000)),
      },
      configuration: {
        description: ALARM.description,
        metrics: [
          {
            id: 'm1',
            metricStat: {
              metric: {
                namespace: ALARM.namespace,
                name: ALARM.metricName,
                dimensions: { [ALARM.dimension.name]: ALARM.dimension.value },
              },
              period: ALARM.periodSeconds,
              stat: ALARM.stat,
            },
            returnData: true,
          },
        ],
      },
    },
  };
}
