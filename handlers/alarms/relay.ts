import { asError } from '../errors.ts';
import { safeMessage } from '../slack-message.ts';
import { type AlarmChange, parseAlarmEvent } from './alarm-event.ts';
import {
  type AlarmStore,
  type AlarmThread,
  type DeadLetter,
  isPendingThread,
  type RelayLogger,
  type SlackPoster,
} from './ports.ts';
import { renderAlarmMessage, renderLateReply, renderThreadReply } from './render-alarm.ts';
import { type AlarmRouting, type RouteDecision, routeAlarm } from './routes.ts';
import {
  addToDigest,
  admitTopLevel,
  DEFAULT_STORM_POLICY,
  digestEntry,
  LOCK_MARGIN_MS,
  type StormPolicy,
} from './storm.ts';

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
  /**
   * Added to the time left to the deadline to give the event and thread locks: they outlast the
   * invocation (its reserve and clock skew), and a crashed attempt's lock expires before Lambda's retry
   * a minute after the timeout.
   */
  lockMarginMs?: number;
  /** A token for this attempt's claims; random by default. */
  newOwner?: () => string;
  /** Posts a graph of the metric in the thread; its failure is logged and does not fail the relay. */
  attachGraph?: (alarm: AlarmChange, channel: string, threadTs: string) => Promise<void>;
}

export type RelayResult =
  | { outcome: 'posted' | 'replied'; channel: string; ts: string; threadTs: string }
  /** An older change than the parent shows: one quiet "(arrived late)" line in the thread. */
  | { outcome: 'late'; channel: string; ts: string; threadTs: string }
  /** The change the parent already shows, arriving again: nothing is posted. */
  | { outcome: 'unchanged'; channel: string; reason: string }
  | { outcome: 'digested'; channel: string; ts: string }
  | { outcome: 'skipped'; channel: string; reason: string }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'invalid'; problems: string[] };

const HOUR_MS = 3_600_000;
/** How often an invocation that lost the claim on an alarm's thread checks whether its parent is posted. */
const THREAD_POLL_MS = 250;

export class ThreadWaitTimeoutError extends Error {
  override name = 'ThreadWaitTimeoutError';
}

function isOpen(thread: AlarmThread, change: AlarmChange, reopenWithinMs: number): boolean {
  return thread.state !== 'OK' || change.state.timestamp.getTime() - thread.lastChangeMs <= reopenWithinMs;
}

/**
 * The change the thread already shows, delivered again: the same state at the same time (CloudWatch
 * may notify a transition more than once, under another event id), or a "change" to the state it
 * is already in. Its own retry (the same event id) is not a repeat: it must finish what it began.
 */
function isRepeat(thread: AlarmThread, change: AlarmChange): boolean {
  if (thread.lastEventId === change.eventId || thread.state !== change.state.value) return false;
  return thread.lastChangeMs === change.state.timestamp.getTime() || change.previousState?.value === change.state.value;
}

/**
 * A later change of an alarm that has a thread, ordered by the state's own timestamp, not by
 * arrival: only a newer change is written (a conditional write, so concurrent invocations cannot
 * regress it) and shown on the parent. An older one is still a true part of the alarm's history,
 * so it gets one quiet line in the thread, without a mention or a graph, rather than being
 * dropped; a repeat gets nothing. The order makes a retry safe: the thread record and the parent
 * are updated first (both idempotent), the reply is posted last.
 */
