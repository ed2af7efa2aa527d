import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RelayResult } from '../../../handlers/alarms/relay.ts';
import { alarmEvent } from '../../fixtures/alarm-events/index.ts';
import { startSlackApiServer } from '../../fixtures/slack-api-server.ts';
import { lambdaContext } from '../../fixtures/slack-requests.ts';

const sqsMock = mockClient(SQSClient);
const DLQ_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-alarm-relay-dlq';

let handler: (event: unknown, context: Context) => Promise<RelayResult>;
let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
const logs: string[] = [];

beforeAll(async () => {
  slack = await startSlackApiServer();
  vi.stubEnv('DATA_SOURCE', 'demo');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-relay-test');
  vi.stubEnv('SLACK_API_URL', slack.apiUrl);
  vi.stubEnv('ALARM_DEFAULT_CHANNEL', 'C0DEFAULT01');
  vi.stubEnv('ALARM_DLQ_URL', DLQ_URL);
  vi.stubEnv('ALARM_TABLE_NAME', '');
  // POWERTOOLS_DEV makes the logger write through the global console, where the test can read it.
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => void logs.push(String(line)));
  }
  sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  ({ handler } = (await import('../../../functions/alarm-relay.ts')) as unknown as { handler: typeof handler });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await slack.close();
});

describe('functions/alarm-relay', () => {
  it('posts an alarm to the channel infra/alarm-routes.yml names and returns what it did', async () => {
    // Act: the sample is account 123456789012 in us-east-1, the "production-account" route.
    const result = await handler(alarmEvent('metric'), lambdaContext(60_000));

    // Assess
    expect(result).toMatchObject({ outcome: 'posted', channel: 'C0PRODOPS01' });
    const [post] = slack.callsTo('chat.postMessage');
    expect(post?.token).toBe('xoxb-relay-test');
    expect(post?.args.text).toBe('ALARM: ServerCpuTooHigh (123456789012 us-east-1)');
  });

  it('posts a graph of the hour before the change in the new alarm’s thread', async () => {
    // The graph follows the post; give the upload a moment to finish.
    for (let i = 0; i < 50 && slack.callsTo('files.completeUploadExternal').length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [parent] = slack.callsTo('chat.postMessage');
    const [complete] = slack.callsTo('files.completeUploadExternal');
    expect(complete?.args).toMatchObject({ channel_id: 'C0PRODOPS01' });
    expect(complete?.args.thread_ts).toBeDefined();
    expect(parent).toBeDefined();
    expect(slack.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'alarm.png' });
  });

  it('logs with the alarm name and event id as keys, and no token', () => {
    const line = logs.find((l) => l.includes('Alarm relayed'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line ?? '{}');
    expect(entry).toMatchObject({ alarmName: 'ServerCpuTooHigh', eventId: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92' });
    expect(logs.join('\n')).not.toContain('xoxb-relay-test');
  });

  it('posts the same event once', async () => {
    await expect(handler(alarmEvent('metric'), lambdaContext(60_000))).resolves.toMatchObject({ outcome: 'duplicate' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('sends an invalid event to the dead-letter queue without failing the invocation', async () => {
    // Prepare
    const event = { ...alarmEvent('anomaly-detection'), detail: { alarmName: 'x', state: { value: 'MAYBE' } } };

    // Act
    const result = await handler(event, lambdaContext(60_000));

    // Assess
    expect(result).toMatchObject({ outcome: 'invalid' });
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: DLQ_URL,
      MessageBody: JSON.stringify(event),
    });
  });

  it('fails the invocation when Slack refuses, so Lambda retries and then dead-letters it', async () => {
    slack.failNextWith('channel_not_found');
    await expect(handler(alarmEvent('composite'), lambdaContext(60_000))).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    // Lambda's retry of the same event then posts it.
    await expect(handler(alarmEvent('composite'), lambdaContext(60_000))).resolves.toMatchObject({ outcome: 'posted' });
  });
});
