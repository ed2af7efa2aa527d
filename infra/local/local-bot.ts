import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { AccessPolicy } from '../../handlers/access-policy.ts';
import { runWorkerJob } from '../../handlers/lifecycle.ts';
import type { FilesPort } from '../../handlers/ports.ts';
import type { WorkerJob } from '../../handlers/worker-job.ts';
import type { Config } from '../config.ts';
import { createDataSource } from '../data-source.ts';
import { type AppLogger, errorReporter } from '../slack/bolt-logger.ts';
import { postToResponseUrl } from '../slack/response-url.ts';
import { createSlackHandler } from '../slack/slack-handler.ts';
import { localLambdaContext } from './api-gateway-event.ts';

/** The worker's budget when it runs in-process (a deployed worker has its Lambda timeout). */
const LOCAL_WORKER_DEADLINE_MS = 120_000;

export interface LocalBot {
  handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2>;
  /** Resolves when every handed-off command has posted its answer. */
  idle(): Promise<void>;
}

/**
 * The slack function's request path with the worker running in-process: what `npm run serve`
 * and `npm start` use, so a local run verifies and answers exactly as the Lambdas do.
 */
export function createLocalBot(options: {
  config: Config;
  logger: AppLogger;
  now?: () => Date;
  post?: typeof postToResponseUrl;
  /** Where graphs and CSVs go: Slack when there is a bot token, else a local folder. */
  files?: FilesPort;
  /** Like the Lambda, `npm run serve` enforces ACCESS_POLICY_FILE when one is set. */
  policy?: AccessPolicy;
}): LocalBot {
  const { config, logger } = options;
  const dataSource = createDataSource(config, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.files ? { files: options.files } : {}),
  });
  const reportError = errorReporter(logger);
  const pending = new Set<Promise<unknown>>();
  const dispatchJob = async (job: WorkerJob) => {
    const work = runWorkerJob(
      job,
      { ...dataSource, reportError, logger, post: options.post ?? postToResponseUrl },
      LOCAL_WORKER_DEADLINE_MS,
    )
      .catch((error: unknown) =>
        logger.error('Could not deliver an answer', { reference: job.reference, error: String(error) }),
      )
      .finally(() => pending.delete(work));
    pending.add(work);
  };
  const { policy } = options;
  const handler = createSlackHandler({
    config,
    runtime: dataSource,
    dispatchJob,
    logger,
    ...(policy ? { policy } : {}),
  });
  return {
    handle: async (event) => handler(event, localLambdaContext()),
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
