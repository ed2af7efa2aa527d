import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RelayDeps, relayAlarm } from '../../../../handlers/alarm-relay/relay.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { createSlackPoster } from '../../../../infra/slack/slack-poster.ts';
import { alarmEvent, nextChange } from '../../../fixtures/alarm-events/index.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

const routing = validateAlarmRouting(
  { routes: [{ name: 'ec2', match: { namespace: 'AWS/EC2' }, channel: 'C0EC2000001', mention: 'S0ONCALL001' }] },
  'test',
  'C0DEFAULT01',
);

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer();
});
afterEach(async () => {
  await slack.close();
});

function deps(overrides: Partial<RelayDeps> = {}) {
  const deadLetters: { event: unknown; problems: string[] }[] = [];
  const store = createInMemoryAlarmStore();
  const relayDeps: RelayDeps = {
    routing,
    store,
    poster: createSlackPoster({
      token: 'xoxb-test',
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 2 },
      sleep: async () => {},
    }),
    deadLetter: async (event, problems) => {
      deadLetters.push({ event, problems });
    },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    now: () => Date.parse('2019-10-02T17:05:00Z'),
    sleep: async () => {},
    deadlineMs: Date.parse('2019-10-02T17:06:00Z'),
    ...overrides,
  };
  return { relayDeps, deadLetters, store };
}

const posts = () => slack.callsTo('chat.postMessage');
const updates = () => slack.callsTo('chat.update');

