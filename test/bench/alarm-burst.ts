import { readFileSync } from 'node:fs';
import { createInMemoryAlarmStore } from '../../handlers/alarms/in-memory-store.ts';
import { type RelayResult, relayAlarm } from '../../handlers/alarms/relay.ts';
import { validateAlarmRouting } from '../../handlers/alarms/routes.ts';
import { createSlackPoster } from '../../infra/slack/slack-poster.ts';
import { startSlackApiServer } from '../fixtures/slack-api-server.ts';
import { round } from './stats.ts';

export interface AlarmBurst {
  events: number;
  channels: number;
  concurrency: number;
  seconds: number;
  slackCalls: number;
  rateLimited: number;
  messages: number;
  digests: number;
  outcomes: Record<string, number>;
  lost: number;
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * 1,000 alarm state changes at once through the relay (100 at a time, as Lambda would run them),
 * against a Slack stand-in that allows one chat.postMessage per second per channel and answers
 * 429 with Retry-After: 1 beyond that. A failed invocation is retried twice, as Lambda does
 * (after 1 s here instead of 1 and 2 minutes). Nothing may be lost.
 */
export async function alarmBurst(events = 1000, channels = 5, concurrency = 100): Promise<AlarmBurst> {
  const api = await startSlackApiServer({ perChannelIntervalMs: 1000, retryAfterSeconds: 1 });
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
  const poster = createSlackPoster({
    token: 'xoxb-bench',
    slackApiUrl: api.apiUrl,
    deadlineMs: () => Date.now() + 55_000,
  });
  const queue = Array.from({ length: events }, (_, i) => {
    const event = structuredClone(template);
    event.id = `bench-event-${i}`;
    const name = `bench-${i % channels}-alarm-${i}`;
    event.detail.alarmName = name;
    event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`];
    return event;
  });
  const outcomes: Record<string, number> = {};
  let lost = 0;
  const started = Date.now();
  const invoke = async (event: unknown) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const result: RelayResult = await relayAlarm(
          {
            routing,
            store,
            poster,
            deadLetter: async () => undefined,
            logger: quiet,
            now: Date.now,
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
            deadlineMs: Date.now() + 55_000,
          },
          event,
        );
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    lost++; // would be in the dead-letter queue: not lost, but not delivered either
  };
  const workers = Array.from({ length: concurrency }, async () => {
    for (let event = queue.shift(); event; event = queue.shift()) await invoke(event);
  });
  await Promise.all(workers);
  const seconds = (Date.now() - started) / 1000;
  const calls = api.calls;
  await api.close();
  return {
    events,
    channels,
    concurrency,
    seconds: round(seconds),
    slackCalls: calls.length,
    rateLimited: calls.filter((c) => c.method.includes('(429)')).length,
    messages: calls.filter((c) => c.method === 'chat.postMessage').length,
    digests: calls.filter((c) => c.method === 'chat.update').length,
    outcomes,
    lost,
  };
}
