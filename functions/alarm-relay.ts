/**
 * The alarm-relay Lambda. The EventBridge rule on `aws.cloudwatch` / `CloudWatch Alarm State Change`
 * puts each event on an SQS queue, and Lambda hands the relay batches of them (`ReportBatchItemFailures`:
 * the result names the messages to receive again). Composition only; what it does lives in
 * handlers/alarm-relay/ (createAlarmRelay).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { createAlarmRelay } from '../handlers/alarm-relay/alarm-relay.ts';
import { alarmRoutingSchema } from '../handlers/alarm-relay/routes.ts';
import type { MetricImagePort } from '../handlers/ports.ts';
import { lazyDynamoAlarmStore } from '../infra/aws/lazy-alarm-store.ts';
import { lazySqsDeadLetter, lazySqsRetryLater } from '../infra/aws/lazy-sqs.ts';
import { ConfigError, loadConfig } from '../infra/config.ts';
import { loadConfigFile } from '../infra/config-file.ts';
import { createDataSource } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { createInMemoryAlarmStore } from '../infra/memory/alarm-store.ts';
import { slackForToken } from '../infra/slack/slack-for-token.ts';
import { botTokenMiddleware, type SlackSecrets } from '../infra/slack/slack-secrets.ts';

const config = loadConfig();
const logger = createLogger('cw-chatops-alarm-relay');
// Fails the cold start on a bad routing file: every event would otherwise go astray.
const routing = await loadConfigFile(config.alarmRoutesFile, alarmRoutingSchema(config.alarmDefaultChannel));
if (!config.botToken && !config.botTokenParam) {
  throw new ConfigError('Set SLACK_BOT_TOKEN (local runs) or SLACK_BOT_TOKEN_PARAM (an SSM parameter name).');
}
if (!config.alarmTableName && config.deployed) {
  // Memory is per Lambda instance: dedupe, threads and storm counts would not be shared.
  logger.warn('ALARM_TABLE_NAME is not set; using an in-memory store (local runs only)');
}

/**
 * The graph renderer, loaded on the first graph (after the alarm is posted), off the cold start; an
 * alarm from another Region is drawn with that Region's client.
 */
function lazyImages(): MetricImagePort {
  const source = createDataSource(config);
  return {
    getMetricImage: async (request, options) =>
      (await source.portsIn(request.region ?? config.region).images()).getMetricImage(request, options),
  };
}

const relay = createAlarmRelay({
  routing,
  store: config.alarmTableName
    ? lazyDynamoAlarmStore(config.region, config.alarmTableName)
    : createInMemoryAlarmStore(),
  deadLetter: lazySqsDeadLetter(config.region, config.alarmDlqUrl, logger),
  retryLater: lazySqsRetryLater(config.region, config.alarmQueueUrl),
  logger,
  slack: slackForToken(config.slackApiUrl),
  images: lazyImages(),
});

export const handler = middy<unknown, Awaited<ReturnType<typeof relay>>, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(botTokenMiddleware(config))
  .handler((event, context) =>
    relay(event, {
      botToken: (context as Context & SlackSecrets).botToken,
      remainingTimeMs: context.getRemainingTimeInMillis(),
    }),
  );