async function replyInThread(
  deps: RelayDeps,
  change: AlarmChange,
  route: RouteDecision,
  thread: AlarmThread,
): Promise<RelayResult> {
  const { channel } = route;
  const unchanged = { outcome: 'unchanged', channel, reason: `already ${thread.state}` } as const;
  if (isRepeat(thread, change)) return unchanged;
  const changedAt = change.state.timestamp.getTime();
  const newer = changedAt > thread.lastChangeMs || thread.lastEventId === change.eventId;
  const saved =
    newer &&
    (await deps.store.saveThread({
      ...thread,
      state: change.state.value,
      lastChangeMs: changedAt,
      lastEventId: change.eventId,
    }));
  if (!saved) {
    // Another invocation may have written this very transition (or a newer one) meanwhile.
    const latest = await deps.store.getThread(channel, change.alarmArn);
    if (latest && !isPendingThread(latest) && isRepeat(latest, change)) return unchanged;
    const late = await deps.poster.post(
      channel,
      renderLateReply(change, latest && !isPendingThread(latest) ? latest.state : thread.state),
      thread.ts,
    );
    return { outcome: 'late', channel, ts: late.ts, threadTs: thread.ts };
  }
  const parent = thread.digest ? undefined : parseAlarmEvent(JSON.parse(thread.parentEvent));
  if (parent?.ok) {
    const status = { openedAt: new Date(thread.openedAtMs), current: change };
    await deps.poster.update(channel, thread.ts, renderAlarmMessage(parent.change, route, status));
  }
  const reply = await deps.poster.post(channel, renderThreadReply(change, route), thread.ts);
  return { outcome: 'replied', channel, ts: reply.ts, threadTs: thread.ts };
}

/**
 * Posts the alarm's parent (or adds it to the storm digest) under this invocation's claim on the
 * thread, then records the thread; on failure the claim is given back so a retry or a concurrent
 * change of the same alarm may post.
 */
async function openThread(
  deps: RelayDeps,
  change: AlarmChange,
  route: RouteDecision,
  event: unknown,
  owner: string,
): Promise<RelayResult> {
  const { channel } = route;
  const changedAt = change.state.timestamp.getTime();
  const thread = {
    channel,
    alarmArn: change.alarmArn,
    openedAtMs: changedAt,
    state: change.state.value,
    lastChangeMs: changedAt,
    lastEventId: change.eventId,
    parentEvent: JSON.stringify(event),
  };
  try {
    const storm = { store: deps.store, policy: deps.storm ?? DEFAULT_STORM_POLICY };
    const admitted = await admitTopLevel(storm, channel, deps.now());
    if (!admitted.post) {
      const digest = await addToDigest({ ...deps, ...storm }, channel, admitted.window, digestEntry(change));
      // Later changes of this alarm reply in the digest's thread rather than start a top-level message.
      await recordThread(deps, { ...thread, ts: digest.ts, digest: true }, owner);
      return { outcome: 'digested', channel, ts: digest.ts };
    }
    const posted = await deps.poster.post(channel, renderAlarmMessage(change, route));
    await recordThread(deps, { ...thread, ts: posted.ts }, owner);
    return { outcome: 'posted', channel, ts: posted.ts, threadTs: posted.ts };
  } catch (error) {
    await deps.store.releaseThread(channel, change.alarmArn, owner).catch((releaseError: unknown) => {
      deps.logger.warn('Could not release the thread claim', { error: asError(releaseError).message });
    });
    throw error;
  }
}

async function recordThread(deps: RelayDeps, thread: AlarmThread, owner: string) {
  if (!(await deps.store.openThread(thread, owner))) {
    // Our claim expired while we posted and another invocation took it over: it may have posted a parent too.
    deps.logger.warn('Lost the claim on the alarm thread while posting its parent', { channel: thread.channel });
  }
}

/**
 * Which message the change goes to. The first change of an alarm claims its thread before posting
 * (a conditional create), so when ALARM and OK of one alarm arrive together only one becomes the
 * parent; the other waits (polling) until the claimant has posted and replies in its thread. We
 * chose the claim-first record over post-then-save because with the latter both have already posted
 * top-level messages when the loser finds out. If the claimant dies, its claim expires with its
 * invocation and the next change (or Lambda's retry) claims the thread; a waiter that reaches its
 * deadline fails and is retried.
 */
