import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlackPoster } from '../../../../handlers/alarm-relay/ports.ts';
import { type RelayDeps, type RelayResult, relayAlarm } from '../../../../handlers/alarm-relay/relay.ts';
import { relayBatch } from '../../../../handlers/alarm-relay/relay-batch.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { DEFAULT_STORM_POLICY } from '../../../../handlers/alarm-relay/storm.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { namedAlarm, nextChange } from '../../../fixtures/alarm-events/index.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';

/** A minute boundary, so 200 alarms 295 ms apart all fall in one storm window. */
const T0 = Date.parse('2026-01-05T10:00:00Z');

interface Sent {
  method: 'post' | 'update';
  channel: string;
  at: number;
  message: SlackMessage;
  threadTs?: string;
}

/** A SlackPoster that records what it sends, at the (fake) time it sends it. */
function recordingPoster() {
  const sent: Sent[] = [];
  let ts = 0;
  const poster: SlackPoster = {
    async post(channel, message, threadTs) {
      sent.push({ method: 'post', channel, at: Date.now(), message, threadTs });
      ts += 1;
      return { ts: `1767607200.${String(ts).padStart(6, '0')}` };
    },
    async update(channel, _ts, message) {
      sent.push({ method: 'update', channel, at: Date.now(), message });
    },
  };
  return { poster, sent };
}

/** Starts one relay invocation per event at its arrival time, as concurrent Lambdas would. */
function fire(deps: Omit<RelayDeps, 'deadlineMs'>, arrivals: { at: number; event: unknown }[]) {
  const done: { result: RelayResult; at: number; arrivedAt: number }[] = [];
  const runs = arrivals.map(
    ({ at, event }) =>
      new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          relayAlarm({ ...deps, deadlineMs: Date.now() + 55_000 }, event)
            .then((result) => {
              done.push({ result, at: Date.now(), arrivedAt: at });
              resolve();
            })
            .catch(reject);
        }, at - Date.now());
      }),
  );
  return { done, all: Promise.all(runs) };
}

