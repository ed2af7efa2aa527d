/**
 * The worker Lambda: invoked asynchronously by the slack function with a {@link WorkerJob}; does the
 * slow work and answers through the command's `response_url`.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { runWorkerJob, WORKER_POST_RESERVE_MS } from '../handlers/lifecycle.ts';
import { isWorkerJob } from '../handlers/worker-job.ts';
import { loadConfig } from '../infra/config.ts';
import { createDataSource } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { errorReporter } from '../infra/slack/bolt-logger.ts';
import { postToResponseUrl } from '../infra/slack/response-url.ts';
import { filesForToken } from '../infra/slack/slack-files.ts';
import { botTokenMiddleware, type SlackSecrets } from '../infra/slack/slack-secrets.ts';

const config = loadConfig();
const logger = createLogger('cw-chatops-worker');
const reportError = errorReporter(logger);

const files = filesForToken(config.slackApiUrl);

const dataSource = createDataSource(config);

export const handler = middy<unknown, { delivered: boolean }, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(botTokenMiddleware(config))
  .handler(async (event, context) => {
    if (!isWorkerJob(event)) {
      // Not retried: a malformed job will not get better on the next attempt.
      logger.error('Ignoring a malformed worker job', { keys: Object.keys(event ?? {}) });
      return { delivered: false };
    }
    logger.appendKeys({ reference: event.reference, command: event.command, user: event.userId });
    // Files go out with this invocation's bot token (from SSM, refreshed by the middleware).
    const fileStore = files((context as Context & SlackSecrets).botToken);
    const filesPort = async () => fileStore;
    const ports = { ...dataSource.ports, files: filesPort };
    // Another Region's ports post files with the same token.
    const portsIn = (region: string) => ({ ...dataSource.portsIn(region), files: filesPort });
    const runtime = { ...dataSource, ports, portsIn, reportError, logger, post: postToResponseUrl };
    return runWorkerJob(event, runtime, context.getRemainingTimeInMillis() - WORKER_POST_RESERVE_MS);
  });
