import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startResponseUrlServer } from '../../fixtures/response-url-server.ts';
import { apiGatewayEvent, lambdaContext, SIGNING_SECRET } from '../../fixtures/slack-requests.ts';

const lambdaMock = mockClient(LambdaClient);
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let responses: Awaited<ReturnType<typeof startResponseUrlServer>>;

beforeAll(async () => {
  // `/cw metrics` (and so every graph's range buttons) only in the metrics channel.
  const file = join(mkdtempSync(join(tmpdir(), 'cw-range-')), 'access-policy.yml');
  writeFileSync(
    file,
    [
      'workspaces: [T0001]',
      'rules:',
      '  - command: /cw',
      '  - command: /cw metrics',
      '    channels: [C0METRICS1]',
    ].join('\n'),
  );
  vi.stubEnv('SLACK_SIGNING_SECRET', SIGNING_SECRET);
  vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test');
  vi.stubEnv('WORKER_FUNCTION_NAME', 'cw-chatops-test-worker');
  vi.stubEnv('DATA_SOURCE', 'aws');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('ACCESS_POLICY_FILE', file);
  responses = await startResponseUrlServer();
  ({ handler } = (await import('../../../functions/slack.ts')) as unknown as { handler: typeof handler });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await responses.close();
});
beforeEach(() => lambdaMock.reset());

const VALUE = JSON.stringify({ v: 1, w: ['rds', 'cpu', 'orders-db', '--stat', 'Maximum'], s: 1 });

/**
 * A block_actions payload as Slack posts it for a button on a message the bot answered through
 * response_url (docs.slack.dev/reference/interaction-payloads/block_actions-payload): `container`
 * names the message, `actions[0]` the button with its `action_id`, `block_id` and `value`.
 */
function press(actionId: string, channel: string, value = VALUE) {
  const payload = {
    type: 'block_actions',
    user: { id: 'U2147483697', username: 'steve', name: 'steve', team_id: 'T0001' },
    api_app_id: 'A123456',
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    container: { type: 'message', message_ts: '1764072000.000100', channel_id: channel, is_ephemeral: true },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: 'T0001', domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'ops' },
    state: { values: {} },
    response_url: `${responses.url}/actions/${actionId}/${channel}`,
    actions: [
      {
        action_id: actionId,
        block_id: 'Qx1',
        text: { type: 'plain_text', text: actionId.slice(-2), emoji: true },
        value,
        type: 'button',
        action_ts: '1764072001.000200',
      },
    ],
  };
  return handler(
    apiGatewayEvent({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() }),
    lambdaContext(),
  );
}

const jobOf = (i: number) =>
  JSON.parse(new TextDecoder().decode(lambdaMock.commandCalls(InvokeCommand)[i]?.args[0].input.Payload as Uint8Array));

describe('functions/slack: range buttons', () => {
  it('hands a range press to the worker with its action and value, under the /cw metrics rule', async () => {
    // Prepare
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });

    // Act
    const response = await press('cw_metrics_range_1d', 'C0METRICS1');

    // Assess
    expect(response.statusCode).toBe(200);
    expect(jobOf(0)).toMatchObject({
      channelId: 'C0METRICS1',
      responseUrl: `${responses.url}/actions/cw_metrics_range_1d/C0METRICS1`,
      action: { id: 'cw_metrics_range_1d', value: VALUE },
    });
  });

  it.each([['cw_metrics_range_7d'], ['alarm_graph_range_1h']])(
    'refuses %s where /cw metrics is not allowed, before any work, and says where it is',
    async (actionId) => {
      // Act
      await press(actionId, 'C2147483705');

      // Assess
      expect(lambdaMock.calls()).toHaveLength(0);
      const refusal = responses.posts.find((p) => p.path === `/actions/${actionId}/C2147483705`)?.body;
      expect(refusal).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        text: ':no_entry: Sorry, `/cw metrics` can only be used in <#C0METRICS1>.',
      });
    },
  );
});
