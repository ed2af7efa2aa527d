import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../infra/config.ts';
import {
  botTokenMiddleware,
  type SecretsContext,
  type SlackSecrets,
  slackSecretsMiddleware,
} from '../../../../infra/slack/slack-secrets.ts';

const ssmMock = mockClient(SSMClient);

const SIGNING_SECRET_PARAM = '/cw-chatops/test/signing-secret';
const BOT_TOKEN_PARAM = '/cw-chatops/test/bot-token';

const event: APIGatewayProxyEventV2 = {
  version: '2.0',
  routeKey: 'POST /slack/events',
  rawPath: '/slack/events',
  rawQueryString: '',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'command=%2Fcw&text=help',
  isBase64Encoded: false,
  requestContext: {
    accountId: '123456789012',
    apiId: 'abc123',
    domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'abc123',
    http: {
      method: 'POST',
      path: '/slack/events',
      protocol: 'HTTP/1.1',
      sourceIp: '192.0.2.1',
      userAgent: 'Slackbot 1.0 (+https://api.slack.com/robots)',
    },
    requestId: 'req-1',
    routeKey: 'POST /slack/events',
    stage: '$default',
    time: '01/Mar/2025:10:00:00 +0000',
    timeEpoch: 1740823200000,
  },
};

function fakeContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'cw-chatops-test-slack',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cw-chatops-test-slack',
    memoryLimitInMB: '256',
    awsRequestId: 'aws-req-1',
    logGroupName: '/aws/lambda/cw-chatops-test-slack',
    logStreamName: '2025/03/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Runs the middleware in a middy handler and returns the secrets the handler saw on its context. */
async function secretsSeenByHandler(mw: ReturnType<typeof slackSecretsMiddleware>): Promise<SlackSecrets> {
  let seen: SlackSecrets = {};
  const handler = middy<APIGatewayProxyEventV2>()
    .use(mw)
    .handler(async (_e, ctx) => {
      const { signingSecret, botToken } = ctx as SecretsContext;
      seen = { signingSecret, botToken };
      return { statusCode: 200, body: '' };
    });
  await handler(event, fakeContext());
  return seen;
}

const ssmOptions = { AwsClient: SSMClient, disablePrefetch: true, cacheExpiry: 0 };

describe('infra/slack/slack-secrets', () => {
  beforeEach(() => {
    ssmMock.reset();
  });

  it('puts signingSecret and botToken from config on the context when config.signingSecret is set', async () => {
    // Prepare
    const mw = slackSecretsMiddleware({
      signingSecret: 'local-signing-secret',
      botToken: 'xoxb-local',
      signingSecretParam: undefined,
      botTokenParam: undefined,
    });

    // Act
    const seen = await secretsSeenByHandler(mw);

    // Assess
    expect(seen).toEqual({ signingSecret: 'local-signing-secret', botToken: 'xoxb-local' });
  });

  it('uses the config values and does not call SSM when config.signingSecret is set alongside param names', async () => {
    // Prepare
    ssmMock.on(GetParametersCommand).resolves({ Parameters: [] });
    const mw = slackSecretsMiddleware(
      {
        signingSecret: 'env-secret',
        botToken: 'xoxb-env',
        signingSecretParam: SIGNING_SECRET_PARAM,
        botTokenParam: BOT_TOKEN_PARAM,
      },
      ssmOptions,
    );

    // Act
    const seen = await secretsSeenByHandler(mw);

    // Assess
    expect(seen).toEqual({ signingSecret: 'env-secret', botToken: 'xoxb-env' });
    expect(ssmMock).toHaveReceivedCommandTimes(GetParametersCommand, 0);
  });

  it.each([
    { signingSecretParam: undefined, botTokenParam: undefined },
    { signingSecretParam: SIGNING_SECRET_PARAM, botTokenParam: undefined },
    { signingSecretParam: undefined, botTokenParam: BOT_TOKEN_PARAM },
  ])('throws ConfigError when signingSecret is not set and param names are missing (%o)', (params) => {
    // Prepare
    const config = { signingSecret: undefined, botToken: undefined, ...params };

    // Act
    const build = () => slackSecretsMiddleware(config);

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/SLACK_SIGNING_SECRET_PARAM and SLACK_BOT_TOKEN_PARAM/);
  });

  it('reads both secrets from SSM with decryption and sets them on the context when param names are set', async () => {
    // Prepare
    ssmMock.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: SIGNING_SECRET_PARAM, Type: 'SecureString', Value: 'sekrit' },
        { Name: BOT_TOKEN_PARAM, Type: 'SecureString', Value: 'xoxb-123' },
      ],
    });
    const mw = slackSecretsMiddleware(
      {
        signingSecret: undefined,
        botToken: undefined,
        signingSecretParam: SIGNING_SECRET_PARAM,
        botTokenParam: BOT_TOKEN_PARAM,
      },
      ssmOptions,
    );

    // Act
    const seen = await secretsSeenByHandler(mw);

    // Assess
    expect(seen.signingSecret).toBe('sekrit');
    expect(seen.botToken).toBe('xoxb-123');
    expect(ssmMock).toHaveReceivedCommandTimes(GetParametersCommand, 1);
    expect(ssmMock).toHaveReceivedCommandWith(GetParametersCommand, { WithDecryption: true });
    const names = ssmMock.commandCalls(GetParametersCommand)[0]?.args[0].input.Names;
    expect([...(names ?? [])].sort()).toEqual([BOT_TOKEN_PARAM, SIGNING_SECRET_PARAM]);
  });

  it('maps each SSM parameter to its own context key when SSM returns them in another order', async () => {
    // Prepare
    ssmMock.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: BOT_TOKEN_PARAM, Type: 'SecureString', Value: 'xoxb-456' },
        { Name: SIGNING_SECRET_PARAM, Type: 'SecureString', Value: 'other-sekrit' },
      ],
    });
    const mw = slackSecretsMiddleware(
      {
        signingSecret: undefined,
        botToken: undefined,
        signingSecretParam: SIGNING_SECRET_PARAM,
        botTokenParam: BOT_TOKEN_PARAM,
      },
      ssmOptions,
    );

    // Act
    const seen = await secretsSeenByHandler(mw);

    // Assess
    expect(seen).toEqual({ signingSecret: 'other-sekrit', botToken: 'xoxb-456' });
  });

  it('gives the worker and the relay only the bot token, from SSM, and loads nothing when it is in the environment', async () => {
    // Prepare
    ssmMock.on(GetParametersCommand).resolves({
      Parameters: [{ Name: BOT_TOKEN_PARAM, Type: 'SecureString', Value: 'xoxb-worker' }],
    });

    // Act
    const fromSsm = await secretsSeenByHandler(
      botTokenMiddleware({ botToken: undefined, botTokenParam: BOT_TOKEN_PARAM }, ssmOptions),
    );
    const fromEnv = await secretsSeenByHandler(
      botTokenMiddleware({ botToken: 'xoxb-env', botTokenParam: BOT_TOKEN_PARAM }, ssmOptions),
    );

    // Assess
    expect(fromSsm).toEqual({ signingSecret: undefined, botToken: 'xoxb-worker' });
    expect(fromEnv.botToken).toBe('xoxb-env');
    expect(ssmMock).toHaveReceivedCommandTimes(GetParametersCommand, 1);
    expect(ssmMock.commandCalls(GetParametersCommand)[0]?.args[0].input.Names).toEqual([BOT_TOKEN_PARAM]);
  });
});
