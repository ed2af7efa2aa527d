import { asError } from '../errors.ts';
import type { RetryLater } from './ports.ts';
import { type RelayDeps, type RelayResult, relayAlarm } from './relay.ts';

/** One SQS message of the alarm queue: its body is the EventBridge event as the rule delivered it. */
export interface QueuedEvent {
  messageId: string;
  body: string;
  /** For ChangeMessageVisibility: a failed message's next delivery is set from it. */
  receiptHandle?: string;
  /** SQS's `ApproximateReceiveCount`: 1 on the first delivery. */
  receiveCount?: number;
}

/**
 * When a failed message comes back: 15 s after its first delivery, doubling per receive, at most the
 * queue's visibility timeout. The relay has already retried Slack within the invocation (a few
 * seconds of backoff); a failure left after that is an outage or a rate limit, which minutes fix, not
 * milliseconds. With the queue's `maxReceiveCount` of 30 that is about 2.5 hours before the
 * dead-letter queue (README, "Nothing lost").
 */
export const RETRY_POLICY = { firstDelaySeconds: 15, maxDelaySeconds: 360 };

export function retryDelaySeconds(receiveCount: number, policy = RETRY_POLICY): number {
  const doublings = Math.min(Math.max(0, receiveCount - 1), 30);
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** doublings);
}

/** Lambda's partial batch response (`ReportBatchItemFailures`): only these messages are received again. */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * A batch of alarm events from the queue, relayed together: every event at once, so a storm's digest
 * entries are appended before its first render and one render shows them all, instead of each
 * invocation waiting for a digest to show its one alarm. A message whose relay throws (Slack down,
 * a store error) is reported as failed and comes back after the queue's visibility timeout; after
 * `maxReceiveCount` receives the queue's redrive policy moves it to the dead-letter queue. A body that
 * is not JSON cannot improve with retries: it goes to the dead-letter queue at once.
 */
export async function relayBatch(
  deps: RelayDeps & { retryLater?: RetryLater },
  messages: QueuedEvent[],
): Promise<BatchResponse & { results: (RelayResult | undefined)[] }> {
  const settled = await Promise.allSettled(
    messages.map(async (message) => {
      let event: unknown;
      try {
        event = JSON.parse(message.body);
      } catch {
        const problems = ['the queue message body is not JSON'];
        deps.logger.error('Invalid alarm event; sending it to the dead-letter queue', {
          messageId: message.messageId,
          problems,
        });
        await deps.deadLetter(message.body, problems);
        return { outcome: 'invalid', problems } satisfies RelayResult;
      }
      return relayAlarm(deps, event);
    }),
  );
  const failed = settled.flatMap((s, i) => {
    const message = messages[i];
    if (s.status === 'fulfilled' || !message) return [];
    const delaySeconds = retryDelaySeconds(message.receiveCount ?? 1);
    deps.logger.warn('Alarm event returned to the queue for a retry', {
      messageId: message.messageId,
      retryInSeconds: delaySeconds,
      error: asError(s.reason).message,
    });
    return [{ message, delaySeconds }];
  });
  const later = failed.flatMap(({ message, delaySeconds }) =>
    message.receiptHandle ? [{ receiptHandle: message.receiptHandle, delaySeconds }] : [],
  );
  if (deps.retryLater && later.length > 0) {
    await deps.retryLater(later).catch((error: unknown) => {
      deps.logger.warn('Could not shorten the retry delay; the queue’s visibility timeout applies', {
        error: asError(error).message,
      });
    });
  }
  return {
    batchItemFailures: failed.map(({ message }) => ({ itemIdentifier: message.messageId })),
    results: settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)),
  };
}