describe('handlers/alarm-relay/relay', () => {
  it('posts a new ALARM to the routed channel with its mention, as a thread parent', async () => {
    // Act
    const result = await relayAlarm(deps().relayDeps, alarmEvent('metric'));

    // Assess
    expect(result).toMatchObject({ outcome: 'posted', channel: 'C0EC2000001' });
    expect(posts()).toHaveLength(1);
    const args = posts()[0]?.args ?? {};
    expect(args.thread_ts).toBeUndefined();
    expect(args.text).toMatch(/^<!subteam\^S0ONCALL001> ALARM: ServerCpuTooHigh/);
    expectValidMessage(args as never);
  });

  it('threads later changes under the first ALARM and updates the parent: "resolved after 14 min"', async () => {
    // Prepare
    const { relayDeps } = deps();
    const alarm = alarmEvent('metric');
    const parent = await relayAlarm(relayDeps, alarm);

    // Act
    const reply = await relayAlarm(relayDeps, nextChange(alarm, 'OK', 14));

    // Assess
    expect(reply).toMatchObject({ outcome: 'replied', threadTs: parent.outcome === 'posted' ? parent.ts : 'none' });
    const [, second] = posts();
    expect(second?.args.thread_ts).toBe(parent.outcome === 'posted' ? parent.ts : 'none');
    expect(second?.args.text).toBe('OK: ServerCpuTooHigh');
    const [update] = updates();
    expect(update?.args).toMatchObject({ channel: 'C0EC2000001', ts: second?.args.thread_ts });
    expect(JSON.stringify(update?.args.blocks)).toContain('Resolved after 14 min');
    expect(update?.args.text).toMatch(/^OK: ServerCpuTooHigh/);
  });

  describe('renders the updated parent from the newest change as a whole', () => {
    // AWS's documented reasons for this alarm (EventBridge sample): over the threshold, then back under it.
    const over =
      'Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).';
    const under =
      'Threshold Crossed: 1 out of the last 1 datapoints [0.0666851903306472 (01/10/19 13:46:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).';
    const overText = '*CPUUtilization* was *99.5%*: greater than the threshold *50%*.';
    const underText = '*CPUUtilization* was *0.06669%*: not greater than the threshold *50%*.';

    it.each([
      ['ALARM then OK', 'ALARM', over, overText, 'OK', under, underText, 'was ALARM'],
      // The parent opened on an OK whose ALARM we never saw (the preview's `/alarm resolve` first).
      ['OK then ALARM', 'OK', under, underText, 'ALARM', over, overText, 'was OK'],
    ])(
      '%s: the header, the reason and the time of change all belong to the second',
      async (_name, firstState, firstReason, firstText, nextState, nextReason, nextText, was) => {
        // Prepare
        const { relayDeps } = deps();
        const opened = nextChange(alarmEvent('metric'), firstState, 1, firstReason);
        const before = opened.detail.previousState;
        if (before) before.value = firstState === 'OK' ? 'ALARM' : 'OK';
        await relayAlarm(relayDeps, opened);
        expect(JSON.stringify(posts()[0]?.args.blocks)).toContain(firstText);

        // Act
        const result = await relayAlarm(relayDeps, nextChange(opened, nextState, 10, nextReason));

        // Assess
        expect(result.outcome).toBe('replied');
        const parent = JSON.stringify(updates().at(-1)?.args.blocks);
        expect(parent).toContain(`${nextState}: ServerCpuTooHigh`);
        expect(parent).toContain(nextText);
        expect(parent).not.toContain(firstText);
        // "Changed" is the second change's time and the state before it, not the parent's.
        expect(parent).toMatch(
          new RegExp(`\\*Changed\\*\\\\n<!date\\^\\d+\\^[^|]*\\|2019-10-02 17:15:40 UTC> \\(${was}\\)`),
        );
      },
    );
  });

  it('keeps a flapping alarm in one thread and shows on the parent that it fired again', async () => {
    // Prepare
    const { relayDeps } = deps();
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 5);
    await relayAlarm(relayDeps, alarm);
    await relayAlarm(relayDeps, ok);

    // Act
    const flap = await relayAlarm(relayDeps, nextChange(ok, 'ALARM', 10));

    // Assess
    expect(flap.outcome).toBe('replied');
    expect(posts().at(-1)?.args.text).toBe('<!subteam^S0ONCALL001> ALARM: ServerCpuTooHigh');
    expect(JSON.stringify(updates().at(-1)?.args.blocks)).toMatch(/\*ALARM\* again at .*15 min after it started/);
  });

  it('starts a new thread when an alarm fires more than an hour after it resolved', async () => {
    // Prepare
    const { relayDeps } = deps();
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 5);
    await relayAlarm(relayDeps, alarm);
    await relayAlarm(relayDeps, ok);

    // Act
    const again = await relayAlarm(relayDeps, nextChange(ok, 'ALARM', 61));

    // Assess
    expect(again.outcome).toBe('posted');
    expect(posts().at(-1)?.args.thread_ts).toBeUndefined();
  });

  it('posts an event delivered twice once', async () => {
    const { relayDeps } = deps();
    const event = alarmEvent('metric');
    await relayAlarm(relayDeps, event);
    await expect(relayAlarm(relayDeps, structuredClone(event))).resolves.toEqual({
      outcome: 'duplicate',
      eventId: event.id,
    });
    expect(posts()).toHaveLength(1);
  });

  it('posts once when the same event arrives twice at the same moment', async () => {
    const { relayDeps } = deps();
    const event = alarmEvent('composite');
    const results = await Promise.all([relayAlarm(relayDeps, event), relayAlarm(relayDeps, event)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'posted']);
    expect(posts()).toHaveLength(1);
  });

  it('does not post OK for an alarm that was never in ALARM here', async () => {
    const event = alarmEvent('metric');
    event.detail.state.value = 'OK';
    if (event.detail.previousState) event.detail.previousState.value = 'INSUFFICIENT_DATA';
    await expect(relayAlarm(deps().relayDeps, event)).resolves.toMatchObject({ outcome: 'skipped' });
    expect(posts()).toHaveLength(0);
  });

  it('records an older change that arrives late as one quiet line: no mention, the parent keeps the newest state', async () => {
    // Prepare: ALARM, then OK 14 min later; an ALARM from 5 min in (older than the OK) arrives last.
    const { relayDeps, store } = deps();
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 14);
    const lateAlarm = { ...nextChange(alarm, 'ALARM', 5), id: 'c4c1c1c9-6542-e61b-6ef0-0000000000late' };
    await relayAlarm(relayDeps, alarm);
    await relayAlarm(relayDeps, ok);

    // Act
    const result = await relayAlarm(relayDeps, lateAlarm);

    // Assess
    expect(result).toMatchObject({ outcome: 'late' });
    const late = posts().at(-1)?.args ?? {};
    expect(late.text).toBe('(arrived late) ALARM: ServerCpuTooHigh');
    expect(JSON.stringify(late)).not.toContain('subteam');
    expect(JSON.stringify(late.blocks)).toContain('before the OK shown above');
    expect(updates()).toHaveLength(1);
    const thread = await store.getThread(
      'C0EC2000001',
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
    );
    expect(thread).toMatchObject({ state: 'OK' });
  });

  it('posts nothing for a state change the thread already shows, delivered again under another id', async () => {
    // Prepare
    const { relayDeps } = deps();
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 14);
    await relayAlarm(relayDeps, alarm);
    await relayAlarm(relayDeps, ok);

    // Act: CloudWatch's same transition again (same state, same time), and a parent-less repeat of ALARM.
    const again = await relayAlarm(relayDeps, { ...ok, id: 'c4c1c1c9-6542-e61b-6ef0-00000000again' });

    // Assess
    expect(again).toMatchObject({ outcome: 'unchanged' });
    expect(posts()).toHaveLength(2);
    expect(updates()).toHaveLength(1);
  });

  it('lets the retry of a change whose Slack calls failed finish it', async () => {
    // Prepare: the OK's parent update fails for good after the thread record was written.
    const { relayDeps } = deps();
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 14);
    await relayAlarm(relayDeps, alarm);
    slack.failNext(500, 500, 500);
    await expect(relayAlarm(relayDeps, ok)).rejects.toMatchObject({ statusCode: 500 });

    // Act: Lambda's retry of the same event.
    const retried = await relayAlarm(relayDeps, ok);

    // Assess
    expect(retried).toMatchObject({ outcome: 'replied' });
    expect(posts().at(-1)?.args.text).toBe('OK: ServerCpuTooHigh');
  });

  it('never lets an older change that runs alongside a newer one regress the parent', async () => {
    // Prepare: both read the ALARM thread before either writes.
    const { relayDeps, store } = deps();
    const alarm = alarmEvent('metric');
    const insufficient = nextChange(alarm, 'INSUFFICIENT_DATA', 3);
    const ok = nextChange(alarm, 'OK', 14);
    await relayAlarm(relayDeps, alarm);

    // Act
    const results = await Promise.all([relayAlarm(relayDeps, ok), relayAlarm(relayDeps, insufficient)]);

    // Assess
    expect(results.map((r) => r.outcome)).toEqual(['replied', 'late']);
    const thread = await store.getThread(
      'C0EC2000001',
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
    );
    expect(thread).toMatchObject({ state: 'OK', lastChangeMs: Date.parse('2019-10-02T17:18:40.989Z') });
    expect(updates()).toHaveLength(1);
    expect(JSON.stringify(updates()[0]?.args.blocks)).toContain('Resolved after 14 min');
  });

  it('opens one thread when ALARM and OK of the same alarm arrive at the same moment', async () => {
    // Prepare: a real sleep, so the invocation that loses the thread claim can wait for the winner's post.
    const { relayDeps, store } = deps({ sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 2);

    // Act
    const results = await Promise.all([relayAlarm(relayDeps, alarm), relayAlarm(relayDeps, ok)]);

    // Assess: one parent, the other change in its thread, and the parent shows the latest state.
    expect(results.map((r) => r.outcome).sort()).toEqual(['posted', 'replied']);
    const parents = posts().filter((p) => p.args.thread_ts === undefined);
    expect(parents).toHaveLength(1);
    const parentTs = results.find((r) => r.outcome === 'posted');
    expect(posts().filter((p) => p.args.thread_ts !== undefined)).toHaveLength(1);
    expect(posts().find((p) => p.args.thread_ts)?.args.thread_ts).toBe(parentTs?.outcome === 'posted' && parentTs.ts);
    const thread = await store.getThread(
      'C0EC2000001',
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
    );
    expect(thread).toMatchObject({ state: 'OK' });
  });

  it('does not fail (and so is not retried) when the claim cannot be completed after posting', async () => {
    // Prepare
    const error = vi.fn();
    const { relayDeps, store } = deps({ logger: { info: () => {}, warn: () => {}, error } });
    store.completeEvent = async () => {
      throw new Error('DynamoDB unavailable');
    };

    // Act
    const result = await relayAlarm(relayDeps, alarmEvent('metric'));

    // Assess
    expect(result.outcome).toBe('posted');
    expect(posts()).toHaveLength(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not mark the event done/i), {
      error: 'DynamoDB unavailable',
    });
  });

  it('locks the event for the time the invocation has left, plus a margin, under its own token', async () => {
    // Prepare
    const { relayDeps, store } = deps();
    const claim = vi.spyOn(store, 'claimEvent');

    // Act
    await relayAlarm(relayDeps, alarmEvent('metric'));

    // Assess: 60 s to the deadline, plus 10 s for the Lambda's reserve and clock skew.
    expect(claim).toHaveBeenCalledWith(
      alarmEvent('metric').id,
      expect.any(String),
      Date.parse('2019-10-02T17:05:00Z'),
      70_000,
    );
  });

  it('sends an invalid event to the dead-letter queue and returns, so it is not retried', async () => {
    // Prepare
    const { relayDeps, deadLetters } = deps();
    const event = { ...alarmEvent('metric'), 'detail-type': 'Something Else' };

    // Act
    const result = await relayAlarm(relayDeps, event);

    // Assess
    expect(result).toMatchObject({ outcome: 'invalid' });
    expect(deadLetters).toEqual([{ event, problems: [expect.stringMatching(/detail-type must be/)] }]);
    expect(posts()).toHaveLength(0);
  });

  it('throws when Slack fails for good, and lets the retry of the same event post', async () => {
    // Prepare
    const { relayDeps } = deps();
    const event = alarmEvent('metric');
    // Three attempts, with a look-up for a lost post before each retry (Slack is down for those too).
    slack.failNext(500, 500, 500, 500, 500);

    // Act
    const failed = relayAlarm(relayDeps, event);

    // Assess
    await expect(failed).rejects.toMatchObject({ statusCode: 500 });
    expect(posts()).toHaveLength(0);
    await expect(relayAlarm(relayDeps, event)).resolves.toMatchObject({ outcome: 'posted' });
    expect(posts()).toHaveLength(1);
  });

  it('honours a 429 on the way', async () => {
    const waits: number[] = [];
    const { relayDeps } = deps();
    relayDeps.poster = createSlackPoster({
      token: 'xoxb-test',
      slackApiUrl: slack.apiUrl,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    slack.failNext(429);
    await expect(relayAlarm(relayDeps, alarmEvent('metric'))).resolves.toMatchObject({ outcome: 'posted' });
    expect(waits).toEqual([1000]);
  });

  it('posts a graph through its images and files ports in the thread of a metric ALARM only', async () => {
    // Prepare
    const requests: string[] = [];
    const uploads: { channelId: string; threadTs?: string; filename: string }[] = [];
    const { relayDeps } = deps({
      images: {
        getMetricImage: async (request) => {
          requests.push(request.title ?? '');
          return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
        },
      },
      files: {
        upload: async (file) => {
          uploads.push({
            channelId: file.channelId,
            filename: file.filename,
            ...(file.threadTs ? { threadTs: file.threadTs } : {}),
          });
          return {};
        },
      },
    });

    // Act
    const result = await relayAlarm(relayDeps, alarmEvent('metric-math'));
    await relayAlarm(relayDeps, alarmEvent('composite'));

    // Assess
    expect(result.outcome).toBe('posted');
    expect(requests).toEqual(['TotalNetworkTrafficTooHigh']);
    expect(uploads).toEqual([
      { channelId: 'C0EC2000001', filename: 'alarm.png', threadTs: result.outcome === 'posted' ? result.ts : 'none' },
    ]);
  });

  it('survives the graph failing, and a graph slower than the deadline', async () => {
    // Prepare
    const warn = vi.fn();
    const failing = deps({
      images: {
        getMetricImage: async () => {
          throw new Error('GetMetricWidgetImage throttled');
        },
      },
      files: { upload: async () => ({}) },
      logger: { info: () => {}, warn, error: () => {} },
    });
    const slow = deps({
      images: { getMetricImage: () => new Promise<Uint8Array>(() => {}) },
      files: { upload: async () => ({}) },
      // The real clock: the graph never answers, and the deadline is 200 ms away.
      now: Date.now,
      deadlineMs: Date.now() + 200,
      logger: { info: () => {}, warn, error: () => {} },
    });

    // Act
    const failed = await relayAlarm(failing.relayDeps, alarmEvent('metric-math'));
    const late = await relayAlarm(slow.relayDeps, alarmEvent('metric'));

    // Assess
    expect(failed.outcome).toBe('posted');
    expect(late.outcome).toBe('posted');
    expect(warn).toHaveBeenCalledWith('Could not attach the alarm graph', { error: 'GetMetricWidgetImage throttled' });
    expect(warn).toHaveBeenCalledWith('Could not attach the alarm graph', {
      error: "The alarm graph did not finish before the invocation's deadline",
    });
  });
});
