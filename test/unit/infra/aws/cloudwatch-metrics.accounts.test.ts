import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';

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
const END = new Date('2026-12-02T10:00:00.000Z');

const metrics = () => createCloudWatchMetrics(new CloudWatchClient({ region: 'eu-west-1', credentials }));
const input = (n: number): GetMetricDataCommandInput | undefined =>
  cwMock.commandCalls(GetMetricDataCommand)[n]?.args[0].input;

describe('infra/aws/cloudwatch-metrics: a linked account from a monitoring account', () => {
  beforeEach(() => {
    cwMock.reset();
    logsMock.reset();
  });

  it('asks GetMetricData for the series in that account (AccountId), and leaves this account’s without one', async () => {
    // Prepare
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const cpu = { namespace: 'AWS/RDS', metricName: 'CPUUtilization', stat: 'Average' };

    // Act
    await metrics().getMetricData({
      series: [
        { ...cpu, dimensions: [{ name: 'DBInstanceIdentifier', value: 'ledger-db' }], accountId: PAYMENTS },
        { ...cpu, dimensions: [{ name: 'DBInstanceIdentifier', value: 'ops-db' }] },
      ],
      periodSeconds: 60,
      start: START,
      end: END,
    });

    // Assess
    const [linked, own] = input(0)?.MetricDataQueries ?? [];
    expect(linked).toMatchObject({ Id: 'm0', AccountId: PAYMENTS, MetricStat: { Stat: 'Average' } });
    expect(own).toMatchObject({ Id: 'm1' });
    expect(own).not.toHaveProperty('AccountId');
  });

  it('lists one source account’s metrics with IncludeLinkedAccounts and OwningAccount', async () => {
    // Prepare
    cwMock.on(ListMetricsCommand).resolves({
      Metrics: [{ Namespace: 'AWS/RDS', MetricName: 'CPUUtilization', Dimensions: [] }],
      OwningAccounts: [PAYMENTS],
    });

    // Act
    await metrics().listMetrics({ namespace: 'AWS/RDS', metricName: 'CPUUtilization', accountId: PAYMENTS });
    await metrics().listMetrics({ namespace: 'AWS/RDS', metricName: 'CPUUtilization' });

    // Assess
    const [linked, own] = cwMock.commandCalls(ListMetricsCommand).map((c) => c.args[0].input);
    expect(linked).toMatchObject({ IncludeLinkedAccounts: true, OwningAccount: PAYMENTS });
    expect(own).not.toHaveProperty('IncludeLinkedAccounts');
    expect(own).not.toHaveProperty('OwningAccount');
  });

  it('ranks one account with WHERE AWS.AccountId, and every account with GROUP BY AWS.AccountId, reading each label back', async () => {
    // Prepare: with two GROUP BY keys each series is labelled with both values, the account's first.
    cwMock
      .on(GetMetricDataCommand)
      .resolvesOnce({ MetricDataResults: [{ Id: 'top', Label: 'ledger-db', Timestamps: [START], Values: [90] }] })
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'top', Label: `${PAYMENTS} ledger-db`, Timestamps: [START], Values: [90] },
          { Id: 'top', Label: '123456789012 ledger-db', Timestamps: [START], Values: [40] },
        ],
      });
    const request = {
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      groupBy: 'DBInstanceIdentifier',
      func: 'MAX' as const,
      limit: 10,
      periodSeconds: 60,
      start: START,
      end: END,
    };

    // Act
    const one = await metrics().queryInsights({ ...request, accountId: PAYMENTS });
    const all = await metrics().queryInsights({ ...request, byAccount: true });

    // Assess
    expect(input(0)?.MetricDataQueries?.[0]?.Expression).toBe(
      `SELECT MAX(CPUUtilization) FROM SCHEMA("AWS/RDS", DBInstanceIdentifier) WHERE AWS.AccountId = '${PAYMENTS}' GROUP BY DBInstanceIdentifier ORDER BY MAX() DESC LIMIT 10`,
    );
    expect(input(1)?.MetricDataQueries?.[0]?.Expression).toBe(
      'SELECT MAX(CPUUtilization) FROM SCHEMA("AWS/RDS", DBInstanceIdentifier) GROUP BY AWS.AccountId, DBInstanceIdentifier ORDER BY MAX() DESC LIMIT 10',
    );
    expect(one.groups.map((g) => [g.label, g.accountId])).toEqual([['ledger-db', undefined]]);
    expect(all.groups.map((g) => [g.label, g.accountId])).toEqual([
      ['ledger-db', PAYMENTS],
      ['ledger-db', '123456789012'],
    ]);
  });
});
