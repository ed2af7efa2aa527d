/**
 * The slack Lambda: API Gateway HTTP API (payload 2.0) `POST /slack/events` → Bolt. Composition only;
 * what commands do lives in handlers/.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { checkPolicyLimits, loadAccessPolicy } from '../infra/access-policy.ts';
import { lazyLambdaDispatcher } from '../infra/aws/worker-dispatch.ts';
import { ConfigError, loadConfig } from '../infra/config.ts';
import { createDataSource } from '../infra/data-source.ts';
import { createLogger } from '../infra/logger.ts';
import { createSlackHandler } from '../infra/slack/slack-handler.ts';

const config = loadConfig();
const logger = createLogger();
if (!config.workerFunctionName) throw new ConfigError('WORKER_FUNCTION_NAME is not set.');
// Deployed, a policy is required: without one every workspace and channel could use the bot.
if (!config.accessPolicyFile && config.deployed) {
  throw new ConfigError('ACCESS_POLICY_FILE is not set (infra/access-policy.yml).');
}
const policy = config.accessPolicyFile
  ? checkPolicyLimits(await loadAccessPolicy(config.accessPolicyFile), config, config.accessPolicyFile)
  : undefined;

export const handler = createSlackHandler({
  config,
  logger,
  first: [injectLambdaContext(logger, { resetKeys: true })],
  ...(policy ? { policy } : {}),
  runtime: createDataSource(config),
  dispatchJob: lazyLambdaDispatcher(config.region, config.workerFunctionName),
});
