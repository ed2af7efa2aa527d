import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataSourceAccessError } from '../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../handlers/port-errors.ts';
import type { MetricsInsightsRequest } from '../../../../handlers/ports.ts';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';

/**
 * Metrics Insights through GetMetricData: one query with an `Expression` and a `Period`, answered
 * with one result per group, its `Label` the group's dimension value.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 */
const cwMock = mockClient(CloudWatchClient);

const START = new Date('2026-12-02T09:00:00.000Z');
const END = new Date('2026-12-02T10:00:00.000Z');
const t = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute));

const makeClient = () =>
  new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

const request: MetricsInsightsRequest = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  groupBy: 'InstanceId',
  func: 'MAX',
  limit: 10,
  periodSeconds: 60,
  start: START,
  end: END,
};

function input(n: number): GetMetricDataCommandInput | undefined {
  return cwMock.commandCalls(GetMetricDataCommand)[n]?.args[0].input;
}

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('infra/aws/cloudwatch-metrics: queryInsights', () => {
  beforeEach(() => {
    cwMock.reset();
  });

  it('sends one GetMetricData call with exactly one Insights query', async () => {
    // Prepare
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await createCloudWatchMetrics(makeClient()).queryInsights(request);

    // Assess
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
    expect(input(0)).toEqual({
      MetricDataQueries: [
        {
          Id: 'top',
          Expression:
            'SELECT MAX(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId ORDER BY MAX() DESC LIMIT 10',
          Period: 60,
          ReturnData: true,
        },
      ],
      StartTime: START,
      EndTime: END,
      ScanBy: 'TimestampAscending',
      NextToken: undefined,
    });
  });

  it('escapes names in the query: quotes in SCHEMA, identifiers that are not bare words', async () => {
    // Prepare
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    // Act
    await createCloudWatchMetrics(makeClient()).queryInsights({
      ...request,
      namespace: 'Shop "EU"',
      metricName: 'Checkout Latency',
      groupBy: 'service-name',
      func: 'AVG',
      limit: 5,
    });

    // Assess
    expect(input(0)?.MetricDataQueries?.[0]?.Expression).toBe(
      'SELECT AVG("Checkout Latency") FROM SCHEMA("Shop \\"EU\\"", "service-name") GROUP BY "service-name" ORDER BY AVG() DESC LIMIT 5',
    );
  });

  it('answers one group per result, by Label, in CloudWatch order, every page read and merged', async () => {
    // Prepare
    cwMock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'top', Label: 'i-0abc', Timestamps: [t(2), t(1)], Values: [90, 80], StatusCode: 'PartialData' },
          { Id: 'top', Label: 'i-0def', Timestamps: [t(1)], Values: [40], StatusCode: 'PartialData' },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'top', Label: 'i-0abc', Timestamps: [t(0)], Values: [70], StatusCode: 'Complete' },
          { Id: 'top', Label: 'i-0def', Timestamps: [t(0)], Values: [30], StatusCode: 'Complete' },
        ],
        Messages: [{ Code: 'MaxMetricsLimitExceeded', Value: 'The query matched more than 10,000 metrics.' }],
      });

    // Act
    const answer = await createCloudWatchMetrics(makeClient()).queryInsights(request);

    // Assess
    expect(input(1)?.NextToken).toBe('page-2');
    expect(input(1)?.MetricDataQueries).toEqual(input(0)?.MetricDataQueries);
    expect(answer.groups).toEqual([
      { label: 'i-0abc', timestamps: [t(0), t(1), t(2)], values: [70, 80, 90] },
      { label: 'i-0def', timestamps: [t(0), t(1)], values: [30, 40] },
    ]);
    // A page that was partial leaves the answer partial.
    expect(answer.status).toBe('PartialData');
    expect(answer.messages).toEqual(['The query matched more than 10,000 metrics.']);
  });

  it("turns a refused query into the port's RequestRejectedError with CloudWatch's words (the command adds its usage)", async () => {
    // Prepare
    cwMock
      .on(GetMetricDataCommand)
      .rejects(awsError('InvalidParameterValue', 'Metrics Insights query is invalid: unexpected token.'));

    // Act
    const failing = createCloudWatchMetrics(makeClient()).queryInsights(request);

    // Assess
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect((error as RequestRejectedError).message).toBe(
      'CloudWatch rejected the Metrics Insights query: Metrics Insights query is invalid: unexpected token.',
    );
  });

  it('turns AccessDeniedException into DataSourceAccessError', async () => {
    // Prepare
    cwMock.on(GetMetricDataCommand).rejects(awsError('AccessDeniedException', 'not authorized'));

    // Act
    const failing = createCloudWatchMetrics(makeClient()).queryInsights(request);

    // Assess
    await expect(failing).rejects.toBeInstanceOf(DataSourceAccessError);
  });

  it('passes the AbortSignal on', async () => {
    // Prepare
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const controller = new AbortController();

    // Act
    await createCloudWatchMetrics(makeClient()).queryInsights(request, { signal: controller.signal });

    // Assess
    const args: readonly unknown[] = cwMock.call(0).args;
    expect((args[1] as { abortSignal?: AbortSignal }).abortSignal).toBe(controller.signal);
  });
});
