import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startResponseUrlServer } from '../../fixtures/response-url-server.ts';
import {
  apiGatewayEvent,
  lambdaContext,
  SIGNING_SECRET,
  sign,
  slashCommandBody,
} from '../../fixtures/slack-requests.ts';

const lambdaMock = mockClient(LambdaClient);
const cloudWatchMock = mockClient(CloudWatchClient);
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  vi.stubEnv('SLACK_SIGNING_SECRET', SIGNING_SECRET);
  vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test');
  vi.stubEnv('WORKER_FUNCTION_NAME', 'cw-chatops-test-worker');
  vi.stubEnv('DATA_SOURCE', 'aws');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('ACK_BUDGET_MS', '100');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('LOG_GROUPS_ALLOWED', '/aws/lambda/checkout-*');
  ({ handler } = (await import('../../../functions/slack.ts')) as unknown as { handler: typeof handler });
});
afterAll(() => vi.unstubAllEnvs());
beforeEach(() => {
  lambdaMock.reset();
  cloudWatchMock.reset();
});

const now = () => Math.floor(Date.now() / 1000);
const invoke = (event: APIGatewayProxyEventV2) => handler(event, lambdaContext());

describe('functions/slack', () => {
  it('answers a validly signed /cw help in the ack', async () => {
    // Act
    const response = await invoke(apiGatewayEvent({ body: slashCommandBody({ text: 'help' }) }));

    // Assess
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body ?? '{}');
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('/cw metrics');
  });

  it('accepts a base64-encoded body, as API Gateway may send', async () => {
    const response = await invoke(apiGatewayEvent({ body: slashCommandBody({ text: 'help' }), base64: true }));
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['a bad signature', { signature: 'v0=deadbeef' }],
    ['a signature made with another secret', { signatureSecret: 'another-secret' }],
    ['a stale timestamp (6 minutes old)', { timestamp: now() - 360 }],
    ['a timestamp from the future (6 minutes ahead)', { timestamp: now() + 360 }],
    ['no signature header', { signature: null }],
    ['no timestamp header', { dropTimestamp: true }],
    ['a tampered body', { tamper: true }],
    ['a body that is not even form data', { garbage: true }],
  ])('refuses %s with 401 and runs nothing', async (_, options) => {
    // Prepare
    const body = slashCommandBody({ text: 'metrics rds cpu orders-db' });
    const timestamp = (options as { timestamp?: number }).timestamp ?? now();
    const o = options as {
      signature?: string | null;
      signatureSecret?: string;
      dropTimestamp?: boolean;
      tamper?: boolean;
      garbage?: boolean;
    };
    const event = apiGatewayEvent({
      body,
      timestamp,
      signature: o.signatureSecret ? sign(body, timestamp, o.signatureSecret) : o.signature,
    });
    if (o.dropTimestamp) delete event.headers['x-slack-request-timestamp'];
    if (o.tamper) event.body = body.replace('orders-db', 'users-db');
    if (o.garbage) event.body = '{not json';

    // Act
    const response = await invoke(event);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('');
    expect(cloudWatchMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('acks "working on it" and hands the command to the worker when CloudWatch is slow', async () => {
    // Prepare: CloudWatch that never answers in time
    cloudWatchMock.on(GetMetricDataCommand).callsFake(() => new Promise(() => {}));
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });

    // Act
    const started = Date.now();
    const response = await invoke(apiGatewayEvent({ body: slashCommandBody({ text: 'metrics rds cpu orders-db' }) }));

    // Assess
    expect(Date.now() - started).toBeLessThan(2500);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}').text).toMatch(/Fetching from CloudWatch/);
    expect(lambdaMock).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: 'cw-chatops-test-worker',
      InvocationType: 'Event',
    });
    const payload = JSON.parse(
      new TextDecoder().decode(lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array),
    );
    expect(payload).toEqual({
      command: '/cw',
      text: 'metrics rds cpu orders-db',
      responseUrl: 'https://hooks.slack.com/commands/1234/5678',
      userId: 'U2147483697',
      channelId: 'C2147483705',
      teamId: 'T0001',
      reference: 'JKJaXmPLvHcESHA=',
    });
    expect(JSON.stringify(payload)).not.toContain(SIGNING_SECRET);
    expect(JSON.stringify(payload)).not.toContain('xoxb-test');
  });

  it('answers bad input in the ack, ephemeral, without calling AWS', async () => {
    const response = await invoke(apiGatewayEvent({ body: slashCommandBody({ text: 'metrics rds cpu' }) }));
    const body = JSON.parse(response.body ?? '{}');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/Which db-instance-id/);
    expect(cloudWatchMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('hands a Logs Insights query straight to the worker without starting it in the ack', async () => {
    // Prepare
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });

    // Act
    const response = await invoke(
      apiGatewayEvent({
        body: slashCommandBody({ text: 'logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/' }),
      }),
    );

    // Assess
    expect(JSON.parse(response.body ?? '{}').text).toMatch(/Running the Logs Insights query/);
    const payload = JSON.parse(
      new TextDecoder().decode(lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array),
    );
    expect(payload.text).toBe('logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/');
    expect(payload.channelId).toBe('C2147483705');
  });

  it('refuses a log group outside the allowlist in the ack, before any AWS call', async () => {
    const response = await invoke(
      apiGatewayEvent({ body: slashCommandBody({ text: 'logs query /aws/rds/instance/prod/audit' }) }),
    );
    const body = JSON.parse(response.body ?? '{}');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(
      /I may not read `\/aws\/rds\/instance\/prod\/audit`. Allowed: `\/aws\/lambda\/checkout-\*`/,
    );
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('tells whoever pressed a button when the hand-off to the worker fails', async () => {
    // Prepare: the worker cannot be invoked; Slack's response_url is a local stand-in
    lambdaMock.on(InvokeCommand).rejects(new Error('throttled'));
    const responses = await startResponseUrlServer();
    const payload = {
      type: 'block_actions',
      user: { id: 'U2147483697', team_id: 'T0001' },
      team: { id: 'T0001' },
      channel: { id: 'C2147483705' },
      container: { type: 'message', message_ts: '1764072000.000100', channel_id: 'C2147483705' },
      response_url: `${responses.url}/actions/1`,
      actions: [{ action_id: 'cw_metrics_graph', type: 'button', value: 'metrics rds cpu db --graph', action_ts: '1' }],
    };

    // Act
    const response = await invoke(
      apiGatewayEvent({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() }),
    );

    // Assess
    expect(response.statusCode).toBe(200);
    expect(responses.posts).toEqual([
      {
        path: '/actions/1',
        body: expect.objectContaining({
          response_type: 'ephemeral',
          replace_original: false,
          text: expect.stringMatching(/could not start that/),
        }),
      },
    ]);
    await responses.close();
  });

  it('runs the Graph button through the worker, signature checked like a command', async () => {
    // Prepare: a block_actions payload as Slack sends it for a button on a message
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const payload = {
      type: 'block_actions',
      user: { id: 'U2147483697', username: 'steve', name: 'steve', team_id: 'T0001' },
      api_app_id: 'A123456',
      token: 'gIkuvaNzQIHg97ATvDxqgjtO',
      container: { type: 'message', message_ts: '1764072000.000100', channel_id: 'C2147483705', is_ephemeral: true },
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
      team: { id: 'T0001', domain: 'example' },
      channel: { id: 'C2147483705', name: 'test' },
      response_url: 'https://hooks.slack.com/actions/T0001/1234/5678',
      actions: [
        {
          action_id: 'cw_metrics_graph',
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Graph', emoji: true },
          value: 'metrics rds cpu orders-db --since 3h --graph',
          type: 'button',
          action_ts: '1764072001.000200',
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

    // Act
    const response = await invoke(apiGatewayEvent({ body }));
    const forged = await invoke(apiGatewayEvent({ body, signature: 'v0=00' }));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(forged.statusCode).toBe(401);
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 1);
    const job = JSON.parse(
      new TextDecoder().decode(lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array),
    );
    expect(job).toMatchObject({
      command: '/cw',
      text: 'metrics rds cpu orders-db --since 3h --graph',
      responseUrl: 'https://hooks.slack.com/actions/T0001/1234/5678',
      channelId: 'C2147483705',
      userId: 'U2147483697',
    });
  });
});
