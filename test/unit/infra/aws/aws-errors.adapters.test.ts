import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricWidgetImageCommand,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DataSourceAccessError,
  DataSourceBusyError,
  DataSourceCredentialsError,
  DataSourceUnreachableError,
  UserInputError,
} from '../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../handlers/port-errors.ts';
import { createCloudWatchAlarms } from '../../../../infra/aws/cloudwatch-alarms.ts';
import { createCloudWatchLogs } from '../../../../infra/aws/cloudwatch-logs.ts';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';
import { createCloudWatchMetricImage } from '../../../../infra/aws/metric-image.ts';
import { createRdsFleet } from '../../../../infra/aws/rds-fleet.ts';

const cw = mockClient(CloudWatchClient);
const logs = mockClient(CloudWatchLogsClient);
const rds = mockClient(RDSClient);
const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
const window = { start: new Date('2026-12-02T05:00:00Z'), end: new Date('2026-12-02T06:00:00Z') };
const series = [{ namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions: [], stat: 'Average' }];

/** Every user-facing AWS adapter, each failing its first call with `error`. */
const ADAPTERS: { name: string; service: string; fail: (error: Error) => Promise<unknown> }[] = [
  {
    name: 'cloudwatch-metrics',
    service: 'CloudWatch',
    fail: (error) => {
      cw.on(GetMetricDataCommand).rejects(error);
      return createCloudWatchMetrics(new CloudWatchClient({ region: 'eu-west-1', credentials })).getMetricData({
        series,
        periodSeconds: 60,
        ...window,
      });
    },
  },
  {
    name: 'metric-image',
    service: 'CloudWatch',
    fail: (error) => {
      cw.on(GetMetricWidgetImageCommand).rejects(error);
      return createCloudWatchMetricImage(
        new CloudWatchClient({ region: 'eu-west-1', credentials }),
        'eu-west-1',
      ).getMetricImage({ series, periodSeconds: 60, ...window, title: 't', width: 400, height: 200 });
    },
  },
  {
    name: 'cloudwatch-alarms',
    service: 'CloudWatch',
    fail: (error) => {
      cw.on(DescribeAlarmsCommand).rejects(error);
      return createCloudWatchAlarms(new CloudWatchClient({ region: 'eu-west-1', credentials })).describeAlarms({});
    },
  },
  {
    name: 'cloudwatch-logs',
    service: 'CloudWatch Logs',
    fail: (error) => {
      logs.on(StartQueryCommand).rejects(error);
      return createCloudWatchLogs(new CloudWatchLogsClient({ region: 'eu-west-1', credentials })).startQuery({
        logGroupNames: ['/aws/lambda/checkout-api'],
        queryString: 'fields @message',
        ...window,
      });
    },
  },
  {
    name: 'rds-fleet',
    service: 'RDS',
    fail: (error) => {
      rds.on(DescribeDBInstancesCommand).rejects(error);
      return createRdsFleet(new RDSClient({ region: 'eu-west-1', credentials })).describeInstances();
    },
  },
];

/** An error as the SDK throws one: its name is the error code, `$retryable` set when the SDK retried it. */
function sdkError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}

beforeEach(() => {
  cw.reset();
  logs.reset();
  rds.reset();
});

/**
 * One translation for every adapter (infra/aws/aws-errors.ts): a new adapter, or one that drifts to
 * its own list, fails here. Names from https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html.
 */
describe.each(ADAPTERS)('infra/aws/$name translates AWS errors as every adapter does', ({ service, fail }) => {
  it('says busy for a throttling error known only by the SDK’s $retryable mark', async () => {
    const error = sdkError('SlowDown', 'Please reduce your request rate.', { $retryable: { throttling: true } });
    const thrown = await fail(error).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(DataSourceBusyError);
    expect((thrown as Error).message).toBe(`${service} is busy (throttling requests).`);
    expect((thrown as Error).cause).toBe(error);
  });

  it.each(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'])(
    'says busy for %s',
    async (name) => {
      await expect(fail(sdkError(name, 'Rate exceeded'))).rejects.toBeInstanceOf(DataSourceBusyError);
    },
  );

  it('says the role may not, never the ARN in AWS’s message', async () => {
    const thrown = await fail(
      sdkError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/cw-chatops/fn is not authorized to perform this action',
      ),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(DataSourceAccessError);
    expect((thrown as Error).message).toMatch(/^The bot's AWS role may not /);
    expect((thrown as Error).message).not.toMatch(/arn:|123456789012/);
  });

  it('names expired credentials and what to do', async () => {
    const thrown = await fail(
      sdkError('ExpiredTokenException', 'The security token included in the request is expired'),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(DataSourceCredentialsError);
    expect((thrown as Error).message).toBe(
      'AWS rejected the credentials (expired token) — run `aws sso login` or check AWS_PROFILE.',
    );
  });

  it('says it could not reach the service in its region for a network error', async () => {
    const network = Object.assign(new Error('getaddrinfo ENOTFOUND example.invalid'), {
      code: 'ENOTFOUND',
      hostname: 'example.invalid',
    });
    const thrown = await fail(network).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(DataSourceUnreachableError);
    expect((thrown as Error).message).toBe(
      `Could not reach ${service} in eu-west-1 (host not found: example.invalid). Check your network/VPN or AWS_ENDPOINT_URL.`,
    );
  });

  it('refuses a bad parameter as the request as written, with no command’s usage', async () => {
    const thrown = await fail(sdkError('InvalidParameterValue', 'The value -1 for parameter X is not valid.')).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(RequestRejectedError);
    expect(thrown).not.toBeInstanceOf(UserInputError);
    expect((thrown as Error).message).toMatch(
      new RegExp(`^${service} rejected the \\w+: The value -1 for parameter X is not valid\\.$`),
    );
  });

  it('passes an error it does not know through, unexposed', async () => {
    const unknown = sdkError(
      'InternalFailure',
      'arn:aws:rds:eu-west-1:123456789012:db:orders failed at /var/task/x.js',
    );
    await expect(fail(unknown)).rejects.toBe(unknown);
  });
});
