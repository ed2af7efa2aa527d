import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  ListMetricsCommand,
  type ListMetricsCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataSourceAccessError, DataSourceBusyError, UserInputError } from '../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../handlers/port-errors.ts';
import type { MetricDataRequest } from '../../../../handlers/ports.ts';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';

const cwMock = mockClient(CloudWatchClient);

const START = new Date('2025-03-01T10:00:00.000Z');
const END = new Date('2025-03-01T11:00:00.000Z');
const t = (minute: number) => new Date(Date.UTC(2025, 2, 1, 10, minute));

const makeClient = () =>
  new CloudWatchClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

const oneSeries: MetricDataRequest = {
  series: [
    {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: 'i-0abc123def4567890' }],
      stat: 'Average',
    },
  ],
  periodSeconds: 300,
  start: START,
  end: END,
};

const twoSeries: MetricDataRequest = {
  series: [
    {
      namespace: 'AWS/RDS',
      metricName: 'DatabaseConnections',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
      stat: 'Maximum',
    },
    {
      namespace: 'AWS/RDS',
      metricName: 'DatabaseConnections',
      dimensions: [
        { name: 'DBClusterIdentifier', value: 'billing-cluster' },
        { name: 'Role', value: 'WRITER' },
      ],
      stat: 'Maximum',
    },
  ],
  periodSeconds: 60,
  start: START,
  end: END,
};

/** The input of the n-th GetMetricData call. */
function getMetricDataInput(n: number): GetMetricDataCommandInput | undefined {
  return cwMock.commandCalls(GetMetricDataCommand)[n]?.args[0].input;
}

function listMetricsInput(n: number): ListMetricsCommandInput | undefined {
  return cwMock.commandCalls(ListMetricsCommand)[n]?.args[0].input;
}

