import { type CloudWatchClient, type CompositeAlarm, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { AlarmState, AlarmSummary, AlarmsPort, CallOptions } from '../../handlers/ports.ts';
import { translateAwsError } from './aws-errors.ts';

type DescribedAlarm = Pick<CompositeAlarm, 'AlarmName' | 'StateValue' | 'StateReason' | 'StateUpdatedTimestamp'>;

function summary(alarm: DescribedAlarm, kind: AlarmSummary['kind']): AlarmSummary {
  return {
    name: alarm.AlarmName ?? '',
    kind,
    state: (alarm.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
    reason: alarm.StateReason ?? '',
    updatedAt: alarm.StateUpdatedTimestamp ?? new Date(0),
  };
}

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
              ...summary(a, 'metric'),
              ...(a.Namespace && a.MetricName
                ? {
                    metric: {
                      namespace: a.Namespace,
                      metricName: a.MetricName,
                      ...(a.Unit ? { unit: a.Unit } : {}),
                      ...((a.Statistic ?? a.ExtendedStatistic)
                        ? { statistic: a.Statistic ?? a.ExtendedStatistic }
                        : {}),
                    },
                  }
                : {}),
            });
          }
          for (const a of page.CompositeAlarms ?? []) alarms.push(summary(a, 'composite'));
        }
      } catch (error) {
        throw await translateAwsError(error, {
          service: 'CloudWatch',
          client,
          accessDenied: "The bot's AWS role may not list alarms (cloudwatch:DescribeAlarms).",
        });
      }
      return alarms;
    },
  };
}
