import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGatewayEvent, lambdaContext, SIGNING_SECRET, slashCommandBody } from '../../fixtures/slack-requests.ts';

/**
 * The slack function in a monitoring account in eu-central-1 that may read eu-west-1 too, with two
 * linked accounts, and a policy that keeps the payments channel to the payments account in
 * eu-west-1. Every refusal comes before any AWS call; what is allowed reaches the Region's own client.
 */
const PAYMENTS = '210987654321';
const SEARCH = '309876543210';
const lambdaMock = mockClient(LambdaClient);
const cloudWatchMock = mockClient(CloudWatchClient);
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-scope-'));
  const file = join(dir, 'access-policy.yml');
  writeFileSync(
    file,
    [
      'workspaces: [T0001]',
      'rules:',
      '  - command: /cw',
      'limits:',
      '  - channels: [C0PAYMENTS]',
      '    accounts: [payments]',
      '    regions: [eu-west-1]',
    ].join('\n'),
  );
  vi.stubEnv('SLACK_SIGNING_SECRET', SIGNING_SECRET);
  vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-1-2-scope');
  vi.stubEnv('WORKER_FUNCTION_NAME', 'cw-chatops-test-worker');
  vi.stubEnv('DATA_SOURCE', 'aws');
  vi.stubEnv('AWS_REGION', 'eu-central-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('REGIONS_ALLOWED', 'eu-west-1');
  vi.stubEnv('ACCOUNTS', `payments=${PAYMENTS},search=${SEARCH}`);
  vi.stubEnv('ACCESS_POLICY_FILE', file);
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'ERROR');
  ({ handler } = (await import('../../../functions/slack.ts')) as unknown as { handler: typeof handler });
});
afterAll(() => {
  vi.unstubAllEnvs();
});
beforeEach(() => {
  lambdaMock.reset();
  cloudWatchMock.reset();
  cloudWatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
  lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
});

const invoke = async (fields: Record<string, string>) => {
  const response = await handler(apiGatewayEvent({ body: slashCommandBody(fields) }), lambdaContext());
  const body = JSON.parse(response.body ?? '{}') as { text?: string; blocks?: unknown[] };
  // What the person reads: the one-line text and the blocks (the usage and example are in the blocks).
  return { ...body, shown: `${body.text ?? ''}\n${JSON.stringify(body.blocks ?? [])}` };
};
/** The Region of the client each GetMetricData went to. */
const regionsCalled = () =>
  Promise.all(
    cloudWatchMock
      .commandCalls(GetMetricDataCommand)
      .map((call) => (call.thisValue as CloudWatchClient).config.region()),
  );
const accountIds = () =>
  cloudWatchMock
    .commandCalls(GetMetricDataCommand)
    .map((call) => call.args[0].input.MetricDataQueries?.map((q) => q.AccountId));
const jobs = () =>
  lambdaMock
    .commandCalls(InvokeCommand)
    .map((call) => JSON.parse(new TextDecoder().decode(call.args[0].input.Payload as Uint8Array)));

describe('functions/slack: Regions and accounts', () => {
  it('reads another allowed Region with that Region’s own client, and this Region with its own', async () => {
    // Act
    await invoke({ text: 'metrics rds cpu ledger-db --region eu-west-1' });
    await invoke({ text: 'metrics rds cpu ledger-db' });

    // Assess
    expect(await regionsCalled()).toEqual(['eu-west-1', 'eu-central-1']);
  });

  it('reads a linked account by alias with MetricDataQuery.AccountId, and names it in the answer', async () => {
    // Act
    const answer = await invoke({ text: 'metrics rds cpu ledger-db --account search' });

    // Assess
    expect(accountIds()).toEqual([[SEARCH]]);
    expect(JSON.stringify(answer.blocks)).toContain(`search (${SEARCH}) · eu-central-1`);
  });

  it('refuses a Region outside REGIONS_ALLOWED before any AWS call, with the allowed ones and an example', async () => {
    // Act
    const answer = await invoke({ text: 'metrics rds cpu ledger-db --region us-east-1' });

    // Assess
    expect(answer.shown).toContain('This bot does not read `us-east-1`');
    expect(answer.shown).toContain('`eu-central-1`, `eu-west-1`');
    expect(answer.shown).toContain('Example: `/cw metrics rds cpu ledger-db --region eu-west-1`');
    expect(cloudWatchMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('keeps the payments channel to the payments account in eu-west-1, refusing anything else before any call', async () => {
    // Act
    const account = await invoke({ channel_id: 'C0PAYMENTS', text: 'metrics rds cpu ledger-db --account search' });
    const region = await invoke({ channel_id: 'C0PAYMENTS', text: 'top rds cpu --region eu-central-1' });
    const handedOff = await invoke({ channel_id: 'C0PAYMENTS', text: 'logs query /aws/x --account search' });

    // Assess
    expect(account.shown).toContain('may not read search (309876543210) (the access policy limits it)');
    expect(account.shown).toContain(`Accounts here: payments (${PAYMENTS})`);
    expect(region.shown).toContain('may not read `eu-central-1`');
    expect(handedOff.shown).toContain('may not read search');
    expect(cloudWatchMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });

  it('reads the payments account in eu-west-1 in the payments channel when nothing is typed', async () => {
    // Act
    await invoke({ channel_id: 'C0PAYMENTS', text: 'metrics rds cpu ledger-db' });

    // Assess
    expect(await regionsCalled()).toEqual(['eu-west-1']);
    expect(accountIds()).toEqual([[PAYMENTS]]);
  });

  it('hands the channel’s limit to the worker with the job, so the worker enforces it too', async () => {
    // Act
    await invoke({ channel_id: 'C0PAYMENTS', text: 'metrics rds cpu ledger-db --graph' });
    await invoke({ text: 'metrics rds cpu ledger-db --graph' });

    // Assess
    const [limited, open] = jobs();
    expect(limited.scopeLimit).toEqual({ accounts: [PAYMENTS], regions: ['eu-west-1'] });
    expect(open).not.toHaveProperty('scopeLimit');
  });
});