async function deliver(
  deps: RelayDeps,
  change: AlarmChange,
  route: RouteDecision,
  event: unknown,
  owner: string,
): Promise<RelayResult> {
  const { channel } = route;
  for (;;) {
    const thread = await deps.store.getThread(channel, change.alarmArn);
    const now = deps.now();
    if (thread && isPendingThread(thread) && thread.pendingUntilMs > now) {
      if (now + THREAD_POLL_MS > deps.deadlineMs) {
        throw new ThreadWaitTimeoutError(`Gave up waiting for the parent of ${change.alarmName} in ${channel}`);
      }
      await deps.sleep(THREAD_POLL_MS);
      continue;
    }
    const stored = thread && !isPendingThread(thread) ? thread : undefined;
    if (stored && isOpen(stored, change, deps.reopenWithinMs ?? HOUR_MS))
      return replyInThread(deps, change, route, stored);
    if (change.state.value === 'OK' && change.previousState?.value !== 'ALARM') {
      // OK after INSUFFICIENT_DATA with nothing posted before is a new alarm settling, not news.
      return { outcome: 'skipped', channel, reason: `OK after ${change.previousState?.value ?? 'nothing'}` };
    }
    const claim = { channel, alarmArn: change.alarmArn, owner, pendingUntilMs: lockUntil(deps) };
    // A closed thread is replaced only if it is still the one we read (its ts).
    if (await deps.store.claimThread(claim, now, stored?.ts)) return openThread(deps, change, route, event, owner);
    // Another invocation claimed it first: go round, wait for its parent and reply in its thread.
  }
}

/** Locks last until this invocation is surely over: its deadline, plus the Lambda's reserve and skew. */
const lockUntil = (deps: RelayDeps) => Math.max(deps.deadlineMs, deps.now()) + (deps.lockMarginMs ?? LOCK_MARGIN_MS);

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
  deps = { ...deps, poster: guardedPoster(deps.poster, route) };
  const owner = deps.newOwner?.() ?? globalThis.crypto.randomUUID();
  const nowMs = deps.now();
  if (!(await deps.store.claimEvent(change.eventId, owner, nowMs, lockUntil(deps) - nowMs))) {
    deps.logger.info('Duplicate alarm event; already posted or being posted', { channel: route.channel });
    return { outcome: 'duplicate', eventId: change.eventId };
  }
  let result: RelayResult;
  try {
    result = await deliver(deps, change, route, event, owner);
  } catch (error) {
    await deps.store.releaseEvent(change.eventId, owner).catch((releaseError: unknown) => {
      // The lock then expires on its own, before Lambda's first retry a minute later.
      deps.logger.warn('Could not release the event claim', { error: asError(releaseError).message });
    });
    throw error;
  }
  // Slack has the message now: failing here would make Lambda's retry post it again.
  const completed = await deps.store.completeEvent(change.eventId, owner, deps.now()).catch((error: unknown) => {
    deps.logger.error('Could not mark the event done; a redelivery after its lock expires would post again', {
      error: asError(error).message,
    });
    return true;
  });
  if (!completed) deps.logger.warn('The event claim was taken over before it was marked done');
  deps.logger.info('Alarm relayed', { ...result, state: change.state.value, route: route.routeName ?? 'default' });
  if (deps.attachGraph && (result.outcome === 'posted' || result.outcome === 'replied') && wantsGraph(change)) {
    await deps.attachGraph(change, result.channel, result.threadTs).catch((error: unknown) => {
      deps.logger.warn('Could not attach the alarm graph', { error: asError(error).message });
    });
  }
  return result;
}

/** Every alarm message passes the escaping guard; only the route's own user group may be mentioned. */
function guardedPoster(poster: SlackPoster, route: RouteDecision): SlackPoster {
  const allowed = route.mention ? [route.mention] : [];
  return {
    post: (channel, message, threadTs) => poster.post(channel, safeMessage(message, allowed), threadTs),
    update: (channel, ts, message) => poster.update(channel, ts, safeMessage(message, allowed)),
  };
}

/** A graph helps when the alarm fires on something drawable; OK and INSUFFICIENT_DATA have the button. */
function wantsGraph(change: AlarmChange): boolean {
  return change.state.value === 'ALARM' && ['metric', 'math', 'anomaly'].includes(change.kind);
}
