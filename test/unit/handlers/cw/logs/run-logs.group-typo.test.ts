import { CloudWatchLogsClient, DescribeLogGroupsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { runLogsQuery } from '../../../../../handlers/cw/logs/run-logs.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { createCloudWatchLogs } from '../../../../../infra/aws/cloudwatch-logs.ts';
import { runOnDemo } from '../../../../fixtures/demo-logs-run.ts';
import { fakeTime } from '../../../../fixtures/logs.ts';

const failure = (promise: Promise<unknown>) =>
  promise.then(() => new Error('expected a refusal')).catch((e: unknown) => e);

describe('handlers/cw/logs/run-logs: a log group that does not exist, with the one meant', () => {
  it.each([
    ['/aws/lambda/checkout-apii', '/aws/lambda/checkout-api'],
    ['/aws/lambda/chekout-api', '/aws/lambda/checkout-api'],
    ['/aws/lambda/image-resizr', '/aws/lambda/image-resizer'],
    ['/ecs/public-wbe', '/ecs/public-web'],
  ])('demo: `%s` suggests `%s`', async (typed, meant) => {
    // Act
    const error = await failure(runOnDemo(`${typed} --since 1h`));

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    const { message } = error as UserInputError;
    expect(message).toContain(`\`${typed}\` does not exist`);
    expect(message).toContain(`Did you mean \`${meant}\`?`);
  });

  it('suggests only what the allowlist lets the bot read', async () => {
    const error = await failure(
      runOnDemo('/aws/lambda/checkout-apii --since 1h', {
        allowed: ['/aws/lambda/image-*', '/aws/lambda/checkout-apii'],
      }),
    );
    expect((error as Error).message).toMatch(/does not exist/);
    expect((error as Error).message).not.toMatch(/Did you mean/);
  });

  it('says no more than "does not exist" when nothing is close', async () => {
    const error = await failure(runOnDemo('/aws/lambda/payments --since 1h'));
    expect((error as Error).message).toMatch(/`\/aws\/lambda\/payments` does not exist/);
    expect((error as Error).message).not.toMatch(/Did you mean/);
  });
});

describe('handlers/cw/logs/run-logs with the CloudWatch Logs adapter: StartQuery ResourceNotFoundException', () => {
  const logsMock = mockClient(CloudWatchLogsClient);
  beforeEach(() => logsMock.reset());

  it('names the group AWS names and the one DescribeLogGroups has a typo away', async () => {
    // Prepare
    const notFound = Object.assign(
      // StartQuery's own words (https://github.com/lumigo-io/lumigo-CLI/issues/79).
      new Error("Log group '/aws/lambda/checkout-apii' does not exist for account ID '123456789012'"),
      { name: 'ResourceNotFoundException', $fault: 'client', $metadata: {} },
    );
    logsMock.on(StartQueryCommand).rejects(notFound);
    logsMock.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: '/aws/lambda/checkout-api' }, { logGroupName: '/aws/lambda/image-resizer' }],
    });
    const time = fakeTime();
    const client = new CloudWatchLogsClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });

    // Act
    const error = await failure(
      runLogsQuery(
        {
          logs: createCloudWatchLogs(client),
          region: 'us-east-1',
          logsPolicy: { allowed: ['/aws/lambda/*'], maxRangeSeconds: 86_400, pricePerGb: 0.005 },
          now: time.now,
          sleep: time.sleep,
        },
        parseLogsQuery('/aws/lambda/checkout-apii --since 1h'),
        {},
      ),
    );

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    const { message } = error as UserInputError;
    expect(message).toContain('`/aws/lambda/checkout-apii` does not exist');
    expect(message).toContain('Did you mean `/aws/lambda/checkout-api`?');
    expect(message).not.toContain('123456789012');
    expect(logsMock).toHaveReceivedCommandWith(DescribeLogGroupsCommand, { logGroupNamePrefix: '/aws/lambda/' });
  });
});
