import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../infra/build/bundle.ts';
import { alarmEvent } from '../fixtures/alarm-events/index.ts';
import { startAwsStandIn } from '../fixtures/aws-stand-in.ts';
import { createAlarmTable, startDynalite } from '../fixtures/dynalite.ts';
import { startSlackApiServer } from '../fixtures/slack-api-server.ts';

/**
 * The bundled relay (dist/alarm-relay as deployed, built into a temporary directory) in a process of
 * its own with what Lambda gives it: the DynamoDB table (dynalite, the template's definition), the
 * bot token from SSM and the graph from CloudWatch (stand-ins), the routes as the JSON the bundle
 * wrote. The sources are tested everywhere else; this is what catches a bundle that loads differently
 * (a lazy import whose exports esbuild dropped).
 */
const CHILD = `
const { handler } = await import(process.env.BUNDLE);
const event = JSON.parse(process.env.EVENT);
const result = await handler(event, { getRemainingTimeInMillis: () => 30000, awsRequestId: 'r-1', functionName: 'relay' });
process.stdout.write(JSON.stringify(result));
`;

let dir: string;
let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let aws: Awaited<ReturnType<typeof startAwsStandIn>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cw-relay-bundle-'));
  [slack, dynamo, aws] = await Promise.all([startSlackApiServer(), startDynalite(), startAwsStandIn('xoxb-deployed')]);
  await Promise.all([
    bundle('alarm-relay', { alarmDefaultChannel: '' }, join(dir, 'dist')),
    createAlarmTable(dynamo.client, 'relay-bundle'),
  ]);
  writeFileSync(join(dir, 'child.mjs'), CHILD);
}, 60_000);
afterAll(async () => {
  await Promise.all([slack.close(), dynamo.close(), aws.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function runBundled(event: unknown): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'child.mjs')], {
      env: {
        PATH: process.env.PATH,
        ...dynamo.env,
        BUNDLE: pathToFileURL(join(dir, 'dist/index.mjs')).href,
        EVENT: JSON.stringify(event),
        AWS_LAMBDA_FUNCTION_NAME: 'cw-chatops-test-alarm-relay',
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        AWS_ENDPOINT_URL_SSM: aws.endpoint,
        AWS_ENDPOINT_URL_CLOUDWATCH: aws.endpoint,
        AWS_EC2_METADATA_DISABLED: 'true',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        SLACK_API_URL: slack.apiUrl,
        SLACK_BOT_TOKEN_PARAM: '/cw-chatops/test/slack-bot-token',
        ALARM_TABLE_NAME: 'relay-bundle',
        ALARM_DEFAULT_CHANNEL: 'C0DEPLOYED1',
        ALARM_ROUTES_FILE: join(dir, 'dist/alarm-routes.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the bundled alarm relay, as deployed', () => {
  it('posts an alarm with the token from SSM, claims it in DynamoDB, and posts its graph once', async () => {
    // Prepare
    const event = { ...alarmEvent('metric'), id: randomUUID() };

    // Act
    const first = await runBundled(event);
    const again = await runBundled(event);

    // Assess
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ outcome: 'posted', channel: 'C0DEPLOYED1' });
    expect(JSON.parse(again.stdout)).toEqual({ outcome: 'duplicate', eventId: event.id });
    expect(slack.callsTo('chat.postMessage').map((c) => c.token)).toEqual(['xoxb-deployed']);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(aws.calls.filter((c) => c.endsWith('GetMetricWidgetImage'))).toHaveLength(1);
    expect(aws.calls.filter((c) => c.endsWith('GetParameters'))).toHaveLength(2);
  });
});
