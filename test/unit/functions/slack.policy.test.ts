import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGatewayEvent, lambdaContext, SIGNING_SECRET, slashCommandBody } from '../../fixtures/slack-requests.ts';

const BOT_TOKEN = 'xoxb-1234567890-0987654321-SeCrEtToKeNvAlUe';
const lambdaMock = mockClient(LambdaClient);
const cloudWatchMock = mockClient(CloudWatchClient);
const lines: string[] = [];
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-policy-'));
  const file = join(dir, 'access-policy.yml');
  writeFileSync(
    file,
    [
      'workspaces: [T0001]',
      'rules:',
      '  - command: /cw',
      '  - command: /cw logs',
      '    channels: [C0ONCALL1]',
      '  - command: /dbadvice',
      '  - command: /dbadvice fleet',
      '    users: [U0LEAD001]',
    ].join('\n'),
  );
  vi.stubEnv('SLACK_SIGNING_SECRET', SIGNING_SECRET);
  vi.stubEnv('SLACK_BOT_TOKEN', BOT_TOKEN);
  vi.stubEnv('WORKER_FUNCTION_NAME', 'cw-chatops-test-worker');
  vi.stubEnv('DATA_SOURCE', 'aws');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('LOG_GROUPS_ALLOWED', '/aws/lambda/*');
  vi.stubEnv('ACCESS_POLICY_FILE', file);
  // POWERTOOLS_DEV sends the logger's lines through the console, where the test reads them all.
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
  ({ handler } = (await import('../../../functions/slack.ts')) as unknown as { handler: typeof handler });
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
beforeEach(() => {
  lambdaMock.reset();
  cloudWatchMock.reset();
});

const invoke = (fields: Record<string, string>) =>
  handler(apiGatewayEvent({ body: slashCommandBody(fields) }), lambdaContext());
/** Every structured line that parses; POWERTOOLS_DEV pretty-prints them over several lines. */
function entries(): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
const audits = () => entries().filter((e) => e.audit === true);

describe('functions/slack with an access policy', () => {
  it('refuses another workspace before any work, politely, naming the team id and the file, in Slack and in the log', async () => {
    // Act
    const response = await invoke({ team_id: 'T0OTHER01', text: 'metrics rds cpu orders-db' });

    // Assess
    const body = JSON.parse(response.body ?? '{}');
    expect(body).toMatchObject({
      response_type: 'ephemeral',
      text: ':no_entry: This bot is not set up for this workspace (`T0OTHER01`) yet. An admin can add `T0OTHER01` to `workspaces` in `infra/access-policy.yml` and deploy again.',
    });
    const warning = entries().find((e) => e.level === 'WARN' && String(e.message).includes('T0OTHER01'));
    expect(warning?.message).toMatch(/not in `workspaces` of infra\/access-policy\.yml/);
    expect(cloudWatchMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('refuses /cw logs outside the on-call channel and says where it is allowed', async () => {
    const response = await invoke({ text: 'logs query /aws/lambda/checkout-api' });
    expect(JSON.parse(response.body ?? '{}').text).toBe(
      ':no_entry: Sorry, `/cw logs` can only be used in <#C0ONCALL1>.',
    );
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it.each([
    ['an alias', 'log query /aws/lambda/checkout-api'],
    ['another case', 'LOGS QUERY /aws/lambda/checkout-api'],
    ['saved queries', 'logs saved'],
  ])('applies the /cw logs rule whatever the spelling (%s)', async (_, text) => {
    const response = await invoke({ text });
    expect(JSON.parse(response.body ?? '{}').text).toBe(
      ':no_entry: Sorry, `/cw logs` can only be used in <#C0ONCALL1>.',
    );
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('allows /cw logs in the on-call channel', async () => {
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const response = await invoke({ channel_id: 'C0ONCALL1', text: 'logs query /aws/lambda/checkout-api' });
    expect(JSON.parse(response.body ?? '{}').text).toMatch(/Running the Logs Insights query/);
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 1);
  });

  it.each([['fleet'], ['--share fleet'], ['플릿'], ['FLEET --share']])(
    'applies the /dbadvice fleet rule to %j, while questions that start with "fleet" stay questions',
    async (text) => {
      const refused = await invoke({ command: '/dbadvice', text });
      expect(JSON.parse(refused.body ?? '{}').text).toBe(
        ':no_entry: Sorry, `/dbadvice fleet` can only be used by <@U0LEAD001>.',
      );
      const question = await invoke({
        command: '/dbadvice',
        text: `${text} management telemetry from 10k trucks, time series`,
      });
      expect(JSON.parse(question.body ?? '{}').text).not.toMatch(/no_entry/);
    },
  );

  it('writes one audit line per command: who, where, what and the outcome, without the rest of the text', async () => {
    // Prepare
    cloudWatchMock
      .on(GetMetricDataCommand)
      .rejects(Object.assign(new Error(`boom ${BOT_TOKEN.slice(0, 4)}`), { name: 'InternalFailure' }));
    lines.length = 0;

    // Act
    await invoke({ text: 'metrics rds cpu orders-db-with-a-private-name' });

    // Assess
    expect(audits()).toEqual([
      expect.objectContaining({
        teamId: 'T0001',
        channelId: 'C2147483705',
        userId: 'U2147483697',
        what: '/cw metrics',
        outcome: 'failed',
        reference: 'JKJaXmPLvHcESHA=',
      }),
    ]);
    expect(lines.join('\n')).not.toContain('orders-db-with-a-private-name');
  });

  it('never writes the signing secret or the bot token to a log line, whatever happens', async () => {
    // Act: answered, refused, failed, handed off, unsigned and stale requests, with debug logging on
    lambdaMock.on(InvokeCommand).rejects(new Error('lambda down'));
    cloudWatchMock.on(GetMetricDataCommand).rejects(new Error('cloudwatch down'));
    await invoke({ text: 'help' });
    await invoke({ text: 'metrics rds cpu db' });
    await invoke({ team_id: 'T0OTHER01', text: 'help' });
    await invoke({ channel_id: 'C0ONCALL1', text: 'logs query /aws/lambda/x' });
    await handler(apiGatewayEvent({ body: slashCommandBody(), signature: 'v0=bad' }), lambdaContext());
    await handler(apiGatewayEvent({ body: slashCommandBody(), timestamp: 1 }), lambdaContext());

    // Assess
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain(BOT_TOKEN);
    // Slack's deprecated verification token travels in every body; Bolt's debug lines would log it.
    expect(all).not.toContain('gIkuvaNzQIHg97ATvDxqgjtO');
  });
});
