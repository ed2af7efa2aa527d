import { asError } from '../errors.ts';
import { type RelayDeps, type RelayResult, relayAlarm } from './relay.ts';

/** One SQS message of the alarm queue: its body is the EventBridge event as the rule delivered it. */
export interface QueuedEvent {
  messageId: string;
  body: string;
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
  deps: RelayDeps,
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
  const batchItemFailures = settled.flatMap((s, i) => {
    if (s.status === 'fulfilled') return [];
    const itemIdentifier = messages[i]?.messageId ?? '';
    deps.logger.warn('Alarm event returned to the queue for a retry', {
      messageId: itemIdentifier,
      error: asError(s.reason).message,
    });
    return [{ itemIdentifier }];
  });
  return { batchItemFailures, results: settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) };
}
