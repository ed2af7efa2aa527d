import type { AlarmSummary, AlarmsPort } from '../../handlers/ports.ts';
import { incidentStart } from './demo-metrics.ts';

/** Demo alarms that tell the same story as the demo metrics: the incident has passed, two problems remain. */
export function createDemoAlarms(options: { now?: () => Date } = {}): AlarmsPort {
  const now = options.now ?? (() => new Date());
  return {
    async describeAlarms(query) {
      const incident = incidentStart(now());
      const minutes = (m: number) => new Date(incident + m * 60_000);
      const stamp = (m: number) => minutes(m).toISOString().slice(0, 16).replace('T', ' ');
      const all: AlarmSummary[] = [
        {
          name: 'users-db-freeable-memory-low',
          kind: 'metric',
          state: 'ALARM',
          reason: `Threshold Crossed: 3 out of the last 3 datapoints [1.9E9 (${stamp(95)}), 2.0E9 (${stamp(90)})] were less than the threshold (2.147483648E9).`,
          updatedAt: minutes(95),
          metric: { namespace: 'AWS/RDS', metricName: 'FreeableMemory' },
        },
        {
          name: 'image-resizer-duration-p99',
          kind: 'metric',
          state: 'ALARM',
          reason: `Threshold Crossed: 5 out of the last 5 datapoints were greater than the threshold (1000.0).`,
          updatedAt: minutes(70),
          metric: { namespace: 'AWS/Lambda', metricName: 'Duration' },
        },
        {
          name: 'orders-db-cpu-high',
          kind: 'metric',
          state: 'OK',
          reason: `Threshold Crossed: 1 datapoint [41.8 (${stamp(30)})] was not greater than the threshold (80.0).`,
          updatedAt: minutes(30),
          metric: { namespace: 'AWS/RDS', metricName: 'CPUUtilization' },
        },
        {
          name: 'checkout-api-errors',
          kind: 'metric',
          state: 'OK',
          reason: 'Threshold Crossed: 1 datapoint [2.0] was not greater than the threshold (10.0).',
          updatedAt: minutes(28),
          metric: { namespace: 'AWS/Lambda', metricName: 'Errors' },
        },
        {
          name: 'checkout-degraded',
          kind: 'composite',
          state: 'OK',
          reason: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-errors transitioned to OK',
          updatedAt: minutes(28),
        },
        {
          name: 'batch-1-status-check',
          kind: 'metric',
          state: 'INSUFFICIENT_DATA',
          reason: 'Insufficient Data: 1 datapoint was unknown.',
          updatedAt: minutes(-600),
          metric: { namespace: 'AWS/EC2', metricName: 'StatusCheckFailed' },
        },
      ];
      return all.filter(
        (a) => (!query.state || a.state === query.state) && (!query.namePrefix || a.name.startsWith(query.namePrefix)),
      );
    },
  };
}
