import {
  type CloudWatchClient,
  type CompositeAlarm,
  type MetricAlarm,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
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

/**
 * The linked account a metric alarm watches: in a monitoring account an alarm on a source account's
 * metric names it in its metric queries' `AccountId`.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html ("Cross-account alarms")
 */
function watchedAccount(alarm: MetricAlarm): string | undefined {
  return alarm.Metrics?.find((m) => m.AccountId)?.AccountId;
}

/**
 * The {@link AlarmsPort} backed by DescribeAlarms, every page, metric and composite alarms alike.
 * Alarms live in the account that runs the bot; with `accountId`, only those watching that linked
 * account's metrics (composite alarms watch alarms, never another account's metrics).
 */
export function createCloudWatchAlarms(client: CloudWatchClient): AlarmsPort {
  return {
    async describeAlarms(query, options: CallOptions = {}): Promise<AlarmSummary[]> {
      const alarms: AlarmSummary[] = [];
      try {
        const pages = paginateDescribeAlarms(
          { client, pageSize: 100 },
          {
            // Without AlarmTypes, DescribeAlarms returns metric alarms only.
            AlarmTypes: query.accountId ? ['MetricAlarm'] : ['MetricAlarm', 'CompositeAlarm'],
            ...(query.state ? { StateValue: query.state } : {}),
            ...(query.namePrefix ? { AlarmNamePrefix: query.namePrefix } : {}),
          },
        );
        for await (const page of pages) {
          if (options.signal?.aborted) throw options.signal.reason;
          for (const a of page.MetricAlarms ?? []) {
            const accountId = watchedAccount(a);
            if (query.accountId && accountId !== query.accountId) continue;
            alarms.push({
              ...summary(a, 'metric'),
              ...(accountId ? { accountId } : {}),
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
          if (!query.accountId) for (const a of page.CompositeAlarms ?? []) alarms.push(summary(a, 'composite'));
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
