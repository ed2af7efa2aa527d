import { ChangeMessageVisibilityBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqsRetryLater } from '../../../../infra/aws/queue-visibility.ts';

const sqsMock = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-dev-alarm-events';
const client = () => new SQSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

describe('infra/aws/queue-visibility', () => {
  beforeEach(() => {
    sqsMock.reset();
  });

  it('sets each message’s visibility to its delay, ten entries per call as SQS allows', async () => {
    // Prepare
    sqsMock.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    const messages = Array.from({ length: 12 }, (_, i) => ({ receiptHandle: `AQEB${i}`, delaySeconds: 15 * (i + 1) }));

    // Act
    await createSqsRetryLater(client(), QUEUE_URL)(messages);

    // Assess
    expect(sqsMock).toHaveReceivedCommandTimes(ChangeMessageVisibilityBatchCommand, 2);
    const calls = sqsMock.commandCalls(ChangeMessageVisibilityBatchCommand).map((c) => c.args[0].input);
    expect(calls[0]?.Entries).toHaveLength(10);
    expect(calls[1]).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [
        { Id: '10', ReceiptHandle: 'AQEB10', VisibilityTimeout: 165 },
        { Id: '11', ReceiptHandle: 'AQEB11', VisibilityTimeout: 180 },
      ],
    });
  });

  it('reports the entries SQS refused in one error, after changing the others', async () => {
    // Prepare: the shape of a batch answer with a failed entry (SQS API reference, ChangeMessageVisibilityBatch).
    sqsMock.on(ChangeMessageVisibilityBatchCommand).resolves({
      Successful: [{ Id: '0' }],
      Failed: [
        { Id: '1', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The receipt handle has expired' },
      ],
    });

    // Act
    const call = createSqsRetryLater(
      client(),
      QUEUE_URL,
    )([
      { receiptHandle: 'AQEB0', delaySeconds: 15 },
      { receiptHandle: 'AQEB1', delaySeconds: 15 },
    ]);

    // Assess
    await expect(call).rejects.toThrow(/ReceiptHandleIsInvalid: The receipt handle has expired/);
    expect(sqsMock).toHaveReceivedCommandTimes(ChangeMessageVisibilityBatchCommand, 1);
  });
});
