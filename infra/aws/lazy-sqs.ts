import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter, RelayLogger, RetryLater } from '../../handlers/alarm-relay/ports.ts';
import { memoizeRetrying } from '../memoize-retrying.ts';
import { awsClients } from './clients.ts';

/**
 * The relay's two SQS uses, loaded on their first call: only an invalid event, a refused channel or a
 * failed message needs them, so the SQS client stays off the cold start of every alarm that posts.
 */
function lazyClient(region: string): () => Promise<SQSClient> {
  return awsClients(region).sqs;
}

/** The dead-letter queue (`ALARM_DLQ_URL`); without one, the event is logged and dropped (local runs). */
export function lazySqsDeadLetter(region: string, queueUrl: string | undefined, logger: RelayLogger): DeadLetter {
  if (!queueUrl) {
    return async (_event, problems) =>
      logger.warn('ALARM_DLQ_URL is not set; dropping the invalid event', { problems });
  }
  const client = lazyClient(region);
  const adapter = memoizeRetrying(async () =>
    (await import('./dead-letter.ts')).createSqsDeadLetter(await client(), queueUrl),
  );
  return async (event, problems, code) => (await adapter())(event, problems, code);
}

/** Retry backoff on the alarm queue (`ALARM_QUEUE_URL`); `undefined` without one (the queue's timeout applies). */
export function lazySqsRetryLater(region: string, queueUrl: string | undefined): RetryLater | undefined {
  if (!queueUrl) return undefined;
  const client = lazyClient(region);
  const adapter = memoizeRetrying(async () =>
    (await import('./queue-visibility.ts')).createSqsRetryLater(await client(), queueUrl),
  );
  return async (messages) => (await adapter())(messages);
}
