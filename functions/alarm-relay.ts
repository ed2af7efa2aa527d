/**
 * The alarm-relay Lambda. The EventBridge rule on `aws.cloudwatch` / `CloudWatch Alarm State Change`
 * puts each event on an SQS queue, and Lambda hands the relay batches of them (`ReportBatchItemFailures`:
 * the result names the messages to receive again). An event invoked directly (a test, a redrive by
 * hand) is relayed on its own. Composition only; what it does lives in handlers/alarm-relay/.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent } from 'aws-lambda';
import type { AlarmChange } from '../handlers/alarm-relay/alarm-change.ts';
import { postAlarmGraph } from '../handlers/alarm-relay/alarm-graph.ts';
import type { DeadLetter, SlackPoster } from '../handlers/alarm-relay/ports.ts';
import { type RelayDeps, type RelayResult, relayAlarm } from '../handlers/alarm-relay/relay.ts';
import { type BatchResponse, relayBatch } from '../handlers/alarm-relay/relay-batch.ts';
import { loadRouting } from '../infra/alarm-routes-file.ts';
import { lazyDynamoAlarmStore } from '../infra/aws/lazy-alarm-store.ts';
import { ConfigError, loadConfig } from '../infra/config.ts';
import { createCommandDeps } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { createInMemoryAlarmStore } from '../infra/memory/alarm-store.ts';
import { filesForToken } from '../infra/slack/slack-files.ts';
import { createSlackPoster, RELAY_RATE_LIMIT_RETRIES } from '../infra/slack/slack-poster.ts';
import { botTokenMiddleware, type SlackSecrets } from '../infra/slack/slack-secrets.ts';

/** Kept back from the Lambda timeout so a failure is thrown (and retried) rather than timed out. */
const RESERVE_MS = 5000;

const config = loadConfig();
const logger = createLogger('cw-chatops-alarm-relay');
// Fails the cold start on a bad routing file: every event would otherwise go astray.
const routing = await loadRouting(config.alarmRoutesFile, config.alarmDefaultChannel);
if (!config.botToken && !config.botTokenParam) {
  throw new ConfigError('Set SLACK_BOT_TOKEN (local runs) or SLACK_BOT_TOKEN_PARAM (an SSM parameter name).');
}
const store = config.alarmTableName
  ? lazyDynamoAlarmStore(config.region, config.alarmTableName)
  : createInMemoryAlarmStore();
if (!config.alarmTableName && process.env.AWS_LAMBDA_FUNCTION_NAME) {
  // Memory is per Lambda instance: dedupe, threads and storm counts would not be shared.
  logger.warn('ALARM_TABLE_NAME is not set; using an in-memory store (local runs only)');
}
const dlqUrl = config.alarmDlqUrl;
// Loaded only for an invalid event: the SQS client stays off the cold start.
const deadLetter: DeadLetter = dlqUrl
  ? async (event, problems, code) => {
      const [{ SQSClient }, { createSqsDeadLetter }] = await Promise.all([
        import('@aws-sdk/client-sqs'),
        import('../infra/aws/dead-letter.ts'),
      ]);
      await createSqsDeadLetter(new SQSClient({ region: config.region }), dlqUrl)(event, problems, code);
    }
  : async (_event, problems) => logger.warn('ALARM_DLQ_URL is not set; dropping the invalid event', { problems });

type TokenContext = Context & SlackSecrets;

const images = createCommandDeps(config).images;

const files = filesForToken(config.slackApiUrl);

/** Rejects when `deadlineMs` passes first; the timer is cleared either way. */
function beforeDeadline<T>(work: Promise<T>, deadlineMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish before the invocation's deadline`)),
      Math.max(0, deadlineMs - Date.now()),
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * GetMetricWidgetImage of the alarm's metric, posted in its thread; the relay logs and swallows
 * failures. Bounded by the deadline: the alarm is posted already, and a slow graph must not turn the
 * invocation into a timeout.
 */
function graphPoster(token: string | undefined, deadlineMs: number) {
  return async (change: AlarmChange, channel: string, threadTs: string) => {
    const store = files(token);
    if (!store) return;
    const signal = AbortSignal.timeout(Math.max(1, deadlineMs - Date.now()));
    const post = postAlarmGraph({ images, files: store }, change, { channel, threadTs }, { now: new Date(), signal });
    await beforeDeadline(post, deadlineMs, 'The alarm graph');
  };
}

let poster: { token: string | undefined; poster: SlackPoster; deadline: { ms: number } } | undefined;
function posterFor(token: string | undefined) {
  if (poster?.token !== token || !poster) {
    const deadline = { ms: 0 };
    poster = {
      token,
      deadline,
      poster: createSlackPoster({
        token,
        slackApiUrl: config.slackApiUrl,
        deadlineMs: () => deadline.ms,
        rateLimitRetries: RELAY_RATE_LIMIT_RETRIES,
      }),
    };
  }
  return poster;
}

/** The alarm name and event id as log keys, read leniently: invalid events are logged too. */
function logKeys(event: unknown) {
  const e = event as { id?: unknown; detail?: { alarmName?: unknown } } | null;
  return { eventId: String(e?.id ?? 'none'), alarmName: String(e?.detail?.alarmName ?? 'none') };
}

const isQueueBatch = (event: unknown): event is SQSEvent =>
  Array.isArray((event as { Records?: unknown } | null)?.Records) &&
  (event as SQSEvent).Records.every((r) => r.eventSource === 'aws:sqs');

export const handler = middy<unknown, RelayResult | BatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(botTokenMiddleware(config))
  .handler(async (event, context) => {
    const slack = posterFor((context as TokenContext).botToken);
    const deadlineMs = Date.now() + context.getRemainingTimeInMillis() - RESERVE_MS;
    slack.deadline.ms = deadlineMs;
    const deps: RelayDeps = {
      routing,
      store,
      poster: slack.poster,
      deadLetter,
      logger,
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      deadlineMs,
      attachGraph: graphPoster((context as TokenContext).botToken, deadlineMs),
    };
    if (isQueueBatch(event)) {
      // Each outcome's log line carries its own event id; the batch is one invocation.
      const { batchItemFailures } = await relayBatch(
        deps,
        event.Records.map((r) => ({ messageId: r.messageId, body: r.body })),
      );
      return { batchItemFailures };
    }
    logger.appendKeys(logKeys(event));
    return relayAlarm(deps, event);
  });
