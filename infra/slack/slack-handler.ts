import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { AccessPolicy } from '../../handlers/access-policy.ts';
import type { AckRuntime } from '../../handlers/lifecycle.ts';
import type { WorkerJob } from '../../handlers/worker-job.ts';
import type { Config } from '../config.ts';
import { type AppLogger, errorReporter } from './bolt-logger.ts';
import { createSlackApp, type SlackLambdaHandler } from './slack-app.ts';
import { type SecretsContext, slackSecretsMiddleware } from './slack-secrets.ts';
import { verifySlackSignatureMiddleware } from './verify-signature.ts';

export interface SlackHandlerOptions {
  config: Pick<
    Config,
    'signingSecret' | 'botToken' | 'signingSecretParam' | 'botTokenParam' | 'slackApiUrl' | 'ackBudgetMs'
  >;
  /** The settings and port loaders commands run with (infra/data-source.ts). */
  runtime: Omit<AckRuntime, 'dispatch' | 'ackBudgetMs' | 'reportError'>;
  dispatchJob: (job: WorkerJob) => Promise<void>;
  logger: AppLogger;
  /** Who may run what (see infra/access-policy.yml). */
  policy?: AccessPolicy;
  /** Middlewares that run before all others (the Lambda's Powertools logger). */
  first?: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>[];
  /** Passed to middy's ssm middleware (tests inject a client and turn off prefetch). */
  ssmOptions?: Parameters<typeof slackSecretsMiddleware>[1];
}

/**
 * The slack function's whole request path, shared by Lambda and `npm run serve`: secrets on the
 * context, signature checked, then Bolt, whose listeners come from the command registry. The Bolt
 * app is built once per set of secrets.
 *
 * @example
 * ```ts
 * // functions/slack.ts: the composition root.
 * export const handler = createSlackHandler({
 *   config,
 *   logger,
 *   policy,
 *   runtime: createDataSource(config),
 *   dispatchJob: lazyLambdaDispatcher(config.region, config.workerFunctionName),
 * });
 * ```
 */
export function createSlackHandler(options: SlackHandlerOptions) {
  const { config, logger } = options;
  let built: { signingSecret: string; botToken: string | undefined; handle: SlackLambdaHandler } | undefined;
  const appFor = (signingSecret: string, botToken: string | undefined): SlackLambdaHandler => {
    if (built?.signingSecret !== signingSecret || built.botToken !== botToken) {
      const handle = createSlackApp({
        signingSecret,
        botToken,
        slackApiUrl: config.slackApiUrl,
        logger,
        dispatchJob: options.dispatchJob,
        ...(options.policy ? { policy: options.policy } : {}),
        runtime: {
          ...options.runtime,
          ackBudgetMs: config.ackBudgetMs,
          reportError: errorReporter(logger),
        },
      });
      built = { signingSecret, botToken, handle };
    }
    return built.handle;
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>()
    .use(options.first ?? [])
    .use(slackSecretsMiddleware(config, options.ssmOptions))
    .use(verifySlackSignatureMiddleware((context) => (context as SecretsContext).signingSecret, logger))
    .handler(async (event, context) => {
      const { signingSecret, botToken } = context as SecretsContext;
      // The signature middleware has already refused requests when the secret is missing.
      return appFor(signingSecret ?? '', botToken)(event, context);
    });
}
