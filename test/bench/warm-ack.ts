import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, round } from './stats.ts';

export interface WarmAck {
  command: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body?: string }>;

/**
 * The warm path in-process: a signed slash command through the bundled slack function
 * (signature check, policy, Bolt, the answer), timed from call to ack.
 */
export async function warmAcks(requests = 2000): Promise<WarmAck[]> {
  const secret = 'bench-signing-secret';
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: secret,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    WORKER_FUNCTION_NAME: 'bench-worker',
    DATA_SOURCE: 'demo',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ACCESS_POLICY_FILE: 'dist/slack/access-policy.json',
  });
  const { handler } = (await import(`file://${resolve('dist/slack/index.mjs')}`)) as { handler: Handler };
  const context = { getRemainingTimeInMillis: () => 10_000, awsRequestId: 'bench', functionName: 'bench' };
  const results: WarmAck[] = [];
  for (const text of ['help', 'metrics rds cpu orders-db', 'dbadvice']) {
    const command = text === 'dbadvice' ? '/dbadvice' : '/cw';
    const args = text === 'dbadvice' ? 'where should we keep user sessions? sub-millisecond reads' : text;
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const body = new URLSearchParams({
        team_id: 'T0CHANGEME',
        channel_id: 'C0BENCH01',
        user_id: 'U0BENCH01',
        command,
        text: args,
        response_url: 'http://127.0.0.1:9/r',
      }).toString();
      const ts = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
      const event = {
        version: '2.0',
        routeKey: 'POST /slack/events',
        rawPath: '/slack/events',
        rawQueryString: '',
        isBase64Encoded: false,
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
        requestContext: { requestId: `bench-${i}` },
      };
      const started = performance.now();
      const response = await handler(event, context);
      times.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`warm ack answered ${response.statusCode}`);
    }
    // The first requests warm the JIT; the figure is for a warm container.
    const warm = times.slice(Math.min(50, times.length / 10));
    results.push({
      command: `${command} ${args}`.slice(0, 40),
      requests,
      p50Ms: round(percentile(warm, 50), 2),
      p99Ms: round(percentile(warm, 99), 2),
    });
  }
  return results;
}
