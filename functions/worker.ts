/**
 * The worker Lambda: invoked asynchronously by the slack function with a {@link WorkerJob}; does the
 * slow work and answers through the command's `response_url`.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { loadConfig } from '../infra/config.ts';
import { createCommandDeps } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { errorReporter } from '../infra/slack/bolt-logger.ts';
import { filesForToken } from '../infra/slack/slack-files.ts';
import { botTokenMiddleware, type SlackSecrets } from '../infra/slack/slack-secrets.ts';
import { isWorkerJob } from '../infra/worker-job.ts';
import { runWorkerJob } from '../infra/worker-runner.ts';

/** Time kept back from the Lambda timeout to post the answer (or the failure) to Slack. */
const POST_RESERVE_MS = 5000;

const config = loadConfig();
const logger = createLogger('cw-chatops-worker');
const reportError = errorReporter(logger);

const files = filesForToken(config.slackApiUrl);

const baseDeps = createCommandDeps(config);

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
    const fileStore = files((context as Context & SlackSecrets).botToken);
    const deps = { ...baseDeps, ...(fileStore ? { files: fileStore } : {}), reportError };
    return runWorkerJob(event, deps, context.getRemainingTimeInMillis() - POST_RESERVE_MS);
  });