describe('handlers/alarm-relay/storm', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp() {
    const { poster, sent } = recordingPoster();
    const deps = {
      routing: validateAlarmRouting({ routes: [] }, 'test', 'C0ALARMS01'),
      store: createInMemoryAlarmStore(),
      poster,
      deadLetter: async () => {},
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      now: () => Date.now(),
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };
    return { deps, sent };
  }

  it('turns 200 alarms in one minute into 10 messages and one digest updated every 5 s', async () => {
    // Prepare
    const { deps, sent } = setUp();
    const arrivals = Array.from({ length: 200 }, (_, i) => ({
      at: T0 + i * 295,
      event: namedAlarm(`svc-${i}-errors`, i, new Date(T0 + i * 295)),
    }));

    // Act
    const { done, all } = fire(deps, arrivals);
    await vi.advanceTimersByTimeAsync(120_000);
    await all;

    // Assess
    const outcomes = done.map((d) => d.result.outcome);
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(DEFAULT_STORM_POLICY.maxPostsPerWindow);
    expect(outcomes.filter((o) => o === 'digested')).toHaveLength(190);
    const posts = sent.filter((s) => s.method === 'post');
    const updates = sent.filter((s) => s.method === 'update');
    expect(posts).toHaveLength(11);
    expect(posts.every((p) => p.threadTs === undefined)).toBe(true);
    // The clock is fake, so the numbers are exact (and are the README's): the digest is posted at
    // 2.95 s, then updated 12 times exactly 5 s apart while the storm lasts.
    expect(posts.at(-1)?.at).toBe(T0 + 2950);
    expect(updates).toHaveLength(12);
    const gaps = updates.slice(1).map((u, i) => u.at - (updates[i]?.at ?? 0));
    expect(new Set(gaps)).toEqual(new Set([DEFAULT_STORM_POLICY.renderIntervalMs]));
    const last = updates.at(-1)?.message;
    expect(last?.text).toContain('190 more alarm changes');
    expect(JSON.stringify(last?.blocks)).toContain('svc-199-errors');
    if (last) expectValidMessage(last);
    // Nobody waits long for the digest to show their alarm.
    const waits = done.filter((d) => d.result.outcome === 'digested').map((d) => d.at - d.arrivedAt);
    expect(Math.max(...waits)).toBe(4985);
    expect(Math.round(waits.reduce((sum, w) => sum + w, 0) / waits.length / 100) / 10).toBe(2.6);
  });

  it('lets the digest go first in a burst, so most of it is visible before the own messages have all gone', async () => {
    // Prepare: 60 alarms at the same moment (a region-wide failure), in one batch from the queue.
    const { deps, sent } = setUp();
    const batch = Array.from({ length: 60 }, (_, i) => ({
      messageId: `m-${i}`,
      body: JSON.stringify(namedAlarm(`burst-${i}`, i, new Date(T0))),
    }));

    // Act
    const relayed = relayBatch({ ...deps, deadlineMs: T0 + 55_000 }, batch);
    await vi.advanceTimersByTimeAsync(10_000);
    const { results, batchItemFailures } = await relayed;

    // Assess: the digest is the first message; the own messages follow it.
    const posts = sent.filter((s) => s.method === 'post');
    expect(posts).toHaveLength(11);
    expect(posts[0]?.message.text).toContain('Alarm storm: 50 more alarm changes');
    expect(results.filter((r) => r?.outcome === 'posted')).toHaveLength(10);
    expect(batchItemFailures).toEqual([]);
  });

  it('posts own messages at once when the window is within its budget', async () => {
    // Prepare
    const { deps, sent } = setUp();
    const arrivals = Array.from({ length: 10 }, (_, i) => ({
      at: T0 + 1000,
      event: namedAlarm(`few-${i}`, i, new Date(T0)),
    }));

    // Act
    const { all } = fire(deps, arrivals);
    await vi.advanceTimersByTimeAsync(1_000);
    await all;

    // Assess
    expect(sent.filter((s) => s.method === 'post').every((s) => s.at === T0 + 1000)).toBe(true);
  });

  it('keeps a storm that runs into the next minute in a digest, without ten new messages', async () => {
    // Prepare
    const { deps, sent } = setUp();
    const arrivals = Array.from({ length: 40 }, (_, i) => ({
      at: T0 + 40_000 + i * 1000,
      event: namedAlarm(`db-${i}`, i, new Date(T0 + 40_000 + i * 1000)),
    }));

    // Act
    const { done, all } = fire(deps, arrivals);
    await vi.advanceTimersByTimeAsync(120_000);
    await all;

    // Assess: the first window posts 10 and a digest of 10; the second only a digest of 20.
    expect(done.filter((d) => d.result.outcome === 'posted')).toHaveLength(10);
    const posts = sent.filter((s) => s.method === 'post');
    expect(posts).toHaveLength(12);
    expect(posts.at(-1)?.message.text).toContain('Alarm storm');
    const digests = new Set(done.flatMap((d) => (d.result.outcome === 'digested' ? [d.result.ts] : [])));
    expect(digests.size).toBe(2);
  });

  it('replies in the digest’s thread when an alarm listed in it changes, and leaves the digest alone', async () => {
    // Prepare: 12 alarms, so the last two go to the digest.
    const { deps, sent } = setUp();
    const events = Array.from({ length: 12 }, (_, i) => namedAlarm(`db-${i}`, i, new Date(T0 + i * 100)));
    const { done, all } = fire(
      deps,
      events.map((event, i) => ({ at: T0 + i * 100, event })),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    const digested = done.find((d) => d.result.outcome === 'digested')?.result;
    const before = sent.length;
    const last = events[11];
    if (!last || digested?.outcome !== 'digested') throw new Error('the storm did not digest');

    // Act
    const ok = fire(deps, [{ at: T0 + 20_000, event: nextChange(last, 'OK', 1) }]);
    await vi.advanceTimersByTimeAsync(20_000);
    await ok.all;

    // Assess
    expect(ok.done[0]?.result).toMatchObject({ outcome: 'replied', threadTs: digested.ts });
    expect(sent.slice(before).map((s) => [s.method, s.threadTs])).toEqual([['post', digested.ts]]);
  });

  it('does not post a second digest while a slow first post is still in flight', async () => {
    // Prepare: the digest's chat.postMessage takes 30 s (Slack retries), longer than any fixed render lock.
    const { deps, sent } = setUp();
    const post = deps.poster.post;
    deps.poster.post = async (channel, message, threadTs) => {
      if (message.text.startsWith('Alarm storm')) await new Promise((resolve) => setTimeout(resolve, 30_000));
      return post(channel, message, threadTs);
    };
    const arrivals = Array.from({ length: 20 }, (_, i) => ({
      at: T0 + i * 1000,
      event: namedAlarm(`slow-${i}`, i, new Date(T0 + i * 1000)),
    }));

    // Act
    const { all } = fire(deps, arrivals);
    await vi.advanceTimersByTimeAsync(120_000);
    await all;

    // Assess
    expect(sent.filter((s) => s.method === 'post' && s.message.text.startsWith('Alarm storm'))).toHaveLength(1);
  });

  it('posts each alarm on its own while a channel stays under the budget', async () => {
    const { deps, sent } = setUp();
    const arrivals = Array.from({ length: 10 }, (_, i) => ({
      at: T0 + i * 5000,
      event: namedAlarm(`a-${i}`, i, new Date(T0)),
    }));
    const { all } = fire(deps, arrivals);
    await vi.advanceTimersByTimeAsync(60_000);
    await all;
    expect(sent.filter((s) => s.method === 'post').map((s) => s.message.text)).not.toContain(
      expect.stringContaining('storm'),
    );
    expect(sent).toHaveLength(10);
  });
});
