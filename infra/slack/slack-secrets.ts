import type { MiddlewareObj } from '@middy/core';
import type ssm from '@middy/ssm';
import type { Context } from 'aws-lambda';
import { type Config, ConfigError } from '../config.ts';
import { memoizeRetrying } from '../memoize-retrying.ts';

export interface SlackSecrets {
  signingSecret?: string;
  botToken?: string;
}

export type SecretsContext = Context & SlackSecrets;

/** Deployed secrets are re-read this often, so a rotated token is picked up without a redeploy. */
export const SECRETS_CACHE_MS = 15 * 60 * 1000;

type SsmOptions = Parameters<typeof ssm>[0];
type AnyMiddleware = MiddlewareObj<unknown, unknown, Error, Context>;

/**
 * middy's ssm middleware, loaded on first use: with the secrets in the environment (local runs,
 * tests, benchmarks) neither it nor the SSM client is ever imported.
 */
function lazySsm(options: SsmOptions): AnyMiddleware {
  const middleware = memoizeRetrying(async () => (await import('@middy/ssm')).default(options) as AnyMiddleware);
  return {
    before: async function lazySsmBefore(request) {
      return (await middleware()).before?.(request);
    },
  };
}

/**
 * Puts the signing secret and bot token on the Lambda context. Set in the environment (local runs,
 * tests) they are used as they are; otherwise they are read from SSM Parameter Store SecureStrings at
 * cold start by middy's ssm middleware and cached. Their values are never logged.
 */
export function slackSecretsMiddleware(
  config: Pick<Config, 'signingSecret' | 'botToken' | 'signingSecretParam' | 'botTokenParam'>,
  ssmOptions: Partial<NonNullable<SsmOptions>> = {},
): AnyMiddleware {
  if (config.signingSecret) {
    const { signingSecret, botToken } = config;
    return {
      before: async function slackSecretsMiddlewareBefore(request) {
        Object.assign(request.context, { signingSecret, botToken });
      },
    };
  }
  if (!config.signingSecretParam || !config.botTokenParam) {
    throw new ConfigError(
      'Set SLACK_SIGNING_SECRET (local runs) or SLACK_SIGNING_SECRET_PARAM and SLACK_BOT_TOKEN_PARAM (SSM parameter names).',
    );
  }
  return lazySsm({
    fetchData: { signingSecret: config.signingSecretParam, botToken: config.botTokenParam },
    setToContext: true,
    cacheExpiry: SECRETS_CACHE_MS,
    cacheKey: 'cw-chatops-slack-secrets',
    ...ssmOptions,
  });
}

/**
 * The worker's and the relay's secret: only the bot token (to post messages and files), from the
 * environment or SSM. Without either, the worker runs and says files cannot be posted.
 */
export function botTokenMiddleware(
  config: Pick<Config, 'botToken' | 'botTokenParam'>,
  ssmOptions: Partial<NonNullable<SsmOptions>> = {},
): AnyMiddleware {
  if (config.botToken || !config.botTokenParam) {
    const { botToken } = config;
    return {
      before: async function botTokenMiddlewareBefore(request) {
        Object.assign(request.context, { botToken });
      },
    };
  }
  return lazySsm({
    fetchData: { botToken: config.botTokenParam },
    setToContext: true,
    cacheExpiry: SECRETS_CACHE_MS,
    cacheKey: 'cw-chatops-bot-token',
    ...ssmOptions,
  });
}
