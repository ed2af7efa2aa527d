import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAwsStandIn } from '../fixtures/aws-stand-in.ts';
import { createAlarmTable, startDynalite } from '../fixtures/dynalite.ts';
import { startSlackApiServer } from '../fixtures/slack-api-server.ts';
import { median, round } from './stats.ts';

/**
 * Cold start as a fresh Node 24 process sees it: spawn → import the bundled function → answer one
 * request → exit, against a process that only starts Node. The child scripts are plain .mjs so
 * no TypeScript stripping is measured.
 */

const SECRET = 'bench-signing-secret';

const SLACK_CHILD = `
import { createHmac } from 'node:crypto';
const { handler } = await import(process.env.BUNDLE);
const body = new URLSearchParams({ team_id: 'T0CHANGEME', channel_id: 'C0BENCH01', user_id: 'U0BENCH01', command: '/cw', text: 'help', response_url: 'http://127.0.0.1:9/r' }).toString();
const ts = Math.floor(Date.now() / 1000);
const sig = 'v0=' + createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update('v0:' + ts + ':' + body).digest('hex');
const event = { version: '2.0', routeKey: 'POST /slack/events', rawPath: '/slack/events', rawQueryString: '', isBase64Encoded: false, body,
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
  requestContext: { requestId: 'bench' } };
const response = await handler(event, { getRemainingTimeInMillis: () => 10000, awsRequestId: 'bench', functionName: 'bench' });
if (response.statusCode !== 200 || !response.body.includes('/cw')) { console.error(response); process.exit(1); }
`;

const RELAY_CHILD = `
import { readFileSync } from 'node:fs';
const { handler } = await import(process.env.BUNDLE);
const event = JSON.parse(readFileSync(process.env.EVENT_FILE, 'utf8'));
// An event and an alarm of its own per run, so each is a new parent, as the first ALARM of an alarm is.
event.id = 'bench-' + process.pid + '-' + Date.now();
event.detail.alarmName += '-' + event.id;
event.resources = event.resources.map((arn) => arn.replace(/:alarm:.*/, ':alarm:' + event.detail.alarmName));
const result = await handler(event, { getRemainingTimeInMillis: () => 60000, awsRequestId: 'bench', functionName: 'bench' });
if (result.outcome !== 'posted') { console.error(result); process.exit(1); }
`;

function timeProcess(args: string[], env: NodeJS.ProcessEnv, onStart?: (wallMs: number) => void): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    onStart?.(Date.now());
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => {
      errors += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolvePromise(ms);
      else reject(new Error(`cold-start child failed (${code}): ${errors.slice(-3000)}`));
    });
  });
}

export interface ColdStart {
  fn: string;
  runs: number;
  nodeFloorMs: number;
  medianMs: number;
  overFloorMs: number;
  ratio: number;
  /** The relay: from spawn until Slack received its chat.postMessage (the graph comes after). */
  toPostMs?: number;
  toPostRatio?: number;
}

async function measure(
  fn: string,
  child: string,
  env: NodeJS.ProcessEnv,
  runs: number,
  slack?: Awaited<ReturnType<typeof startSlackApiServer>>,
): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-cold-'));
  const script = join(dir, `${fn}.mjs`);
  writeFileSync(script, child);
  const childEnv = { ...env, BUNDLE: `file://${resolve(`dist/${fn}/index.mjs`)}` };
  const floor: number[] = [];
  const cold: number[] = [];
  await timeProcess([script], childEnv); // a first run warms the OS file cache, as a provisioned Lambda host would be
  const toPost: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so machine noise hits both series alike.
    floor.push(await timeProcess(['-e', ''], childEnv));
    let spawnedAt = 0;
    cold.push(await timeProcess([script], childEnv, (at) => (spawnedAt = at)));
    const post = slack?.calls.find((c) => c.method === 'chat.postMessage' && c.at >= spawnedAt);
    if (post) toPost.push(post.at - spawnedAt);
  }
  const nodeFloorMs = median(floor);
  const medianMs = median(cold);
  const posted = toPost.length
    ? { toPostMs: round(median(toPost)), toPostRatio: round(median(toPost) / nodeFloorMs, 2) }
    : {};
  return {
    ...posted,
    fn,
    runs,
    nodeFloorMs: round(nodeFloorMs),
    medianMs: round(medianMs),
    overFloorMs: round(medianMs - nodeFloorMs),
    ratio: round(medianMs / nodeFloorMs, 2),
  };
}

export async function coldStarts(runs = 15): Promise<ColdStart[]> {
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_REGION: 'us-east-1',
    DATA_SOURCE: 'demo',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    SLACK_BOT_TOKEN: 'xoxb-bench',
  };
  const slack = await measure(
    'slack',
    SLACK_CHILD,
    {
      ...base,
      SLACK_SIGNING_SECRET: SECRET,
      WORKER_FUNCTION_NAME: 'bench-worker',
      ACCESS_POLICY_FILE: 'dist/slack/access-policy.json',
    },
    runs,
  );
  // The relay as deployed: the DynamoDB store (dynalite, the template's table), the bot token from SSM
  // and the graph from CloudWatch (a stand-in for both), all reached through the SDK's endpoint variables.
  const api = await startSlackApiServer();
  const dynamo = await startDynalite();
  const aws = await startAwsStandIn('xoxb-bench');
  try {
    await createAlarmTable(dynamo.client, 'bench-alarm-state');
    const dir = mkdtempSync(join(tmpdir(), 'cw-event-'));
    const eventFile = join(dir, 'event.json');
    writeFileSync(eventFile, readFileSync('test/fixtures/alarm-events/metric.json'));
    const relay = await measure(
      'alarm-relay',
      RELAY_CHILD,
      {
        ...base,
        ...dynamo.env,
        DATA_SOURCE: 'aws',
        SLACK_BOT_TOKEN: '',
        SLACK_BOT_TOKEN_PARAM: '/cw-chatops/bench/slack-bot-token',
        ALARM_TABLE_NAME: 'bench-alarm-state',
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        AWS_ENDPOINT_URL_SSM: aws.endpoint,
        AWS_ENDPOINT_URL_CLOUDWATCH: aws.endpoint,
        AWS_EC2_METADATA_DISABLED: 'true',
        SLACK_API_URL: api.apiUrl,
        ALARM_DEFAULT_CHANNEL: 'C0BENCH01',
        ALARM_ROUTES_FILE: 'dist/alarm-relay/alarm-routes.json',
        EVENT_FILE: eventFile,
      },
      runs,
      api,
    );
    // Each run must have loaded what a deployed relay loads: the token from SSM, the graph from CloudWatch.
    const perRun = (target: string) => aws.calls.filter((c) => c.endsWith(target)).length;
    if (perRun('GetParameters') < runs || perRun('GetMetricWidgetImage') < runs) {
      throw new Error(`the relay runs did not all read SSM and CloudWatch: ${aws.calls.join(', ')}`);
    }
    return [slack, relay];
  } finally {
    await Promise.all([api.close(), dynamo.close(), aws.close()]);
  }
}
