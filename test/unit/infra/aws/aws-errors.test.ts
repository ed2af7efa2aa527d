import {
  CloudWatchClient,
  CloudWatchServiceException,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricWidgetImageCommand,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CloudWatchLogsServiceException,
  DescribeQueryDefinitionsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeDBInstancesCommand, RDSClient, RDSServiceException } from '@aws-sdk/client-rds';
import { CredentialsProviderError } from '@smithy/core/config';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorMessage } from '../../../../handlers/error-message.ts';
import {
  asError,
  DataSourceAccessError,
  DataSourceCredentialsError,
  DataSourceUnreachableError,
} from '../../../../handlers/errors.ts';
import { createCloudWatchAlarms } from '../../../../infra/aws/cloudwatch-alarms.ts';
import { createCloudWatchLogs } from '../../../../infra/aws/cloudwatch-logs.ts';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';
import { createCloudWatchMetricImage } from '../../../../infra/aws/metric-image.ts';
import { createRdsFleet } from '../../../../infra/aws/rds-fleet.ts';

const cloudWatchMock = mockClient(CloudWatchClient);
const logsMock = mockClient(CloudWatchLogsClient);
const rdsMock = mockClient(RDSClient);

const REGION = 'eu-west-3';
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

/** What each protocol's deserializer throws for a service error: name, fault, $metadata (SDK v3 shape). */
type ServiceError = (name: string, message: string, status: number) => Error;
const metadata = (status: number) => ({ httpStatusCode: status, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 });
const cloudWatchError: ServiceError = (name, message, status) =>
  new CloudWatchServiceException({ name, $fault: 'client', $metadata: metadata(status), message });
const logsError: ServiceError = (name, message, status) =>
  new CloudWatchLogsServiceException({ name, $fault: 'client', $metadata: metadata(status), message });
const rdsError: ServiceError = (name, message, status) =>
  new RDSServiceException({ name, $fault: 'client', $metadata: metadata(status), message });

/** Node's own socket errors as @smithy/node-http-handler passes them on, with the retry middleware's $metadata. */
function socketError(message: string, fields: Record<string, unknown>, name = 'Error'): Error {
  const error = Object.assign(new Error(message), fields, { $metadata: { attempts: 3, totalRetryDelay: 412 } });
  error.name = name;
  return error;
}
const refused = () =>
  socketError('connect ECONNREFUSED 127.0.0.1:4566', {
    code: 'ECONNREFUSED',
    errno: -111,
    syscall: 'connect',
    address: '127.0.0.1',
    port: 4566,
  });
const notFound = () =>
  socketError('getaddrinfo ENOTFOUND monitoring.eu-west-3.amazonaws.com', {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname: 'monitoring.eu-west-3.amazonaws.com',
  });
// node-http-handler renames ECONNRESET/EPIPE/ETIMEDOUT errors to TimeoutError, keeping the code.
const reset = () =>
  socketError('read ECONNRESET', { code: 'ECONNRESET', errno: -104, syscall: 'read' }, 'TimeoutError');
const requestTimeout = () => socketError('Connection timed out after 1000 ms', {}, 'TimeoutError');
// Node tries IPv6 and IPv4 for localhost and reports both.
const bothRefused = () => {
  const error = new AggregateError(
    [
      Object.assign(new Error('connect ECONNREFUSED ::1:4566'), { code: 'ECONNREFUSED', address: '::1', port: 4566 }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), {
        code: 'ECONNREFUSED',
        address: '127.0.0.1',
        port: 4566,
      }),
    ],
    '',
  );
  return Object.assign(error, { code: 'ECONNREFUSED' });
};

interface Adapter {
  name: string;
  service: string;
  serviceError: ServiceError;
  /** Makes the adapter's SDK call reject with `error` and returns the call. */
  failWith: (error: Error) => () => Promise<unknown>;
}

const cloudWatchClient = () => new CloudWatchClient({ region: REGION, credentials });
const series = {
  series: [{ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [], stat: 'Average' }],
  start: new Date('2026-11-25T10:00:00Z'),
  end: new Date('2026-11-25T11:00:00Z'),
  periodSeconds: 60,
};

