import { describe, expect, it } from 'vitest';
import { type AlarmRelayDeps, createAlarmRelay, RESERVE_MS } from '../../../../handlers/alarm-relay/alarm-relay.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import type { FilesPort, MetricImagePort } from '../../../../handlers/ports.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { alarmEvent } from '../../../fixtures/alarm-events/index.ts';

const NOW = Date.parse('2019-10-02T17:05:00Z');

function setup(options: { post?: () => Promise<{ ts: string }>; files?: FilesPort } = {}) {
  const seen: { token: string | undefined; deadlineMs: number }[] = [];
  const keys: Record<string, string>[] = [];
  const drawn: string[] = [];
  const uploads: string[] = [];
  const retried: { receiptHandle: string; delaySeconds: number }[] = [];
  const images: MetricImagePort = {
    getMetricImage: async (request) => {
      drawn.push(request.title ?? '');
      return new Uint8Array([1]);
    },
  };
  const files: FilesPort = options.files ?? {
    upload: async (file) => {
      uploads.push(`${file.channelId} ${file.threadTs}`);
      return {};
    },
  };
  const deps: AlarmRelayDeps = {
    routing: validateAlarmRouting({ routes: [] }, 'test', 'C0DEFAULT01'),
    store: createInMemoryAlarmStore(),
    deadLetter: async () => {},
    logger: { info: () => {}, warn: () => {}, error: () => {}, appendKeys: (k) => void keys.push(k) },
    slack: (token, deadlineMs) => {
      seen.push({ token, deadlineMs });
      return {
        poster: { post: options.post ?? (async () => ({ ts: '1570035900.000100' })), update: async () => {} },
        files: token ? files : undefined,
      };
    },
    images,
    retryLater: async (messages) => void retried.push(...messages),
    now: () => NOW,
    sleep: async () => {},
  };
  return { relay: createAlarmRelay(deps), seen, keys, drawn, uploads, retried };
}

describe('handlers/alarm-relay/alarm-relay', () => {
  it('relays an event invoked directly with the invocation’s token and deadline, less the reserve', async () => {
    // Prepare
    const { relay, seen, keys, drawn, uploads } = setup();
    const event = alarmEvent('metric');

    // Act
    const result = await relay(event, { botToken: 'xoxb-1', remainingTimeMs: 60_000 });

    // Assess
    expect(result).toEqual({
      outcome: 'posted',
      channel: 'C0DEFAULT01',
      ts: '1570035900.000100',
      threadTs: '1570035900.000100',
    });
    expect(seen).toEqual([{ token: 'xoxb-1', deadlineMs: NOW + 60_000 - RESERVE_MS }]);
    expect(keys).toEqual([{ eventId: event.id, alarmName: event.detail.alarmName }]);
    expect(drawn).toEqual([event.detail.alarmName]);
    expect(uploads).toEqual(['C0DEFAULT01 1570035900.000100']);
  });

  it('posts no graph without a bot token for files', async () => {
    // Prepare
    const { relay, drawn } = setup();

    // Act
    const result = await relay(alarmEvent('metric'), { botToken: undefined, remainingTimeMs: 60_000 });

    // Assess
    expect(result).toMatchObject({ outcome: 'posted' });
    expect(drawn).toEqual([]);
  });

  it('relays a queue batch and retries a failed message after the delay of its receive count', async () => {
    // Prepare: an SQS record as Lambda delivers it (docs.aws.amazon.com/lambda/latest/dg/with-sqs.html).
    const { relay, retried } = setup({
      post: async () => {
        throw new Error('An HTTP protocol error occurred: statusCode = 503');
      },
    });
    const record = {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
      body: JSON.stringify(alarmEvent('metric')),
      attributes: { ApproximateReceiveCount: '3', SentTimestamp: '1545082649183' },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:cw-chatops-dev-alarm-events',
      awsRegion: 'us-east-1',
    };

    // Act
    const result = await relay({ Records: [record] }, { botToken: 'xoxb-1', remainingTimeMs: 60_000 });

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: record.messageId }] });
    expect(retried).toEqual([{ receiptHandle: record.receiptHandle, delaySeconds: 60 }]);
  });
});
