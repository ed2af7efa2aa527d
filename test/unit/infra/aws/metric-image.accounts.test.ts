import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { metricWidget } from '../../../../infra/aws/metric-image.ts';

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
const PAYMENTS = '210987654321';
const START = new Date('2026-12-02T09:00:00.000Z');
const END = new Date('2026-12-02T10:00:00.000Z');

describe('infra/aws/metric-image: a linked account from a monitoring account', () => {
  beforeEach(() => {
    cwMock.reset();
    logsMock.reset();
  });

  it('draws a linked account’s metric with accountId in its rendering properties', () => {
    const widget = JSON.parse(
      metricWidget(
        {
          series: [
            {
              namespace: 'AWS/RDS',
              metricName: 'CPUUtilization',
              dimensions: [],
              stat: 'Average',
              accountId: PAYMENTS,
            },
          ],
          periodSeconds: 60,
          start: START,
          end: END,
          title: 'CPU',
        },
        'eu-west-1',
      ),
    );
    expect(widget.metrics[0].at(-1)).toEqual({ stat: 'Average', accountId: PAYMENTS });
    expect(widget.region).toBe('eu-west-1');
  });
});
