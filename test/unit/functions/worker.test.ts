import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startResponseUrlServer } from '../../fixtures/response-url-server.ts';
import { lambdaContext } from '../../fixtures/slack-requests.ts';

let handler: (event: unknown, context: Context) => Promise<{ delivered: boolean }>;
let server: Awaited<ReturnType<typeof startResponseUrlServer>>;

beforeAll(async () => {
  vi.stubEnv('DATA_SOURCE', 'demo');
  vi.stubEnv('AWS_REGION', 'eu-central-1');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  ({ handler } = (await import('../../../functions/worker.ts')) as unknown as { handler: typeof handler });
  server = await startResponseUrlServer();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const job = (text: string) => ({
  command: '/cw',
  text,
  responseUrl: `${server.url}/commands/T0001/123`,
  userId: 'U2147483697',
  channelId: 'C2147483705',
  teamId: 'T0001',
  reference: 'ref-1',
});

describe('functions/worker', () => {
  it('runs the command and replaces the "working on it" message through response_url', async () => {
    // Act
    const result = await handler(job('metrics rds cpu orders-db --since 1d'), lambdaContext(60_000));

    // Assess
    expect(result).toEqual({ delivered: true });
    const post = server.posts.at(-1);
    expect(post?.path).toBe('/commands/T0001/123');
    expect(post?.body.replace_original).toBe(true);
    expect(JSON.stringify(post?.body.blocks)).toContain('DBInstanceIdentifier=orders-db');
    expect(JSON.stringify(post?.body.blocks)).toContain('eu-central-1');
  });

  it('redraws a metric answer in place when one of its range buttons is pressed', async () => {
    // Act: the job the slack function hands over for a press of 1d (its value from the answer)
    const value = JSON.stringify({ v: 1, w: ['rds', 'cpu', 'orders-db'] });
    await handler({ ...job(''), action: { id: 'cw_metrics_range_1d', value } }, lambdaContext(60_000));

    // Assess
    const post = server.posts.at(-1);
    expect(post?.body.replace_original).toBe(true);
    expect(JSON.stringify(post?.body.blocks)).toContain('last 1d (');
  });

  it('posts a clear message, not silence, when the command is bad', async () => {
    await handler(job('metrics rds nope x'), lambdaContext(60_000));
    expect(server.posts.at(-1)?.body.text).toMatch(/`nope` is not a rds shortcut metric/);
  });

  it('refuses a malformed job without throwing, so Lambda does not retry it', async () => {
    const before = server.posts.length;
    await expect(handler({ hello: 'world' }, lambdaContext())).resolves.toEqual({ delivered: false });
    expect(server.posts).toHaveLength(before);
  });
});
