import { randomUUID } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RelayResult } from '../../../handlers/alarm-relay/relay.ts';
import { type AlarmFixture, alarmEvent } from '../../fixtures/alarm-events/index.ts';
import { startSlackApiServer } from '../../fixtures/slack-api-server.ts';
import { lambdaContext } from '../../fixtures/slack-requests.ts';

const sqsMock = mockClient(SQSClient);
const DLQ_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/cw-chatops-alarm-relay-dlq';

let handler: (event: unknown, context: Context) => Promise<RelayResult>;
let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
const logs: string[] = [];

/**
 * The module, its in-memory store and its Slack clients live for the whole file, so each test uses
 * an event and an alarm of its own (fresh id and name: no thread from another test) and reads only
 * the calls and logs made since it started.
 */
function freshEvent(fixture: AlarmFixture) {
  const event = alarmEvent(fixture);
  const alarmName = `${event.detail.alarmName}-${randomUUID().slice(0, 8)}`;
  return {
    ...event,
    id: randomUUID(),
    resources: event.resources.map((arn) => arn.replace(/:alarm:.*/, `:alarm:${alarmName}`)),
    detail: { ...event.detail, alarmName },
  };
}

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
  ({ handler } = (await import('../../../functions/alarm-relay.ts')) as unknown as { handler: typeof handler });
});
beforeEach(() => {
  slack.calls.length = 0;
  logs.length = 0;
  slack.holdCalls(undefined);
  sqsMock.reset();
  sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await slack.close();
});

describe('functions/alarm-relay', () => {
  it('posts an alarm to the deployment’s default channel (the shipped routes send everything there)', async () => {
    // Act: the sample is AWS's example account 123456789012 in us-east-1; no shipped route may catch it.
    const event = freshEvent('metric');
    const result = await handler(event, lambdaContext(60_000));

    // Assess
    expect(result).toMatchObject({ outcome: 'posted', channel: 'C0DEFAULT01' });
    const [post] = slack.callsTo('chat.postMessage');
    expect(post?.token).toBe('xoxb-relay-test');
    expect(post?.args.text).toBe(`ALARM: ${event.detail.alarmName} (123456789012 us-east-1)`);
  });

  it('posts a graph of the hour before the change in the new alarm’s thread', async () => {
    // Act
    const result = await handler(freshEvent('metric'), lambdaContext(60_000));

    // Assess: the relay returns once the graph is posted.
    const [complete] = slack.callsTo('files.completeUploadExternal');
    expect(complete?.args).toMatchObject({ channel_id: 'C0DEFAULT01' });
    expect(complete?.args.thread_ts).toBe(result.outcome === 'posted' ? result.ts : 'none');
    expect(slack.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'alarm.png' });
  });

  it('returns the posted alarm when its graph does not finish before the deadline', async () => {
    // Prepare: 5 s of the Lambda's time are kept in reserve, so 5.4 s leave 400 ms.
    slack.holdCalls('files.getUploadURLExternal');

    // Act
    const result = await handler(freshEvent('metric'), lambdaContext(5_400));

    // Assess
    expect(result).toMatchObject({ outcome: 'posted' });
    expect(logs.find((l) => l.includes('Could not attach the alarm graph'))).toMatch(/deadline/);
  });

  it('logs with the alarm name and event id as keys, and no token', async () => {
    // Prepare
    const event = freshEvent('metric');

    // Act
    await handler(event, lambdaContext(60_000));

    // Assess
    const line = logs.find((l) => l.includes('Alarm relayed'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line ?? '{}');
    expect(entry).toMatchObject({ alarmName: event.detail.alarmName, eventId: event.id });
    expect(logs.join('\n')).not.toContain('xoxb-relay-test');
  });

  it('posts the same event once', async () => {
    // Prepare
    const event = freshEvent('metric');
    await handler(event, lambdaContext(60_000));

    // Act
    const again = await handler(structuredClone(event), lambdaContext(60_000));

    // Assess
    expect(again).toMatchObject({ outcome: 'duplicate' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('sends an invalid event to the dead-letter queue without failing the invocation', async () => {
    // Prepare
    const event = { ...freshEvent('anomaly-detection'), detail: { alarmName: 'x', state: { value: 'MAYBE' } } };

    // Act
    const result = await handler(event, lambdaContext(60_000));

    // Assess
    expect(result).toMatchObject({ outcome: 'invalid' });
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: DLQ_URL,
      MessageBody: JSON.stringify(event),
    });
  });

  it('dead-letters at once when the default channel (the only one here) refuses the alarm', async () => {
    // Prepare
    const event = freshEvent('composite');
    slack.failNextWith('not_in_channel');

    // Act
    const result = await handler(event, lambdaContext(60_000));

    // Assess: retrying cannot help, so it is not retried; the DLQ keeps the event with why.
    expect(result).toMatchObject({ outcome: 'dead-lettered', channel: 'C0DEFAULT01' });
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: DLQ_URL,
      MessageBody: JSON.stringify(event),
      MessageAttributes: expect.objectContaining({ ErrorCode: { DataType: 'String', StringValue: 'ChannelRefused' } }),
    });
    const line = logs.find((l) => l.includes('The route channel refused the alarm') && l.includes(event.id));
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      eventId: event.id,
      route: 'default',
      channel: 'C0DEFAULT01',
      RouteFailures: 1,
    });
  });

  /** An SQS event as Lambda's event source mapping delivers it (docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). */
  const sqsEvent = (bodies: string[]) => ({
    Records: bodies.map((body, i) => ({
      messageId: `059f36b4-87a3-44ab-83d2-66${String(i).padStart(10, '0')}`,
      receiptHandle: `AQEB${i}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1545082649183' },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:cw-chatops-dev-alarm-events',
      awsRegion: 'us-east-1',
    })),
  });

  it('relays a queue batch together and reports nothing failed when all are posted or dead-lettered', async () => {
    // Prepare: two alarms and a body that is not JSON.
    const [a, b] = [freshEvent('metric'), freshEvent('composite')];

    // Act
    const result = await handler(sqsEvent([JSON.stringify(a), '{not json', JSON.stringify(b)]), lambdaContext(60_000));

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const texts = slack.callsTo('chat.postMessage').map((c) => String(c.args.text));
    expect(texts.filter((t) => t.includes(a.detail.alarmName) || t.includes(b.detail.alarmName))).toHaveLength(2);
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, { QueueUrl: DLQ_URL, MessageBody: '"{not json"' });
  });

  it('names only the messages that failed, so the queue gives back just those', async () => {
    // Prepare: Slack answers 503 to the first alarm's every attempt; the other is posted after.
    const [failing, fine] = [freshEvent('metric'), freshEvent('composite')];
    slack.failNext(...Array.from({ length: 8 }, () => 503));
    const first = await handler(sqsEvent([JSON.stringify(failing)]), lambdaContext(60_000));

    // Act
    const second = await handler(sqsEvent([JSON.stringify(fine), JSON.stringify(failing)]), lambdaContext(60_000));

    // Assess
    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-660000000000' }] });
    expect(second).toEqual({ batchItemFailures: [] });
  });
});
