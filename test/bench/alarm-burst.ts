import { readFileSync } from 'node:fs';
import { relayBatch } from '../../handlers/alarm-relay/relay-batch.ts';
import { validateAlarmRouting } from '../../handlers/alarm-relay/routes.ts';
import { createInMemoryAlarmStore } from '../../infra/memory/alarm-store.ts';
import { createSlackPoster, RELAY_RATE_LIMIT_RETRIES } from '../../infra/slack/slack-poster.ts';
import { type SlackApiCall, startSlackApiServer } from '../fixtures/slack-api-server.ts';
import { median, round } from './stats.ts';

/** The event source mapping and function as serverless.yml configures them. */
export const QUEUE_SETTINGS = { batchSize: 100, batchingWindowMs: 1000, maximumConcurrency: 10, memoryMb: 512 };

export interface AlarmBurst {
  events: number;
  channels: number;
  /** From the burst's last event until every alarm is visible (its own message or a digest line). */
  seconds: number;
  /** Per alarm, seconds from the last event until visible: the slowest is `seconds`. */
  p50VisibleSeconds: number;
  invocations: number;
  /** Lambda compute: the sum of invocation durations × memory. */
  gbSeconds: number;
  slackCalls: number;
  rateLimited: number;
  messages: number;
  digestUpdates: number;
  /** The shortest gap between two chat.update calls of one digest. */
  minUpdateGapSeconds: number;
  outcomes: Record<string, number>;
  /** Never visible in Slack. */
  lost: number;
  /** Visible more than once (two messages, two digest lines, or a message and a digest line). */
  duplicated: number;
  /** Messages the queue gave back (a failed relay) and received again. */
  redelivered: number;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Queued {
  messageId: string;
  body: string;
  visibleAt: number;
}

/**
 * 1,000 alarm state changes at once, as EventBridge puts them on the alarm queue, read the way
 * Lambda's SQS event source does (batches of up to 100 gathered for up to 1 s, at most 10 batches at
 * once; a failed message comes back after its visibility timeout, shortened here to 5 s), relayed by
 * the same `relayBatch` the function runs, against a Slack stand-in that allows one
 * chat.postMessage per second per channel and about 50 chat.update a minute, answering 429
 * Retry-After beyond that. The store is the in-memory one (the DynamoDB store's semantics; its
 * latency is not modelled). Visibility is read from what Slack accepted: an alarm's own message or a
 * line naming it in a digest.
 */
export async function alarmBurst(events = 1000, channels = 5): Promise<AlarmBurst> {
  const api = await startSlackApiServer({ perChannelIntervalMs: 1000, retryAfterSeconds: 1, updatesPerMinute: 50 });
  const template = JSON.parse(readFileSync('test/fixtures/alarm-events/metric.json', 'utf8'));
  const routing = validateAlarmRouting(
    {
      defaultChannel: 'C0DEFAULT1',
      routes: Array.from({ length: channels }, (_, c) => ({
        name: `team-${c}`,
        match: { alarmName: `bench-${c}-*` },
        channel: `C0TEAM00${c}`,
      })),
    },
    'bench',
  );
  const store = createInMemoryAlarmStore();
  const deadline = { ms: 0 };
  const poster = createSlackPoster({
    token: 'xoxb-bench',
    slackApiUrl: api.apiUrl,
    deadlineMs: () => deadline.ms,
    rateLimitRetries: RELAY_RATE_LIMIT_RETRIES,
  });
  const names: string[] = [];
  const started = Date.now();
  const queue: Queued[] = Array.from({ length: events }, (_, i) => {
    const event = structuredClone(template);
    event.id = `bench-event-${i}`;
    const name = `bench-${i % channels}-alarm-${i}`;
    names.push(name);
    event.detail.alarmName = name;
    event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`];
    return { messageId: `m-${i}`, body: JSON.stringify(event), visibleAt: started };
  });
  const lastEventAt = Date.now();
  const outcomes: Record<string, number> = {};
  const durations: number[] = [];
  let redelivered = 0;
  let inFlight = 0;

  const visible = () => queue.filter((m) => m.visibleAt <= Date.now());
  /** One poller: gathers a batch (full, or the window passed since its first message), then invokes. */
  const poller = async () => {
    for (;;) {
      if (queue.length === 0 && inFlight === 0) return;
      if (visible().length === 0) {
        await sleep(20);
        continue;
      }
      const windowEnds = Date.now() + QUEUE_SETTINGS.batchingWindowMs;
      while (visible().length < QUEUE_SETTINGS.batchSize && Date.now() < windowEnds) await sleep(20);
      const batch = visible().slice(0, QUEUE_SETTINGS.batchSize);
      if (batch.length === 0) continue;
      for (const m of batch) queue.splice(queue.indexOf(m), 1);
      inFlight += batch.length;
      const invokedAt = Date.now();
      deadline.ms = invokedAt + 55_000;
      const { batchItemFailures, results } = await relayBatch(
        {
          routing,
          store,
          poster,
          deadLetter: async () => undefined,
          logger: quiet,
          now: Date.now,
          sleep,
          deadlineMs: invokedAt + 55_000,
        },
        batch,
      );
      durations.push(Date.now() - invokedAt);
      for (const r of results) if (r) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
      for (const m of batch) {
        if (!failed.has(m.messageId)) continue;
        redelivered++;
        queue.push({ ...m, visibleAt: Date.now() + 5_000 });
      }
      inFlight -= batch.length;
    }
  };
  await Promise.all(Array.from({ length: QUEUE_SETTINGS.maximumConcurrency }, poller));
  const calls = api.calls;
  await api.close();

  const seen = visibility(calls, names, lastEventAt);
  const updateGaps = digestUpdateGaps(calls);
  return {
    events,
    channels,
    seconds: round(Math.max(0, ...seen.visibleAfterMs) / 1000),
    p50VisibleSeconds: round(median(seen.visibleAfterMs) / 1000),
    invocations: durations.length,
    gbSeconds: round((durations.reduce((a, b) => a + b, 0) / 1000) * (QUEUE_SETTINGS.memoryMb / 1024), 1),
    slackCalls: calls.length,
    rateLimited: calls.filter((c) => c.method.includes('(429)')).length,
    messages: calls.filter((c) => c.method === 'chat.postMessage').length,
    digestUpdates: calls.filter((c) => c.method === 'chat.update').length,
    minUpdateGapSeconds: round(Math.min(...updateGaps, Number.POSITIVE_INFINITY) / 1000, 1),
    outcomes,
    lost: seen.lost,
    duplicated: seen.duplicated,
    redelivered,
  };
}

/** When each alarm first appeared in a message Slack accepted, and which never did or did twice. */
function visibility(calls: SlackApiCall[], names: string[], fromMs: number) {
  const accepted = calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
  const firstSeen = new Map<string, number>();
  /** The last accepted version of each message (by ts): what the channel shows at the end. */
  const finalVersion = new Map<string, string>();
  let nextTs = 0;
  for (const call of accepted) {
    const body = `${String(call.args.text)}\n${JSON.stringify(call.args.blocks ?? [])}`;
    const ts = call.method === 'chat.update' ? String(call.args.ts) : `post-${nextTs++}`;
    finalVersion.set(ts, body);
    for (const name of names) {
      if (!firstSeen.has(name) && (body.includes(`ALARM: ${name} (`) || body.includes(`|${name}>`))) {
        firstSeen.set(name, call.at);
      }
    }
  }
  const visibleAfterMs = names.map((n) => (firstSeen.get(n) ?? Number.POSITIVE_INFINITY) - fromMs);
  let duplicated = 0;
  const shown = [...finalVersion.values()];
  for (const name of names) {
    const own = shown.filter((b) => b.startsWith(`ALARM: ${name} (`)).length;
    const lines = shown.reduce((n, b) => n + b.split(`|${name}>`).length - 1, 0);
    if (own + lines > 1) duplicated++;
  }
  return { visibleAfterMs, lost: names.length - firstSeen.size, duplicated };
}

/** Gaps between successive chat.update calls of the same digest. */
function digestUpdateGaps(calls: SlackApiCall[]): number[] {
  const last = new Map<string, number>();
  const gaps: number[] = [];
  for (const call of calls.filter((c) => c.method === 'chat.update')) {
    const ts = String(call.args.ts);
    const previous = last.get(ts);
    if (previous !== undefined) gaps.push(call.at - previous);
    last.set(ts, call.at);
  }
  return gaps;
}

/** Three bursts; the run with the median time is reported, with the three times beside it. */
export async function alarmBursts(runs = 3): Promise<AlarmBurst & { runs: number[] }> {
  const results: AlarmBurst[] = [];
  for (let i = 0; i < runs; i++) results.push(await alarmBurst());
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor(sorted.length / 2)] ?? sorted[0];
  if (!middle) throw new Error('no burst ran');
  return { ...middle, runs: results.map((r) => r.seconds) };
}
