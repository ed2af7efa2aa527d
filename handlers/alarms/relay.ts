import { asError } from '../errors.ts';
import { type AlarmChange, parseAlarmEvent } from './alarm-event.ts';
import type { AlarmStore, AlarmThread, DeadLetter, RelayLogger, SlackPoster } from './ports.ts';
import { renderAlarmMessage, renderThreadReply } from './render-alarm.ts';
import { type AlarmRouting, type RouteDecision, routeAlarm } from './routes.ts';
import { addToDigest, admitTopLevel, DEFAULT_STORM_POLICY, digestEntry, type StormPolicy } from './storm.ts';

export interface RelayDeps {
  routing: AlarmRouting;
  store: AlarmStore;
  poster: SlackPoster;
  deadLetter: DeadLetter;
  logger: RelayLogger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms by which the relay must be done (the Lambda's deadline less a reserve). */
  deadlineMs: number;
  storm?: StormPolicy;
  /** A resolved alarm that fires again within this long replies in the same thread (flapping stays together). */
  reopenWithinMs?: number;
  /** How long a claimed event stays locked; a crashed attempt's lock expires before Lambda's retry a minute later. */
  eventLockMs?: number;
  /** Posts a graph of the metric in the thread; its failure is logged and does not fail the relay. */
  attachGraph?: (alarm: AlarmChange, channel: string, threadTs: string) => Promise<void>;
}

export type RelayResult =
  | { outcome: 'posted' | 'replied'; channel: string; ts: string; threadTs: string }
  | { outcome: 'digested'; channel: string; ts: string }
  | { outcome: 'skipped'; channel: string; reason: string }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'invalid'; problems: string[] };

const HOUR_MS = 3_600_000;

function isOpen(thread: AlarmThread, change: AlarmChange, reopenWithinMs: number): boolean {
  return thread.state !== 'OK' || change.state.timestamp.getTime() - thread.lastChangeMs <= reopenWithinMs;
}

/**
 * A later change of an alarm that has a thread. The order makes a retry safe: the thread record
 * and the parent are updated first (both idempotent), the reply is posted last.
 */
async function replyInThread(deps: RelayDeps, change: AlarmChange, route: RouteDecision, thread: AlarmThread) {
  const changedAt = change.state.timestamp.getTime();
  const saved = await deps.store.saveThread({ ...thread, state: change.state.value, lastChangeMs: changedAt });
  // `saved` is false for an event older than the parent's state: it is history, posted but not shown on top.
  const parent = saved ? parseAlarmEvent(JSON.parse(thread.parentEvent)) : undefined;
  if (parent?.ok) {
    const status = { openedAt: new Date(thread.openedAtMs), current: change };
    await deps.poster.update(route.channel, thread.ts, renderAlarmMessage(parent.change, route, status));
  }
  const reply = await deps.poster.post(route.channel, renderThreadReply(change, route), thread.ts);
  return { outcome: 'replied', channel: route.channel, ts: reply.ts, threadTs: thread.ts } as const;
}

async function deliver(
  deps: RelayDeps,
  change: AlarmChange,
  route: RouteDecision,
  event: unknown,
): Promise<RelayResult> {
  const { channel } = route;
  const thread = await deps.store.getThread(channel, change.alarmArn);
  if (thread && isOpen(thread, change, deps.reopenWithinMs ?? HOUR_MS))
    return replyInThread(deps, change, route, thread);
  if (change.state.value === 'OK' && change.previousState?.value !== 'ALARM') {
    // OK after INSUFFICIENT_DATA with nothing posted before is a new alarm settling, not news.
    return { outcome: 'skipped', channel, reason: `OK after ${change.previousState?.value ?? 'nothing'}` };
  }
  const storm = { store: deps.store, policy: deps.storm ?? DEFAULT_STORM_POLICY };
  const admitted = await admitTopLevel(storm, channel, deps.now());
  if (!admitted.post) {
    const digest = await addToDigest({ ...deps, ...storm }, channel, admitted.window, digestEntry(change));
    return { outcome: 'digested', channel, ts: digest.ts };
  }
  const posted = await deps.poster.post(channel, renderAlarmMessage(change, route));
  await deps.store.saveThread({
    channel,
    alarmArn: change.alarmArn,
    ts: posted.ts,
    openedAtMs: change.state.timestamp.getTime(),
    state: change.state.value,
    lastChangeMs: change.state.timestamp.getTime(),
    parentEvent: JSON.stringify(event),
  });
  return { outcome: 'posted', channel, ts: posted.ts, threadTs: posted.ts };
}

/**
 * One EventBridge alarm event → Slack. Invalid events go to the dead-letter queue and return (a retry
 * cannot fix them); a Slack or store failure is thrown after the event's claim is given back, so
 * Lambda's retries run it again and, when they are spent, its dead-letter queue keeps it.
 */
export async function relayAlarm(deps: RelayDeps, event: unknown): Promise<RelayResult> {
  const parsed = parseAlarmEvent(event);
  if (!parsed.ok) {
    deps.logger.error('Invalid alarm event; sending it to the dead-letter queue', { problems: parsed.problems });
    await deps.deadLetter(event, parsed.problems);
    return { outcome: 'invalid', problems: parsed.problems };
  }
  const { change } = parsed;
  const route = routeAlarm(deps.routing, change);
  if (!(await deps.store.claimEvent(change.eventId, deps.now(), deps.eventLockMs ?? 50_000))) {
    deps.logger.info('Duplicate alarm event; already posted or being posted', { channel: route.channel });
    return { outcome: 'duplicate', eventId: change.eventId };
  }
  let result: RelayResult;
  try {
    result = await deliver(deps, change, route, event);
  } catch (error) {
    await deps.store.releaseEvent(change.eventId).catch((releaseError: unknown) => {
      // The lock then expires on its own, before Lambda's first retry a minute later.
      deps.logger.warn('Could not release the event claim', { error: asError(releaseError).message });
    });
    throw error;
  }
  await deps.store.completeEvent(change.eventId, deps.now());
  deps.logger.info('Alarm relayed', { ...result, state: change.state.value, route: route.routeName ?? 'default' });
  if (deps.attachGraph && result.outcome !== 'skipped' && 'threadTs' in result && wantsGraph(change)) {
    await deps.attachGraph(change, result.channel, result.threadTs).catch((error: unknown) => {
      deps.logger.warn('Could not attach the alarm graph', { error: asError(error).message });
    });
  }
  return result;
}

/** A graph helps when the alarm fires on something drawable; OK and INSUFFICIENT_DATA have the button. */
function wantsGraph(change: AlarmChange): boolean {
  return change.state.value === 'ALARM' && ['metric', 'math', 'anomaly'].includes(change.kind);
}
