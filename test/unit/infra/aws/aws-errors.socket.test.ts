import { createServer } from 'node:net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../../handlers/error-message.ts';
import { DataSourceUnreachableError } from '../../../../handlers/errors.ts';
import { createCloudWatchMetrics } from '../../../../infra/aws/cloudwatch-metrics.ts';

/** A local port nobody listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('infra/aws/aws-errors with a real socket', () => {
  it('says CloudWatch could not be reached when AWS_ENDPOINT_URL points at nothing', async () => {
    // Prepare: what a laptop with a stale endpoint (a stopped LocalStack) gets, no mock in between.
    const port = await closedPort();
    const client = new CloudWatchClient({
      region: 'us-west-2',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });

    // Act
    const error = await createCloudWatchMetrics(client)
      .listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    // Assess
    expect(error).toBeInstanceOf(DataSourceUnreachableError);
    expect((error as Error).message).toBe(
      `Could not reach CloudWatch in us-west-2 (connection refused by 127.0.0.1:${port}). Check your network/VPN or AWS_ENDPOINT_URL.`,
    );
    expect(errorMessage(error as Error, 'ref').text).toMatch(/^:electric_plug: Could not reach CloudWatch/);
  });
});