const ADAPTERS: Adapter[] = [
  {
    name: 'cloudwatch-metrics getMetricData',
    service: 'CloudWatch',
    serviceError: cloudWatchError,
    failWith: (error) => {
      cloudWatchMock.on(GetMetricDataCommand).rejects(error);
      return () => createCloudWatchMetrics(cloudWatchClient()).getMetricData(series);
    },
  },
  {
    name: 'cloudwatch-metrics listMetrics',
    service: 'CloudWatch',
    serviceError: cloudWatchError,
    failWith: (error) => {
      cloudWatchMock.on(ListMetricsCommand).rejects(error);
      return () =>
        createCloudWatchMetrics(cloudWatchClient()).listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });
    },
  },
  {
    name: 'cloudwatch-alarms',
    service: 'CloudWatch',
    serviceError: cloudWatchError,
    failWith: (error) => {
      cloudWatchMock.on(DescribeAlarmsCommand).rejects(error);
      return () => createCloudWatchAlarms(cloudWatchClient()).describeAlarms({});
    },
  },
  {
    name: 'metric-image',
    service: 'CloudWatch',
    serviceError: cloudWatchError,
    failWith: (error) => {
      cloudWatchMock.on(GetMetricWidgetImageCommand).rejects(error);
      return () =>
        createCloudWatchMetricImage(cloudWatchClient(), REGION).getMetricImage({
          ...series,
          title: 'CPU',
        } as Parameters<ReturnType<typeof createCloudWatchMetricImage>['getMetricImage']>[0]);
    },
  },
  {
    name: 'cloudwatch-logs startQuery',
    service: 'CloudWatch Logs',
    serviceError: logsError,
    failWith: (error) => {
      logsMock.on(StartQueryCommand).rejects(error);
      return () =>
        createCloudWatchLogs(new CloudWatchLogsClient({ region: REGION, credentials })).startQuery({
          logGroupNames: ['/aws/lambda/checkout-api'],
          start: series.start,
          end: series.end,
          queryString: 'fields @message',
        });
    },
  },
  {
    name: 'cloudwatch-logs listSavedQueries',
    service: 'CloudWatch Logs',
    serviceError: logsError,
    failWith: (error) => {
      logsMock.on(DescribeQueryDefinitionsCommand).rejects(error);
      return () => createCloudWatchLogs(new CloudWatchLogsClient({ region: REGION, credentials })).listSavedQueries();
    },
  },
  {
    name: 'rds-fleet',
    service: 'RDS',
    serviceError: rdsError,
    failWith: (error) => {
      rdsMock.on(DescribeDBInstancesCommand).rejects(error);
      return () => createRdsFleet(new RDSClient({ region: REGION, credentials })).describeInstances();
    },
  },
];

async function failure(call: () => Promise<unknown>): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return asError(error);
  }
  throw new Error('the call succeeded');
}

/** The text a user reads for the error. */
const shown = (error: Error) => JSON.stringify(errorMessage(error, 'ref-1'));

describe('infra/aws/aws-errors (every adapter)', () => {
  beforeEach(() => {
    cloudWatchMock.reset();
    logsMock.reset();
    rdsMock.reset();
  });

  describe.each(ADAPTERS)('$name', (adapter) => {
    it.each([
      ['ECONNREFUSED', refused, '(connection refused by 127.0.0.1:4566)'],
      ['ECONNREFUSED on IPv6 and IPv4', bothRefused, '(connection refused by ::1:4566)'],
      ['ENOTFOUND', notFound, '(host not found: monitoring.eu-west-3.amazonaws.com)'],
      ['ECONNRESET (as TimeoutError)', reset, '(connection reset)'],
      ['the SDK request timeout', requestTimeout, '(timed out)'],
    ])('says %s is a network problem, with the region', async (_, make, reason) => {
      // Act
      const error = await failure(adapter.failWith(make()));

      // Assess
      expect(error).toBeInstanceOf(DataSourceUnreachableError);
      expect(error.message).toBe(
        `Could not reach ${adapter.service} in ${REGION} ${reason}. Check your network/VPN or AWS_ENDPOINT_URL.`,
      );
      expect(shown(error)).toContain(`Could not reach ${adapter.service} in ${REGION}`);
      expect(shown(error)).not.toContain('Something went wrong');
    });

    it.each([
      ['ExpiredTokenException', 'The security token included in the request is expired', 403, 'expired token'],
      ['ExpiredToken', 'The security token included in the request is expired', 403, 'expired token'],
      [
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        400,
        'unknown access key',
      ],
      ['InvalidClientTokenId', 'The security token included in the request is invalid.', 403, 'unknown access key'],
      [
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided.',
        400,
        'signature mismatch',
      ],
    ])('says AWS rejected the credentials for %s', async (name, message, status, reason) => {
      // Act
      const error = await failure(adapter.failWith(adapter.serviceError(name, message, status)));

      // Assess
      expect(error).toBeInstanceOf(DataSourceCredentialsError);
      expect(error.message).toMatch(/^AWS rejected the credentials \(/);
      expect(error.message).toContain(reason);
      expect(error.message).toContain('run `aws sso login` or check AWS_PROFILE');
      expect(shown(error)).not.toContain('Something went wrong');
    });

    it('says no credentials were found when the provider chain has none', async () => {
      // Act
      const error = await failure(
        adapter.failWith(new CredentialsProviderError('Could not load credentials from any providers', false)),
      );

      // Assess
      expect(error).toBeInstanceOf(DataSourceCredentialsError);
      expect(error.message).toBe('No usable AWS credentials (none found) — run `aws sso login` or check AWS_PROFILE.');
    });

    it('points at the clock, not the credentials, for RequestExpired', async () => {
      const error = await failure(
        adapter.failWith(adapter.serviceError('RequestExpired', 'Request has expired.', 400)),
      );
      expect(error).toBeInstanceOf(DataSourceCredentialsError);
      expect(error.message).toContain("this machine's clock is more than 15 minutes off");
      expect(error.message).not.toContain('aws sso login');
    });

    it('keeps AccessDeniedException an access error', async () => {
      const error = await failure(
        adapter.failWith(
          adapter.serviceError('AccessDeniedException', 'User: arn:aws:sts::1:x is not authorized', 400),
        ),
      );
      expect(error).toBeInstanceOf(DataSourceAccessError);
      expect(error.message).toMatch(/^The bot's AWS role may not /);
    });

    it('lets an error it does not know through, unexposed', async () => {
      const error = await failure(adapter.failWith(adapter.serviceError('InternalFailure', 'boom', 500)));
      expect(error.name).toBe('InternalFailure');
      expect(shown(error)).toContain('Something went wrong');
    });
  });
});
