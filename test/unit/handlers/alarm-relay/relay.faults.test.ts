import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPendingThread } from '../../../../handlers/alarm-relay/ports.ts';
import { type RelayDeps, relayAlarm } from '../../../../handlers/alarm-relay/relay.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { createSlackPoster, type SlackPosterOptions } from '../../../../infra/slack/slack-poster.ts';
import { alarmEvent, nextChange } from '../../../fixtures/alarm-events/index.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

/**
 * ISSUE-14's fault table, one test per row, at the HTTP boundary: the real poster against the Slack
 * stand-in, which answers as Slack documents (see test/fixtures/slack-api-server.ts).
 */
const ROUTED = 'C0EC2000001';
const DEFAULT = 'C0DEFAULT01';
const routing = validateAlarmRouting(
  { routes: [{ name: 'ec2', match: { namespace: 'AWS/EC2' }, channel: ROUTED, mention: 'S0ONCALL001' }] },
  'test',
  DEFAULT,
);
const NOW = Date.parse('2019-10-02T17:05:00Z');

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer();
});
afterEach(async () => {
  await slack.close();
});

function deps(posterOptions: Partial<SlackPosterOptions> = {}, overrides: Partial<RelayDeps> = {}) {
  const deadLetters: { event: unknown; problems: string[] }[] = [];
  const logs: { level: string; message: string; extra: Record<string, unknown> }[] = [];
  const log =
    (level: string) =>
    (message: string, ...extra: Record<string, unknown>[]) =>
      void logs.push({ level, message, extra: Object.assign({}, ...extra) });
  const store = createInMemoryAlarmStore();
  const relayDeps: RelayDeps = {
    routing,
    store,
    poster: createSlackPoster({
      token: 'xoxb-test',
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 2 },
      sleep: async () => {},
      ...posterOptions,
    }),
    deadLetter: async (event, problems) => void deadLetters.push({ event, problems }),
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    now: () => NOW,
    sleep: async () => {},
    deadlineMs: NOW + 55_000,
    ...overrides,
  };
  return { relayDeps, deadLetters, logs, store };
}

const postsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('handlers/alarm-relay/relay: faults on the routed channel', () => {
  it.each([
    ['not_in_channel', /I'm not in <#C0EC2000001>: `\/invite @cw-chatops` there/],
    ['is_archived', /<#C0EC2000001>, which is archived/],
    ['channel_not_found', /`C0EC2000001`, which I cannot find.*route ec2/],
  ])('%s: posted at once in the default channel, saying where it should have gone and why', async (error, why) => {
    // Prepare
    const { relayDeps, logs } = deps();
    slack.failChannel(ROUTED, error);
    const event = alarmEvent('metric');

    // Act
    const result = await relayAlarm(relayDeps, event);

    // Assess: one refused attempt, no retries, then the default channel.
    expect(result).toMatchObject({ outcome: 'rerouted', channel: DEFAULT, intended: ROUTED, failure: error });
    expect(slack.callsTo(`chat.postMessage (${error})`)).toHaveLength(1);
    const [posted] = postsTo(DEFAULT);
    expect(JSON.stringify(posted?.args.blocks)).toMatch(why);
    expect(posted?.args.text).toContain('ServerCpuTooHigh');
    const failure = logs.find((l) => l.message === 'The route channel refused the alarm');
    expect(failure?.extra).toMatchObject({ eventId: event.id, route: 'ec2', channel: ROUTED, RouteFailures: 1 });
    const outcome = logs.find((l) => l.message === 'Alarm relayed');
    expect(outcome?.extra).toMatchObject({ eventId: event.id, route: 'ec2', outcome: 'rerouted', channel: DEFAULT });
  });

  it('goes to the dead-letter queue when the default channel refuses it too', async () => {
    // Prepare
    const { relayDeps, deadLetters } = deps();
    slack.failChannel(ROUTED, 'is_archived');
    slack.failChannel(DEFAULT, 'not_in_channel');
    const event = alarmEvent('metric');

    // Act
    const result = await relayAlarm(relayDeps, event);

    // Assess
    expect(result).toMatchObject({ outcome: 'dead-lettered', channel: ROUTED });
    expect(deadLetters).toEqual([
      { event, problems: [`${ROUTED} answered is_archived`, `the default channel ${DEFAULT} answered not_in_channel`] },
    ]);
  });

  it.each(['msg_too_long', 'invalid_blocks'])('%s: a smaller plain-text message is posted', async (error) => {
    // Prepare
    const { relayDeps, logs } = deps();
    slack.refuseRichMessages(error);
    const event = alarmEvent('metric');

    // Act
    const result = await relayAlarm(relayDeps, event);

    // Assess: alarm, state, the reason, the link; the full event is in the log line.
    expect(result).toMatchObject({ outcome: 'posted', channel: ROUTED });
    const [plain] = postsTo(ROUTED);
    expect(plain?.args.blocks).toBeUndefined();
    expect(plain?.args.text).toMatch(
      /^:red_circle: ALARM: ServerCpuTooHigh \(123456789012 us-east-1\): .+<https:\/\/.+\|Open in CloudWatch>$/,
    );
    const refused = logs.find((l) => l.message.startsWith('Slack refused the alarm message'));
    expect(refused?.extra).toMatchObject({ eventId: event.id, slackError: error, event: { eventId: event.id } });
  });

  it('message_not_found on chat.update: a new parent with the new state, and the thread record replaced', async () => {
    // Prepare: the parent is posted, then someone deletes it.
    const { relayDeps, store } = deps();
    const alarm = alarmEvent('metric');
    const parent = await relayAlarm(relayDeps, alarm);
    const oldTs = parent.outcome === 'posted' ? parent.ts : 'none';
    slack.deleteMessage(oldTs);
    const ok = nextChange(alarm, 'OK', 14);

    // Act
    const result = await relayAlarm(relayDeps, ok);
    const again = await relayAlarm(relayDeps, nextChange(ok, 'ALARM', 3));

    // Assess: the new parent shows OK; the thread now points at it, so the next change threads there.
    expect(result).toMatchObject({ outcome: 'reposted', channel: ROUTED });
    const newTs = result.outcome === 'reposted' ? result.ts : 'none';
    expect(newTs).not.toBe(oldTs);
    expect(postsTo(ROUTED)[1]?.args).toMatchObject({ text: expect.stringMatching(/^OK: ServerCpuTooHigh/) });
    const thread = await store.getThread(ROUTED, alarm.resources[0] ?? '');
    expect(thread && !isPendingThread(thread) ? thread.ts : undefined).toBe(newTs);
    expect(again).toMatchObject({ outcome: 'replied', threadTs: newTs });
  });

  it('Slack took the post but answered after the client timed out: posted once', async () => {
    // Prepare: the stand-in stores the message at once and answers 800 ms later; the client waits 200.
    const { relayDeps } = deps({ timeoutMs: 200 });
    slack.delayNextPosts(800);
    const event = alarmEvent('metric');

    // Act
    const result = await relayAlarm(relayDeps, event);

    // Assess
    expect(slack.messages.filter((m) => m.channel === ROUTED)).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'posted', ts: slack.messages[0]?.ts });
  });

  it('5xx until Slack recovers: the retry posts it, and the failed attempt used no storm budget', async () => {
    // Prepare: one top-level message per window; Slack answers 503 to every call of the first invocation.
    const storm = { windowMs: 60_000, maxPostsPerWindow: 1, renderIntervalMs: 0, pollMs: 1 };
    const { relayDeps } = deps({}, { storm });
    const first = alarmEvent('metric');
    const second = structuredClone(first);
    second.id = 'a5d1b0c5-0000-4000-8000-000000000002';
    second.detail.alarmName = 'DiskAlmostFull';
    second.resources = ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:DiskAlmostFull'];
    slack.failNext(503, 503, 503, 503, 503);

    // Act
    await expect(relayAlarm(relayDeps, first)).rejects.toMatchObject({ statusCode: 503 });
    const other = await relayAlarm(relayDeps, second);
    const retried = await relayAlarm(relayDeps, first);

    // Assess: the other alarm still got its own message; the retry is visible (in the digest, budget spent).
    expect(other).toMatchObject({ outcome: 'posted' });
    expect(retried).toMatchObject({ outcome: 'digested' });
    expect(JSON.stringify(slack.callsTo('chat.postMessage').at(-1)?.args.blocks)).toContain('ServerCpuTooHigh');
  });

  it('429 with Retry-After again and again: the retry posts it, once', async () => {
    // Prepare: more 429s than the poster waits out in one invocation.
    const { relayDeps, logs } = deps({ rateLimitRetries: 2 });
    slack.failNext(429, 429, 429);
    const event = alarmEvent('metric');

    // Act
    await expect(relayAlarm(relayDeps, event)).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    const retried = await relayAlarm(relayDeps, event);

    // Assess
    expect(retried).toMatchObject({ outcome: 'posted' });
    expect(slack.messages).toHaveLength(1);
    const failed = logs.find((l) => l.message.startsWith('Alarm not delivered yet'));
    expect(failed?.extra).toMatchObject({ eventId: event.id, route: 'ec2', channel: ROUTED });
  });
});
