import { ChangeMessageVisibilityBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RetryLater } from '../../handlers/alarm-relay/ports.ts';

/** ChangeMessageVisibilityBatch takes at most ten entries per call. */
const BATCH = 10;

/**
 * Sets each failed message's visibility timeout to its retry delay (ChangeMessageVisibilityBatch on
 * the alarm queue), so it is received again then rather than after the queue's timeout. Entries SQS
 * refuses (a receipt handle that expired) are reported in one error; the rest are changed.
 */
export function createSqsRetryLater(client: SQSClient, queueUrl: string): RetryLater {
  return async (messages) => {
    const refused: string[] = [];
    for (let i = 0; i < messages.length; i += BATCH) {
      const chunk = messages.slice(i, i + BATCH);
      const result = await client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((m, j) => ({
            Id: String(i + j),
            ReceiptHandle: m.receiptHandle,
            VisibilityTimeout: m.delaySeconds,
          })),
        }),
      );
      for (const failure of result.Failed ?? []) refused.push(`${failure.Code ?? 'error'}: ${failure.Message ?? ''}`);
    }
    if (refused.length > 0) throw new Error(`SQS did not change ${refused.length} visibility: ${refused.join('; ')}`);
  };
}
