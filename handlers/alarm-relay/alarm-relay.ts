import type { FilesPort, MetricImagePort } from '../ports.ts';
import type { AlarmStore, DeadLetter, RelayLogger, RetryLater, SlackPoster } from './ports.ts';
import { type RelayDeps, type RelayResult, relayAlarm } from './relay.ts';
import { type BatchResponse, type QueuedEvent, relayBatch } from './relay-batch.ts';
import type { AlarmRouting } from './routes.ts';

/** Kept back from the Lambda timeout so a failure is thrown (and retried) rather than timed out. */
export const RESERVE_MS = 5000;

/** The Slack side of one invocation: its bot token may change between invocations (rotation). */
export interface SlackForInvocation {
  poster: SlackPoster;
  /** `undefined` without a token: no graph is posted. */
  files: FilesPort | undefined;
}

export interface AlarmRelayDeps {
  routing: AlarmRouting;
  store: AlarmStore;
  deadLetter: DeadLetter;
  logger: RelayLogger & { appendKeys?: (keys: Record<string, string>) => void };
  /** Slack for the invocation's bot token; no call starts after `deadlineMs`. */
  slack: (botToken: string | undefined, deadlineMs: number) => SlackForInvocation;
  images: MetricImagePort;
  /** Failed queue messages come back after a backoff instead of the queue's visibility timeout. */
  retryLater?: RetryLater;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What Lambda tells an invocation that the relay needs. */
export interface RelayInvocation {
  botToken: string | undefined;
  remainingTimeMs: number;
}

/** The SQS record fields the relay reads (docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). */
interface SqsRecord {
  messageId: string;
  receiptHandle?: string;
  body: string;
  eventSource: string;
  attributes?: { ApproximateReceiveCount?: string };
}

const isQueueBatch = (event: unknown): event is { Records: SqsRecord[] } =>
  Array.isArray((event as { Records?: unknown } | null)?.Records) &&
  (event as { Records: { eventSource?: unknown }[] }).Records.every((r) => r?.eventSource === 'aws:sqs');

function queuedEvent(record: SqsRecord): QueuedEvent {
  const count = Number(record.attributes?.ApproximateReceiveCount);
  return {
    messageId: record.messageId,
    body: record.body,
    ...(record.receiptHandle ? { receiptHandle: record.receiptHandle } : {}),
    ...(Number.isInteger(count) && count > 0 ? { receiveCount: count } : {}),
  };
}

/** The alarm name and event id as log keys, read leniently: invalid events are logged too. */
function logKeys(event: unknown) {
  const e = event as { id?: unknown; detail?: { alarmName?: unknown } } | null;
  return { eventId: String(e?.id ?? 'none'), alarmName: String(e?.detail?.alarmName ?? 'none') };
}

/**
 * The alarm relay as one function of an invocation: a batch from the alarm queue (SQS records, with
 * `ReportBatchItemFailures`) or one EventBridge event invoked directly (a test, a redrive by hand).
 * Each invocation gets the deadline Lambda gives it, less {@link RESERVE_MS}, for every Slack call,
 * wait and graph.
 *
 * @example
 * const relay = createAlarmRelay({ routing, store, deadLetter, logger, images, slack: slackForToken(options) });
 * const result = await relay(event, { botToken: 'xoxb-…', remainingTimeMs: context.getRemainingTimeInMillis() });
 * // { outcome: 'posted', channel: 'C0ALARMS01', ts: '1700000000.000100', threadTs: '1700000000.000100' }
 * // or, for a queue batch, { batchItemFailures: [{ itemIdentifier: '<messageId>' }] }
 */
export function createAlarmRelay(
  deps: AlarmRelayDeps,
): (event: unknown, invocation: RelayInvocation) => Promise<RelayResult | BatchResponse> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (event, invocation) => {
    const deadlineMs = now() + invocation.remainingTimeMs - RESERVE_MS;
    const slack = deps.slack(invocation.botToken, deadlineMs);
    const relayDeps: RelayDeps = {
      routing: deps.routing,
      store: deps.store,
      poster: slack.poster,
      deadLetter: deps.deadLetter,
      logger: deps.logger,
      now,
      sleep,
      deadlineMs,
      images: deps.images,
      ...(slack.files ? { files: slack.files } : {}),
    };
    if (isQueueBatch(event)) {
      // Each outcome's log line carries its own event id; the batch is one invocation.
      const { batchItemFailures } = await relayBatch(
        { ...relayDeps, ...(deps.retryLater ? { retryLater: deps.retryLater } : {}) },
        event.Records.map(queuedEvent),
      );
      return { batchItemFailures };
    }
    deps.logger.appendKeys?.(logKeys(event));
    return relayAlarm(relayDeps, event);
  };
}
