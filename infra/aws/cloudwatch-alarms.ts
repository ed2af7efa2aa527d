import { type CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { AlarmState, AlarmSummary, AlarmsPort, CallOptions } from '../../handlers/ports.ts';
import { translateCloudWatchError } from './cloudwatch-metrics.ts';

/** The {@link AlarmsPort} backed by DescribeAlarms, every page, metric and composite alarms alike. */
export function createCloudWatchAlarms(client: CloudWatchClient): AlarmsPort {
  return {
    async describeAlarms(query, options: CallOptions = {}): Promise<AlarmSummary[]> {
      const alarms: AlarmSummary[] = [];
      try {
        const pages = paginateDescribeAlarms(
          { client, pageSize: 100 },
          {
            // Without AlarmTypes, DescribeAlarms returns metric alarms only.
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            ...(query.state ? { StateValue: query.state } : {}),
            ...(query.namePrefix ? { AlarmNamePrefix: query.namePrefix } : {}),
          },
        );
        for await (const page of pages) {
          if (options.signal?.aborted) throw options.signal.reason;
          for (const a of page.MetricAlarms ?? []) {
            alarms.push({
              name: a.AlarmName ?? '',
              kind: 'metric',
              state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
              reason: a.StateReason ?? '',
              updatedAt: a.StateUpdatedTimestamp ?? new Date(0),
              ...(a.Namespace && a.MetricName ? { metric: { namespace: a.Namespace, metricName: a.MetricName } } : {}),
            });
          }
          for (const a of page.CompositeAlarms ?? []) {
            alarms.push({
              name: a.AlarmName ?? '',
              kind: 'composite',
              state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
              reason: a.StateReason ?? '',
              updatedAt: a.StateUpdatedTimestamp ?? new Date(0),
            });
          }
        }
      } catch (error) {
        throw translateCloudWatchError(error);
      }
      return alarms;
    },
  };
}