/** The options object (second argument) the n-th client.send call received; the mock's typing only declares the command. */
function sendOptions(n: number): { abortSignal?: AbortSignal } | undefined {
  const args: readonly unknown[] = cwMock.call(n).args;
  return args[1] as { abortSignal?: AbortSignal } | undefined;
}

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('infra/aws/cloudwatch-metrics', () => {
  beforeEach(() => {
    cwMock.reset();
  });

  describe('getMetricData', () => {
    it('builds the exact GetMetricData input for one series', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          { Id: 'm0', Label: 'CPUUtilization', Timestamps: [t(0), t(5)], Values: [12.5, 14], StatusCode: 'Complete' },
        ],
        Messages: [],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(oneSeries);

      // Assess
      expect(cwMock).toHaveReceivedCommandTimes(GetMetricDataCommand, 1);
      expect(getMetricDataInput(0)).toEqual({
        MetricDataQueries: [
          {
            Id: 'm0',
            ReturnData: true,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/EC2',
                MetricName: 'CPUUtilization',
                Dimensions: [{ Name: 'InstanceId', Value: 'i-0abc123def4567890' }],
              },
              Period: 300,
              Stat: 'Average',
            },
          },
        ],
        StartTime: START,
        EndTime: END,
        ScanBy: 'TimestampAscending',
      });
      expect(getMetricDataInput(0)?.NextToken).toBeUndefined();
      expect(result).toEqual([{ timestamps: [t(0), t(5)], values: [12.5, 14], status: 'Complete', messages: [] }]);
    });

    it('builds one query per series, ids m0 and m1, each with its own dimensions when given two series', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          { Id: 'm0', Timestamps: [t(1)], Values: [42], StatusCode: 'Complete' },
          { Id: 'm1', Timestamps: [t(1)], Values: [7], StatusCode: 'Complete' },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(twoSeries);

      // Assess
      expect(getMetricDataInput(0)).toEqual({
        MetricDataQueries: [
          {
            Id: 'm0',
            ReturnData: true,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/RDS',
                MetricName: 'DatabaseConnections',
                Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'orders-db' }],
              },
              Period: 60,
              Stat: 'Maximum',
            },
          },
          {
            Id: 'm1',
            ReturnData: true,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/RDS',
                MetricName: 'DatabaseConnections',
                Dimensions: [
                  { Name: 'DBClusterIdentifier', Value: 'billing-cluster' },
                  { Name: 'Role', Value: 'WRITER' },
                ],
              },
              Period: 60,
              Stat: 'Maximum',
            },
          },
        ],
        StartTime: START,
        EndTime: END,
        ScanBy: 'TimestampAscending',
      });
      expect(result.map((s) => s.values)).toEqual([[42], [7]]);
    });

    it('follows NextToken and concatenates both pages oldest first when the pages come out of order', async () => {
      // Prepare
      // The first page is answered once only, so a client that dropped the token fails instead of looping forever.
      cwMock
        .on(GetMetricDataCommand)
        .resolvesOnce({
          MetricDataResults: [{ Id: 'm0', Timestamps: [t(30), t(35)], Values: [3, 4], StatusCode: 'PartialData' }],
          NextToken: 'page-2-token',
        })
        .on(GetMetricDataCommand, { NextToken: 'page-2-token' })
        .resolves({
          MetricDataResults: [{ Id: 'm0', Timestamps: [t(0), t(5)], Values: [1, 2], StatusCode: 'Complete' }],
        });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(oneSeries);

      // Assess
      expect(cwMock).toHaveReceivedCommandTimes(GetMetricDataCommand, 2);
      expect(getMetricDataInput(0)?.NextToken).toBeUndefined();
      expect(getMetricDataInput(1)?.NextToken).toBe('page-2-token');
      expect(getMetricDataInput(1)?.MetricDataQueries).toEqual(getMetricDataInput(0)?.MetricDataQueries);
      expect(result).toEqual([
        { timestamps: [t(0), t(5), t(30), t(35)], values: [1, 2, 3, 4], status: 'Complete', messages: [] },
      ]);
    });

    it('keeps each value with its timestamp when sorting interleaved pages', async () => {
      // Prepare
      cwMock
        .on(GetMetricDataCommand)
        .resolvesOnce({
          MetricDataResults: [{ Id: 'm0', Timestamps: [t(10), t(0)], Values: [110, 100], StatusCode: 'PartialData' }],
          NextToken: 'tok',
        })
        .resolvesOnce({
          MetricDataResults: [{ Id: 'm0', Timestamps: [t(5), t(15)], Values: [105, 115], StatusCode: 'Complete' }],
        });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const [series] = await metrics.getMetricData(oneSeries);

      // Assess
      expect(series?.timestamps).toEqual([t(0), t(5), t(10), t(15)]);
      expect(series?.values).toEqual([100, 105, 110, 115]);
    });

    it('maps results to their series by Id when CloudWatch returns them in another order', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          { Id: 'm1', Timestamps: [t(0), t(1)], Values: [200, 201], StatusCode: 'Complete' },
          { Id: 'm0', Timestamps: [t(0), t(1)], Values: [100, 101], StatusCode: 'Complete' },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(twoSeries);

      // Assess
      expect(result).toEqual([
        { timestamps: [t(0), t(1)], values: [100, 101], status: 'Complete', messages: [] },
        { timestamps: [t(0), t(1)], values: [200, 201], status: 'Complete', messages: [] },
      ]);
    });

    it('ignores results whose Id matches no requested series', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          { Id: 'm7', Timestamps: [t(0)], Values: [999], StatusCode: 'Complete' },
          { Id: 'm0', Timestamps: [t(0)], Values: [1], StatusCode: 'Complete' },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(oneSeries);

      // Assess
      expect(result).toEqual([{ timestamps: [t(0)], values: [1], status: 'Complete', messages: [] }]);
    });

    it('maps StatusCode PartialData and the result Messages onto the series', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({
        MetricDataResults: [
          {
            Id: 'm0',
            Timestamps: [t(0)],
            Values: [5],
            StatusCode: 'PartialData',
            Messages: [
              { Code: 'MaxMetricsExceeded', Value: 'The maximum number of datapoints was exceeded.' },
              { Code: 'Other', Value: 'Second message' },
            ],
          },
          { Id: 'm1', Timestamps: [], Values: [], StatusCode: 'Complete' },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const result = await metrics.getMetricData(twoSeries);

      // Assess
      expect(result[0]?.status).toBe('PartialData');
      expect(result[0]?.messages).toEqual(['The maximum number of datapoints was exceeded.', 'Second message']);
      expect(result[1]).toEqual({ timestamps: [], values: [], status: 'Complete', messages: [] });
    });

    it.each(['ThrottlingException', 'Throttling'])(
      'turns an error named %s into DataSourceBusyError with the original as cause',
      async (name) => {
        // Prepare
        const original = awsError(name, 'Rate exceeded');
        cwMock.on(GetMetricDataCommand).rejects(original);
        const metrics = createCloudWatchMetrics(makeClient());

        // Act
        const error = await metrics.getMetricData(oneSeries).catch((e: unknown) => e);

        // Assess
        expect(error).toBeInstanceOf(DataSourceBusyError);
        expect((error as DataSourceBusyError).message).toBe('CloudWatch is busy (throttling requests).');
        expect((error as DataSourceBusyError).expose).toBe(true);
        expect((error as Error).cause).toBe(original);
      },
    );

    it('turns AccessDeniedException into DataSourceAccessError', async () => {
      // Prepare
      const original = awsError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/bot is not authorized to perform: cloudwatch:GetMetricData',
      );
      cwMock.on(GetMetricDataCommand).rejects(original);
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const error = await metrics.getMetricData(oneSeries).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(DataSourceAccessError);
      expect((error as Error).message).toBe("The bot's AWS role may not read that metric.");
      expect((error as Error).cause).toBe(original);
    });

    it("turns InvalidParameterValueException into a rejected request carrying CloudWatch's message, and no command's usage", async () => {
      // Prepare
      const original = awsError('InvalidParameterValueException', 'The parameter Period must be a multiple of 60.');
      cwMock.on(GetMetricDataCommand).rejects(original);
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const error = await metrics.getMetricData(oneSeries).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(RequestRejectedError);
      expect(error).not.toBeInstanceOf(UserInputError);
      expect((error as Error).message).toBe(
        'CloudWatch rejected the query: The parameter Period must be a multiple of 60.',
      );
      expect((error as Error).cause).toBe(original);
    });

    it('passes an unknown error through unchanged', async () => {
      // Prepare
      const original = awsError('InternalServiceFault', 'Something broke inside CloudWatch');
      cwMock.on(GetMetricDataCommand).rejects(original);
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const error = await metrics.getMetricData(oneSeries).catch((e: unknown) => e);

      // Assess
      expect(error).toBe(original);
    });

    it('passes the AbortSignal from options to client.send', async () => {
      // Prepare
      cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
      const metrics = createCloudWatchMetrics(makeClient());
      const controller = new AbortController();

      // Act
      await metrics.getMetricData(oneSeries, { signal: controller.signal });

      // Assess
      expect(sendOptions(0)).toEqual({ abortSignal: controller.signal });
      expect(sendOptions(0)?.abortSignal).toBe(controller.signal);
    });
  });

  describe('listMetrics', () => {
    it('builds ListMetricsCommand with Namespace and MetricName and maps Dimensions to name/value', async () => {
      // Prepare
      cwMock.on(ListMetricsCommand).resolves({
        Metrics: [
          {
            Namespace: 'AWS/EC2',
            MetricName: 'CPUUtilization',
            Dimensions: [{ Name: 'InstanceId', Value: 'i-0abc123def4567890' }],
          },
          {
            Namespace: 'AWS/EC2',
            MetricName: 'CPUUtilization',
            Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }],
          },
          { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [] },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const found = await metrics.listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });

      // Assess
      expect(cwMock).toHaveReceivedCommandTimes(ListMetricsCommand, 1);
      expect(listMetricsInput(0)).toEqual({ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' });
      expect(found).toEqual([
        {
          namespace: 'AWS/EC2',
          metricName: 'CPUUtilization',
          dimensions: [{ name: 'InstanceId', value: 'i-0abc123def4567890' }],
        },
        {
          namespace: 'AWS/EC2',
          metricName: 'CPUUtilization',
          dimensions: [{ name: 'AutoScalingGroupName', value: 'web-asg' }],
        },
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [] },
      ]);
    });

    it('lists every metric of a resource with a Dimensions filter and no MetricName', async () => {
      // Prepare: ListMetrics' DimensionFilter takes Name and Value.
      // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html
      cwMock.on(ListMetricsCommand).resolves({
        Metrics: [
          {
            Namespace: 'AWS/RDS',
            MetricName: 'CPUUtilization',
            Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'billing-1' }],
          },
        ],
      });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const found = await metrics.listMetrics({
        namespace: 'AWS/RDS',
        dimensions: [{ name: 'DBInstanceIdentifier', value: 'billing-1' }],
      });

      // Assess
      expect(listMetricsInput(0)).toEqual({
        Namespace: 'AWS/RDS',
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'billing-1' }],
      });
      expect(listMetricsInput(0)).not.toHaveProperty('MetricName', expect.anything());
      expect(found.map((m) => m.metricName)).toEqual(['CPUUtilization']);
    });

    it('follows NextToken but stops after 3 pages when more pages remain', async () => {
      // Prepare
      const page = (n: number) => ({
        Metrics: [
          {
            Namespace: 'AWS/Lambda',
            MetricName: 'Errors',
            Dimensions: [{ Name: 'FunctionName', Value: `fn-${n}` }],
          },
        ],
        NextToken: `token-${n + 1}`,
      });
      cwMock.on(ListMetricsCommand).resolvesOnce(page(1)).resolvesOnce(page(2)).resolvesOnce(page(3)).resolves(page(4));
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const found = await metrics.listMetrics({ namespace: 'AWS/Lambda', metricName: 'Errors' });

      // Assess
      expect(cwMock).toHaveReceivedCommandTimes(ListMetricsCommand, 3);
      expect(listMetricsInput(0)?.NextToken).toBeUndefined();
      expect(listMetricsInput(1)).toEqual({ Namespace: 'AWS/Lambda', MetricName: 'Errors', NextToken: 'token-2' });
      expect(listMetricsInput(2)).toEqual({ Namespace: 'AWS/Lambda', MetricName: 'Errors', NextToken: 'token-3' });
      expect(found.map((m) => m.dimensions[0]?.value)).toEqual(['fn-1', 'fn-2', 'fn-3']);
    });

    it('stops when a page has no NextToken', async () => {
      // Prepare
      cwMock
        .on(ListMetricsCommand)
        .resolvesOnce({
          Metrics: [
            {
              Namespace: 'AWS/SQS',
              MetricName: 'NumberOfMessagesSent',
              Dimensions: [{ Name: 'QueueName', Value: 'a' }],
            },
          ],
          NextToken: 'next',
        })
        .resolvesOnce({
          Metrics: [
            {
              Namespace: 'AWS/SQS',
              MetricName: 'NumberOfMessagesSent',
              Dimensions: [{ Name: 'QueueName', Value: 'b' }],
            },
          ],
        });
      const metrics = createCloudWatchMetrics(makeClient());

      // Act
      const found = await metrics.listMetrics({ namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent' });

      // Assess
      expect(cwMock).toHaveReceivedCommandTimes(ListMetricsCommand, 2);
      expect(found.map((m) => m.dimensions)).toEqual([
        [{ name: 'QueueName', value: 'a' }],
        [{ name: 'QueueName', value: 'b' }],
      ]);
    });

    it('translates a throttling error and passes the AbortSignal when listing', async () => {
      // Prepare
      cwMock.on(ListMetricsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
      const metrics = createCloudWatchMetrics(makeClient());
      const controller = new AbortController();

      // Act
      const error = await metrics
        .listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }, { signal: controller.signal })
        .catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(DataSourceBusyError);
      expect(sendOptions(0)?.abortSignal).toBe(controller.signal);
    });
  });
});
