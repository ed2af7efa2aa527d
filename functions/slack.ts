/**
 * The slack Lambda: API Gateway HTTP API (payload 2.0) `POST /slack/events` → Bolt. Composition only;
 * what commands do lives in handlers/.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createLambdaDispatcher } from '../infra/aws/worker-dispatch.ts';
import { ConfigError, loadConfig } from '../infra/config.ts';
import { createCommandDeps } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { createSlackHandler } from '../infra/slack/slack-handler.ts';

const config = loadConfig();
const logger = createLogger();
if (!config.workerFunctionName) throw new ConfigError('WORKER_FUNCTION_NAME is not set.');

export const handler = createSlackHandler({
  config,
  logger,
  first: [injectLambdaContext(logger, { resetKeys: true })],
  deps: createCommandDeps(config),
  dispatchJob: createLambdaDispatcher(new LambdaClient({ region: config.region }), config.workerFunctionName),
});
