import { ErrorCode } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackPoster, type SlackPosterOptions } from '../../../../infra/slack/slack-poster.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer({ retryAfterSeconds: 2 });
});
afterEach(async () => {
  await slack.close();
});

const message = {
  text: 'ALARM: ServerCpuTooHigh',
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'hi' } }],
};

function poster(options: Partial<SlackPosterOptions> = {}) {
  const waits: number[] = [];
  return {
    waits,
    poster: createSlackPoster({
      token: 'xoxb-test',
      slackApiUrl: slack.apiUrl,
      // Tiny backoff keeps the 5xx tests fast; the policy's shape is what is under test.
      retryConfig: { retries: 3, factor: 2, minTimeout: 1, maxTimeout: 5 },
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options,
    }),
  };
}

describe('infra/slack/slack-poster', () => {
  it('posts blocks, in a thread when given one, and returns the ts', async () => {
    // Act
    const { ts } = await poster().poster.post('C0PAYMENTS1', message, '1764072001.000100');

    // Assess
    expect(ts).toMatch(/^\d+\.\d+$/);
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C0PAYMENTS1', thread_ts: '1764072001.000100', text: message.text });
    expect(call?.args.blocks).toEqual(message.blocks);
    expect(call?.token).toBe('xoxb-test');
  });

  it('posts and updates a message’s table in its attachments, where Slack documents it', async () => {
    // Prepare: the table block's shape, https://docs.slack.dev/reference/block-kit/blocks/table-block
    const table = {
      type: 'table' as const,
      rows: [
        [{ type: 'raw_text' as const, text: 'Alarm' }],
        [{ type: 'raw_text' as const, text: 'orders-db-cpu-high' }],
      ],
    };
    const withTable = { ...message, attachments: [{ blocks: [table] }] };

    // Act
    await poster().poster.post('C0PAYMENTS1', withTable);
    await poster().poster.update('C0PAYMENTS1', '1764072001.000100', withTable);

    // Assess
    expect(slack.callsTo('chat.postMessage')[0]?.args.attachments).toEqual([{ blocks: [table] }]);
    expect(slack.callsTo('chat.update')[0]?.args.attachments).toEqual([{ blocks: [table] }]);
  });

  it('updates a message with chat.update', async () => {
    await poster().poster.update('C0PAYMENTS1', '1764072001.000100', message);
    expect(slack.callsTo('chat.update')[0]?.args).toMatchObject({ channel: 'C0PAYMENTS1', ts: '1764072001.000100' });
  });

  it('waits exactly Retry-After on 429, then posts', async () => {
    // Prepare
    const { poster: p, waits } = poster();
    slack.failNext(429);

    // Act
    await p.post('C0PAYMENTS1', message);

    // Assess
    expect(waits).toEqual([2000]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('really waits Retry-After by default, staying within Slack’s one message per second per channel', async () => {
    // Prepare
    const limited = await startSlackApiServer({ perChannelIntervalMs: 1000, retryAfterSeconds: 1 });
    const p = createSlackPoster({ token: 'xoxb-test', slackApiUrl: limited.apiUrl });
    await p.post('C0PAYMENTS1', message);

    // Act: the second post in the same second is answered 429 Retry-After: 1.
    await p.post('C0PAYMENTS1', message);

    // Assess
    const [first, second] = limited.callsTo('chat.postMessage');
    expect(limited.callsTo('chat.postMessage (429)')).toHaveLength(1);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    await limited.close();
  });

  it('retries 5xx with backoff, then posts', async () => {
    slack.failNext(500, 503);
    await expect(poster().poster.post('C0PAYMENTS1', message)).resolves.toMatchObject({ ts: expect.any(String) });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('throws after the last 5xx retry, so the invocation fails and Lambda retries', async () => {
    // Prepare
    const { poster: p } = poster();
    slack.failNext(500, 502, 503, 504);

    // Act
    const failed = p.post('C0PAYMENTS1', message);

    // Assess: four attempts used the four failures, so the next post goes through at once.
    await expect(failed).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 504 });
    await p.post('C0PAYMENTS1', message);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('stops retrying 5xx when the next attempt could not start before the deadline', async () => {
    // Prepare: ten retries 200 ms apart would take 2 s; the deadline is 300 ms away.
    const deadline = Date.now() + 300;
    const { poster: p } = poster({
      retryConfig: { retries: 10, factor: 1, minTimeout: 200, maxTimeout: 200 },
      deadlineMs: () => deadline,
    });
    slack.failNext(...Array.from({ length: 11 }, () => 503));
    const started = Date.now();

    // Act
    const failed = p.post('C0PAYMENTS1', message);

    // Assess: it gave up before the deadline with Slack's own error.
    await expect(failed).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('does not start a call after the deadline', async () => {
    const passed = Date.now() - 1000;
    const { poster: p } = poster({ deadlineMs: () => passed });
    await expect(p.update('C0PAYMENTS1', '1.2', message)).rejects.toThrow(/deadline/);
    expect(slack.callsTo('chat.update')).toHaveLength(0);
  });

  it('throws after too many 429s', async () => {
    const { poster: p, waits } = poster({ rateLimitRetries: 2 });
    slack.failNext(429, 429, 429);
    await expect(p.post('C0PAYMENTS1', message)).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
    expect(waits).toEqual([2000, 2000]);
  });

  it('does not wait a Retry-After that is too long or would pass the deadline', async () => {
    // Prepare
    const tooLong = poster({ maxRetryAfterSeconds: 1 });
    const late = poster({ deadlineMs: () => Date.now() + 1000 });
    slack.failNext(429, 429);

    // Act / Assess
    await expect(tooLong.poster.post('C0PAYMENTS1', message)).rejects.toMatchObject({ retryAfter: 2 });
    await expect(late.poster.post('C0PAYMENTS1', message)).rejects.toMatchObject({ retryAfter: 2 });
    expect([...tooLong.waits, ...late.waits]).toEqual([]);
  });

  it('throws Slack’s own errors at once: retrying channel_not_found cannot help', async () => {
    slack.failNextWith('channel_not_found');
    await expect(poster().poster.post('C0GONE00001', message)).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
    expect(slack.callsTo('chat.postMessage (channel_not_found)')).toHaveLength(1);
  });
});

describe('infra/slack/slack-poster: a post Slack took but answered too late', () => {
  it('looks for the post by its key before retrying, so it is posted once', async () => {
    // Prepare: Slack stores the message at once but answers after the client's 150 ms timeout.
    const { poster: p } = poster({ timeoutMs: 150 });
    slack.delayNextPosts(600);

    // Act
    const { ts } = await p.post('C0PAYMENTS1', message, undefined, { key: 'evt-1#parent' });

    // Assess
    expect(slack.messages).toHaveLength(1);
    expect(ts).toBe(slack.messages[0]?.ts);
    expect(slack.messages[0]?.metadata).toEqual({
      event_type: 'cw_alarm_post',
      event_payload: { key: 'evt-1#parent' },
    });
    expect(slack.callsTo('conversations.history')[0]?.args).toMatchObject({
      channel: 'C0PAYMENTS1',
      include_all_metadata: 'true',
    });
  });

  it('looks in the thread for a reply, and posts again when the first attempt really failed', async () => {
    // Prepare: one reply already in the thread under another key; this attempt gets a 503.
    const { poster: p } = poster();
    const parent = await p.post('C0PAYMENTS1', message, undefined, { key: 'evt-0#parent' });
    await p.post('C0PAYMENTS1', message, parent.ts, { key: 'evt-0#reply' });
    slack.failNext(503);

    // Act
    const reply = await p.post('C0PAYMENTS1', message, parent.ts, { key: 'evt-2#reply' });

    // Assess
    expect(slack.callsTo('conversations.replies')[0]?.args).toMatchObject({ ts: parent.ts });
    expect(slack.messages.map((m) => m.ts)).toEqual([parent.ts, expect.any(String), reply.ts]);
  });

  it('without a key a late answer means a second post: why the relay always passes one', async () => {
    const { poster: p } = poster({ timeoutMs: 150 });
    slack.delayNextPosts(600);
    await p.post('C0PAYMENTS1', message);
    expect(slack.messages).toHaveLength(2);
  });
});
