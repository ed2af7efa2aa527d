import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter } from '../../handlers/alarm-relay/ports.ts';

/** SQS's limit on a message attribute's value we keep well under, so the send itself never fails on size. */
const MAX_ERROR_MESSAGE = 1000;

/**
 * Sends an event the relay cannot handle to the same SQS queue Lambda uses as the function's
 * dead-letter queue. The body is the event exactly as received, as in Lambda's own DLQ messages, so
 * one redrive procedure serves both; the attributes say why, like Lambda's `ErrorCode`/`ErrorMessage`.
 */
export function createSqsDeadLetter(client: SQSClient, queueUrl: string): DeadLetter {
  return async (event, problems, code = 'InvalidAlarmEvent') => {
    const id = typeof (event as { id?: unknown })?.id === 'string' ? String((event as { id: string }).id) : 'none';
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(event) ?? 'null',
        MessageAttributes: {
          ErrorCode: { DataType: 'String', StringValue: code },
          ErrorMessage: {
            DataType: 'String',
            StringValue: problems.join('; ').slice(0, MAX_ERROR_MESSAGE) || 'invalid',
          },
          EventId: { DataType: 'String', StringValue: id },
        },
      }),
    );
  };
}
