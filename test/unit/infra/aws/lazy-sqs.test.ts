import { ChangeMessageVisibilityBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazySqsDeadLetter, lazySqsRetryLater } from '../../../../infra/aws/lazy-sqs.ts';

const sqsMock = mockClient(SQSClient);
const DLQ = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-dev-alarm-dlq';
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-dev-alarm-events';
const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('infra/aws/lazy-sqs', () => {
  beforeEach(() => {
    sqsMock.reset();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'x');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'y');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('sends dead letters to the queue it is given', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });

    // Act
    await lazySqsDeadLetter('us-east-1', DLQ, logger())({ id: 'e-1' }, ['bad'], 'InvalidAlarmEvent');

    // Assess
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, { QueueUrl: DLQ, MessageBody: '{"id":"e-1"}' });
  });

  it('without a dead-letter queue, logs the problems and sends nothing', async () => {
    // Prepare
    const log = logger();

    // Act
    await lazySqsDeadLetter('us-east-1', undefined, log)({ id: 'e-2' }, ['no id']);

    // Assess
    expect(log.warn).toHaveBeenCalledWith('ALARM_DLQ_URL is not set; dropping the invalid event', {
      problems: ['no id'],
    });
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageCommand, 0);
  });

  it('sets retry delays on the alarm queue, and has no backoff without one', async () => {
    // Prepare
    sqsMock.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [{ Id: '0' }], Failed: [] });

    // Act
    await lazySqsRetryLater('us-east-1', QUEUE)?.([{ receiptHandle: 'AQEB0', delaySeconds: 30 }]);

    // Assess
    expect(sqsMock).toHaveReceivedCommandWith(ChangeMessageVisibilityBatchCommand, {
      QueueUrl: QUEUE,
      Entries: [{ Id: '0', ReceiptHandle: 'AQEB0', VisibilityTimeout: 30 }],
    });
    expect(lazySqsRetryLater('us-east-1', undefined)).toBeUndefined();
  });
});
