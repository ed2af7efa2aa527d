import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config.ts';
import { serve } from '../../infra/local/serve.ts';
import { startResponseUrlServer } from '../fixtures/response-url-server.ts';
import { SIGNING_SECRET, sign, slashCommandBody } from '../fixtures/slack-requests.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let server: Server;
let base: string;
let responses: Awaited<ReturnType<typeof startResponseUrlServer>>;

beforeAll(async () => {
  const config = loadConfig({ DATA_SOURCE: 'demo', SLACK_SIGNING_SECRET: SIGNING_SECRET, ACK_BUDGET_MS: '0' });
  server = await serve(config, 0, silent);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  responses = await startResponseUrlServer();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await responses.close();
});

async function postSigned(body: string, signature?: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature ?? sign(body, timestamp),
    },
    body,
  });
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('npm run serve (end to end over HTTP)', () => {
  it('acks a signed /cw metrics and delivers the answer to response_url', async () => {
    // Prepare: a zero ack budget sends every data-source command through the in-process worker
    const body = slashCommandBody({
      text: 'metrics lambda errors checkout-api --since 6h',
      response_url: `${responses.url}/commands/T0001/42`,
    });

    // Act
    const ack = await postSigned(body);

    // Assess
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as { text: string }).text).toMatch(/Fetching from CloudWatch/);
    const post = await waitFor(() => responses.posts.find((p) => p.path === '/commands/T0001/42'));
    expect(post.body.replace_original).toBe(true);
    const blocks = JSON.stringify(post.body.blocks);
    expect(blocks).toContain('Errors · AWS/Lambda');
    expect(blocks).toContain('FunctionName=checkout-api · Sum · period 5m · last 6h');
  });

  it('without SLACK_BOT_TOKEN, says the graph could not be posted and never shows a path on the server', async () => {
    // Prepare
    const body = slashCommandBody({
      text: 'metrics rds cpu orders-db --graph',
      response_url: `${responses.url}/commands/T0001/graph`,
    });

    // Act
    await postSigned(body);

    // Assess
    const post = await waitFor(() => responses.posts.find((p) => p.path === '/commands/T0001/graph'));
    const shown = JSON.stringify(post.body);
    expect(shown).toContain('The graph could not be posted');
    expect(shown).toContain('no Slack bot token configured (SLACK_BOT_TOKEN)');
    expect(shown).not.toContain('Graph posted');
    expect(shown).not.toContain('.cw-chatops-files');
    expect(shown).not.toContain(process.cwd());
  });

  it('delivers a Logs Insights result to a real HTTP response_url', async () => {
    // Prepare
    const body = slashCommandBody({
      text: 'logs query /aws/lambda/checkout-api --since 3h filter @message like /ERROR/ | limit 3',
      response_url: `${responses.url}/commands/T0001/logs`,
    });

    // Act
    const ack = await postSigned(body);

    // Assess
    expect(((await ack.json()) as { text: string }).text).toMatch(/Running the Logs Insights query/);
    const post = await waitFor(() => responses.posts.find((p) => p.path === '/commands/T0001/logs'));
    // The rows are a table block, in the attachments (handlers/slack-table.ts): it reaches response_url whole.
    const blocks = JSON.stringify([post.body.blocks, post.body.attachments]);
    expect(JSON.stringify(post.body.attachments)).toMatch(/^\[\{"blocks":\[\{"type":"table"/);
    expect(blocks).toMatch(/ERROR orders-db (query|connection) timeout/);
    expect(blocks).toMatch(/records matched/);
    expect(blocks).not.toContain('@ptr');
  });

  it('refuses an unsigned request with 401', async () => {
    const response = await postSigned(slashCommandBody(), 'v0=0000');
    expect(response.status).toBe(401);
  });

  it('answers 404 elsewhere and ok on /healthz', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
  });
});
