import { incidentStart } from './demo-metrics.ts';

/**
 * EventBridge "CloudWatch Alarm State Change" events for the demo's incident, shaped like AWS's
 * published sample for a metric alarm: `orders-db-cpu-high` fires during the incident and
 * resolves after it. For `npm start`, which previews alarm notifications without EventBridge.
 */
const ALARM = 'orders-db-cpu-high';
const ARN = `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${ALARM}`;

/** CloudWatch's own timestamp format: an offset without a colon. */
const cloudWatchTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

export function demoAlarmEvent(state: 'ALARM' | 'OK', now: Date, id: string) {
  const incident = incidentStart(now);
  const firedAt = incident + 15 * 60_000;
  const changedAt = state === 'ALARM' ? firedAt : incident + 35 * 60_000;
  const datapoints = state === 'ALARM' ? [91.2, 93.8, 94.2] : [41.8];
  const threshold = 80;
  const reasonData = {
    version: '1.0',
    queryDate: cloudWatchTime(changedAt),
    startDate: cloudWatchTime(changedAt - datapoints.length * 300_000),
    statistic: 'Average',
    period: 300,
    recentDatapoints: datapoints,
    threshold,
  };
  const reason =
    state === 'ALARM'
      ? `Threshold Crossed: 3 out of the last 3 datapoints [${datapoints.join(', ')}] were greater than the threshold (${threshold}.0) (minimum 3 datapoints for OK -> ALARM transition).`
      : `Threshold Crossed: 1 datapoint [${datapoints[0]}] was not greater than the threshold (${threshold}.0) (minimum 1 datapoint for ALARM -> OK transition).`;
  return {
    version: '0',
    id,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: '123456789012',
    time: new Date(changedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: [ARN],
    detail: {
      alarmName: ALARM,
      state: { value: state, reason, reasonData: JSON.stringify(reasonData), timestamp: cloudWatchTime(changedAt) },
      previousState: {
        value: state === 'ALARM' ? 'OK' : 'ALARM',
        reason: 'the previous change',
        timestamp: cloudWatchTime(state === 'ALARM' ? changedAt - 86_400_000 : firedAt),
      },
      configuration: {
        description: 'orders-db CPU above 80% for 15 minutes',
        metrics: [
          {
            id: 'm1',
            metricStat: {
              metric: {
                namespace: 'AWS/RDS',
                name: 'CPUUtilization',
                dimensions: { DBInstanceIdentifier: 'orders-db' },
              },
              period: 300,
              stat: 'Average',
            },
            returnData: true,
          },
        ],
      },
    },
  };
}
