import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCloudWatchLogs } from '../../../../infra/aws/cloudwatch-logs.ts';

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

describe('infra/aws/cloudwatch-logs: a linked account from a monitoring account', () => {
  beforeEach(() => {
    cwMock.reset();
    logsMock.reset();
  });

  it('queries a linked account’s log groups by ARN in logGroupIdentifiers, in the client’s Region, and never by name too', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    const logs = createCloudWatchLogs(new CloudWatchLogsClient({ region: 'eu-west-1', credentials }));

    // Act
    await logs.startQuery({
      logGroupNames: ['/aws/lambda/ledger', '/ecs/ledger-web'],
      start: START,
      end: END,
      queryString: 'fields @message',
      accountId: PAYMENTS,
    });
    await logs.startQuery({
      logGroupNames: ['/aws/lambda/ops'],
      start: START,
      end: END,
      queryString: 'fields @message',
    });

    // Assess
    const [linked, own] = logsMock.commandCalls(StartQueryCommand).map((c) => c.args[0].input);
    expect(linked?.logGroupIdentifiers).toEqual([
      `arn:aws:logs:eu-west-1:${PAYMENTS}:log-group:/aws/lambda/ledger`,
      `arn:aws:logs:eu-west-1:${PAYMENTS}:log-group:/ecs/ledger-web`,
    ]);
    expect(linked).not.toHaveProperty('logGroupNames');
    expect(own?.logGroupNames).toEqual(['/aws/lambda/ops']);
    expect(own).not.toHaveProperty('logGroupIdentifiers');
  });

  it('writes the ARN in the partition of the Region', async () => {
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    const logs = createCloudWatchLogs(new CloudWatchLogsClient({ region: 'cn-north-1', credentials }), 'cn-north-1');
    await logs.startQuery({ logGroupNames: ['/app'], start: START, end: END, queryString: 'x', accountId: PAYMENTS });
    expect(logsMock.commandCalls(StartQueryCommand)[0]?.args[0].input.logGroupIdentifiers).toEqual([
      `arn:aws-cn:logs:cn-north-1:${PAYMENTS}:log-group:/app`,
    ]);
  });

  it('lists a linked account’s log groups with includeLinkedAccounts and accountIdentifiers', async () => {
    // Prepare
    logsMock.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/aws/lambda/ledger' }] });
    const logs = createCloudWatchLogs(new CloudWatchLogsClient({ region: 'eu-west-1', credentials }));

    // Act
    const names = await logs.listLogGroups('/aws/lambda/', 10, { accountId: PAYMENTS });

    // Assess
    expect(names).toEqual(['/aws/lambda/ledger']);
    expect(logsMock).toHaveReceivedCommandWith(DescribeLogGroupsCommand, {
      logGroupNamePrefix: '/aws/lambda/',
      includeLinkedAccounts: true,
      accountIdentifiers: [PAYMENTS],
    });
  });
});
