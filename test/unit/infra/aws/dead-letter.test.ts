import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqsDeadLetter } from '../../../../infra/aws/dead-letter.ts';

const sqsMock = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-alarm-relay-dlq';
const client = () => new SQSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

describe('infra/aws/dead-letter', () => {
  beforeEach(() => {
    sqsMock.reset();
  });

  it('sends the event as received, with why, like Lambda’s own dead-letter messages', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    const event = { id: 'e-1', 'detail-type': 'Nope', detail: {} };

    // Act
    await createSqsDeadLetter(client(), QUEUE_URL)(event, ['detail-type must be …', 'detail.alarmName is missing']);

    // Assess
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: QUEUE_URL,
      MessageBody: JSON.stringify(event),
      MessageAttributes: {
        ErrorCode: { DataType: 'String', StringValue: 'InvalidAlarmEvent' },
        ErrorMessage: { DataType: 'String', StringValue: 'detail-type must be …; detail.alarmName is missing' },
        EventId: { DataType: 'String', StringValue: 'e-1' },
      },
    });
  });

  it('marks a valid alarm no channel would take as ChannelRefused, not as an invalid event', async () => {
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-2' });
    await createSqsDeadLetter(client(), QUEUE_URL)({ id: 'e-2' }, ['C0A answered is_archived'], 'ChannelRefused');
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      MessageAttributes: expect.objectContaining({ ErrorCode: { DataType: 'String', StringValue: 'ChannelRefused' } }),
    });
  });

  it('throws when SQS refuses, so Lambda retries and its own DLQ keeps the event', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('AccessDenied'));
    await expect(createSqsDeadLetter(client(), QUEUE_URL)('garbage', ['not an object'])).rejects.toThrow(
      'AccessDenied',
    );
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      MessageBody: '"garbage"',
      MessageAttributes: expect.objectContaining({ EventId: { DataType: 'String', StringValue: 'none' } }),
    });
  });
});
