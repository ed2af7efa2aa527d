import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCloudWatchAlarms } from '../../../../infra/aws/cloudwatch-alarms.ts';

/**
 * A monitoring account (CloudWatch cross-account observability) reading a linked source account,
 * with the request fields AWS documents for it:
 * - GetMetricData: `MetricDataQuery.AccountId` ("If you are performing a GetMetricData operation in a
 *   monitoring account, use this to specify which account to retrieve this metric from"),
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html
 * - ListMetrics: `IncludeLinkedAccounts` with `OwningAccount`, answered with `OwningAccounts`,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html
 * - Metrics Insights: `WHERE AWS.AccountId = '…'` and `GROUP BY AWS.AccountId`,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 * - StartQuery: a source account's groups by ARN in `logGroupIdentifiers`, "arn:aws:logs:region:account-id:log-group:log_group_name",
 *   no `*` at the end, and exactly one of logGroupName, logGroupNames and logGroupIdentifiers,
 *   https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html
 * - DescribeLogGroups: `includeLinkedAccounts` with `accountIdentifiers`,
 *   https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogGroups.html
 * - Alarms on a source account's metric live in the monitoring account, the account in the metric
 *   queries' `AccountId` (PutMetricAlarm, "Cross-account alarms"),
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
const cwMock = mockClient(CloudWatchClient);
const logsMock = mockClient(CloudWatchLogsClient);
const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
const PAYMENTS = '210987654321';
const START = new Date('2026-12-02T09:00:00.000Z');

describe('infra/aws/cloudwatch-alarms: a linked account from a monitoring account', () => {
  beforeEach(() => {
    cwMock.reset();
    logsMock.reset();
  });

  it('lists the monitoring account’s alarms on that account’s metrics, naming the account of each', async () => {
    // Prepare
    const onMetric = (name: string, accountId?: string) => ({
      AlarmName: name,
      StateValue: 'ALARM' as const,
      StateReason: 'Threshold Crossed',
      StateUpdatedTimestamp: START,
      Metrics: [
        {
          Id: 'm1',
          ...(accountId ? { AccountId: accountId } : {}),
          MetricStat: {
            Metric: { Namespace: 'AWS/RDS', MetricName: 'CPUUtilization' },
            Period: 60,
            Stat: 'Average',
          },
        },
      ],
    });
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [onMetric('ledger-cpu', PAYMENTS), onMetric('search-cpu', '309876543210'), onMetric('ops-cpu')],
      CompositeAlarms: [
        { AlarmName: 'ops-degraded', StateValue: 'ALARM', StateReason: 'x', StateUpdatedTimestamp: START },
      ],
    });
    const alarms = createCloudWatchAlarms(new CloudWatchClient({ region: 'eu-west-1', credentials }));

    // Act
    const linked = await alarms.describeAlarms({ state: 'ALARM', accountId: PAYMENTS });
    const all = await alarms.describeAlarms({ state: 'ALARM' });

    // Assess
    expect(linked.map((a) => [a.name, a.accountId])).toEqual([['ledger-cpu', PAYMENTS]]);
    expect(cwMock.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toMatchObject({
      AlarmTypes: ['MetricAlarm'],
      StateValue: 'ALARM',
    });
    expect(all.map((a) => [a.name, a.accountId])).toEqual([
      ['ledger-cpu', PAYMENTS],
      ['search-cpu', '309876543210'],
      ['ops-cpu', undefined],
      ['ops-degraded', undefined],
    ]);
  });
});
