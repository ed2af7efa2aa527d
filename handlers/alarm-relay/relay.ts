import { asError } from '../errors.ts';
import type { FilesPort, MetricImagePort } from '../ports.ts';
import { type SlackMessage, safeMessage } from '../slack-message.ts';
import type { AlarmChange } from './alarm-change.ts';
import { parseAlarmEvent } from './alarm-event.ts';
import { postAlarmGraph } from './alarm-graph.ts';
import { beforeDeadline } from './deadline.ts';
import {
  type AlarmStore,
  type AlarmThread,
  type DeadLetter,
  isPendingThread,
  type PostOptions,
  type RelayLogger,
  type SlackPoster,
  slackErrorCode,
} from './ports.ts';
import { renderAlarmMessage, renderLateReply, renderThreadReply } from './render-alarm.ts';
import { isRouteFailure, isTooRich, type RouteFailure, renderPlainAlarm, renderRerouted } from './render-fallback.ts';
import { type AlarmRouting, type RouteDecision, routeAlarm } from './routes.ts';
import {
  addToDigest,
  admitTopLevel,
  DEFAULT_STORM_POLICY,
  digestEntry,
  LOCK_MARGIN_MS,
  letDigestGoFirst,
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
  /**
   * Draw and share the graph posted in a new ALARM's thread (GetMetricWidgetImage, files.uploadV2).
   * Without both, no graph; its failure is logged and never fails the relay.
   */
  images?: MetricImagePort;
  files?: FilesPort;
}

export type RelayResult =
  | { outcome: 'posted' | 'replied'; channel: string; ts: string; threadTs: string }
  /** An older change than the parent shows: one quiet "(arrived late)" line in the thread. */
  | { outcome: 'late'; channel: string; ts: string; threadTs: string }
  /** The change the parent already shows, arriving again: nothing is posted. */
  | { outcome: 'unchanged'; channel: string; reason: string }
  | { outcome: 'digested'; channel: string; ts: string }
  /** The parent was deleted: a new one shows the change, and the thread record points at it. */
  | { outcome: 'reposted'; channel: string; ts: string; threadTs: string }
  /** The route's channel refused it (`failure`): posted in the default channel with a line saying so. */
  | { outcome: 'rerouted'; channel: string; ts: string; intended: string; failure: RouteFailure }
  /** Neither the route's channel nor the default one takes it: in the dead-letter queue. */
  | { outcome: 'dead-lettered'; channel: string; problems: string[] }
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
  event: unknown,
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
    const late = await postAlarm(
      deps,
      change,
      channel,
      renderLateReply(change, latest && !isPendingThread(latest) ? latest.state : thread.state),
      { threadTs: thread.ts, key: 'late' },
    );
    return { outcome: 'late', channel, ts: late.ts, threadTs: thread.ts };
  }
  const parent = thread.digest ? undefined : parseAlarmEvent(JSON.parse(thread.parentEvent));
  if (parent?.ok) {
    const status = { openedAt: new Date(thread.openedAtMs), current: change };
    if (!(await updateParent(deps, change, channel, thread.ts, renderAlarmMessage(parent.change, route, status)))) {
      return repostParent(deps, change, route, thread, event);
    }
  }
  const reply = await postAlarm(deps, change, channel, renderThreadReply(change, route), {
    threadTs: thread.ts,
    key: 'reply',
  });
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
    try {
      await letDigestGoFirst({ ...deps, ...storm }, channel, admitted.window);
      const posted = await postAlarm(deps, change, channel, renderAlarmMessage(change, route), { key: 'parent' });
      await recordThread(deps, { ...thread, ts: posted.ts }, owner);
      return { outcome: 'posted', channel, ts: posted.ts, threadTs: posted.ts };
    } catch (error) {
      // Only messages really posted use up the storm budget: a failed one must not push others into a digest.
      await storm.store.countTopLevel(channel, admitted.window, -1).catch(() => undefined);
      throw error;
    }
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
 * Posts one of the alarm's own messages, keyed by its event and purpose so a retry after a lost answer
 * finds it instead of posting again. When Slack refuses the message itself (too long, blocks it will
 * not take), a plain one-line message goes instead, and the full event is logged, so nothing is lost.
 */
async function postAlarm(
  deps: RelayDeps,
  change: AlarmChange,
  channel: string,
  message: SlackMessage,
  options: { threadTs?: string; key: string },
): Promise<{ ts: string }> {
  const post = (m: SlackMessage, key: PostOptions['key']) => deps.poster.post(channel, m, options.threadTs, { key });
  try {
    return await post(message, `${change.eventId}#${options.key}`);
  } catch (error) {
    const code = slackErrorCode(error);
    if (!isTooRich(code)) throw error;
    deps.logger.warn('Slack refused the alarm message; posting it as plain text', {
      eventId: change.eventId,
      channel,
      slackError: code,
      event: change,
    });
    return post(renderPlainAlarm(change), `${change.eventId}#${options.key}-plain`);
  }
}

/**
 * chat.update of the parent; a refused message is updated to the plain line. `false` when the parent
 * is gone (`message_not_found`: someone deleted it), so the caller posts a new one.
 */
async function updateParent(
  deps: RelayDeps,
  change: AlarmChange,
  channel: string,
  ts: string,
  message: SlackMessage,
): Promise<boolean> {
  try {
    await deps.poster.update(channel, ts, message);
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'message_not_found') return false;
    if (!isTooRich(code)) throw error;
    await deps.poster.update(channel, ts, renderPlainAlarm(change));
    return true;
  }
}

/**
 * The parent was deleted: a new parent shows the change as it is now, and the thread record points at
 * it (written under the same event, which the condition allows), so later changes thread there.
 */
async function repostParent(
  deps: RelayDeps,
  change: AlarmChange,
  route: RouteDecision,
  thread: AlarmThread,
  event: unknown,
): Promise<RelayResult> {
  const { channel } = route;
  deps.logger.warn('The alarm thread parent was deleted; posting a new one', {
    eventId: change.eventId,
    channel,
    deletedTs: thread.ts,
  });
  const posted = await postAlarm(deps, change, channel, renderAlarmMessage(change, route), { key: 'reparent' });
  const changedAt = change.state.timestamp.getTime();
  await deps.store.saveThread({
    ...thread,
    ts: posted.ts,
    openedAtMs: changedAt,
    state: change.state.value,
    lastChangeMs: changedAt,
    lastEventId: change.eventId,
    parentEvent: JSON.stringify(event),
  });
  return { outcome: 'reposted', channel, ts: posted.ts, threadTs: posted.ts };
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
      return replyInThread(deps, change, route, stored, event);
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
    const id = (event as { id?: unknown } | null)?.id;
    deps.logger.error('Invalid alarm event; sending it to the dead-letter queue', {
      eventId: typeof id === 'string' ? id : 'none',
      outcome: 'invalid',
      problems: parsed.problems,
    });
    await deps.deadLetter(event, parsed.problems);
    return { outcome: 'invalid', problems: parsed.problems };
  }
  const { change } = parsed;
  const route = routeAlarm(deps.routing, change);
  const unguarded = deps.poster;
  deps = { ...deps, poster: guardedPoster(deps.poster, route) };
  const where = { eventId: change.eventId, route: route.routeName ?? 'default', channel: route.channel };
  const owner = deps.newOwner?.() ?? globalThis.crypto.randomUUID();
  const nowMs = deps.now();
  if (!(await deps.store.claimEvent(change.eventId, owner, nowMs, lockUntil(deps) - nowMs))) {
    deps.logger.info('Alarm relayed', { ...where, outcome: 'duplicate', state: change.state.value });
    return { outcome: 'duplicate', eventId: change.eventId };
  }
  let result: RelayResult;
  try {
    result = await deliver(deps, change, route, event, owner).catch((error: unknown) => {
      const failure = slackErrorCode(error);
      if (!isRouteFailure(failure)) throw error;
      return reroute(deps, unguarded, change, route, event, failure);
    });
  } catch (error) {
    await deps.store.releaseEvent(change.eventId, owner).catch((releaseError: unknown) => {
      // The lock then expires on its own, before Lambda's first retry a minute later.
      deps.logger.warn('Could not release the event claim', { error: asError(releaseError).message });
    });
    deps.logger.error('Alarm not delivered yet; failing the invocation so it is retried', {
      ...where,
      state: change.state.value,
      error: asError(error).message,
      slackError: slackErrorCode(error),
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
  deps.logger.info('Alarm relayed', { ...where, ...result, state: change.state.value });
  if ((result.outcome === 'posted' || result.outcome === 'replied') && wantsGraph(change)) {
    await attachGraph(deps, change, result.channel, result.threadTs).catch((error: unknown) => {
      deps.logger.warn('Could not attach the alarm graph', { error: asError(error).message });
    });
  }
  return result;
}

/**
 * The graph of the hour before the change, in the alarm's thread. Bounded by the deadline: the alarm
 * is posted already, and a slow graph must not turn the invocation into a timeout.
 */
async function attachGraph(deps: RelayDeps, change: AlarmChange, channel: string, threadTs: string) {
  const { images, files } = deps;
  if (!images || !files) return;
  const signal = AbortSignal.timeout(Math.max(1, deps.deadlineMs - deps.now()));
  const post = postAlarmGraph({ images, files }, change, { channel, threadTs }, { now: new Date(deps.now()), signal });
  await beforeDeadline(post, deps.deadlineMs, 'The alarm graph', deps.now);
}

/**
 * The route's channel refused the alarm (the bot is not in it, it is archived or gone): retrying cannot
 * help, so it is posted at once in the default channel, led by a line saying where it should have gone
 * and why. The failure is logged with an embedded-metric count per route, so an alarm on
 * `cw-chatops/RouteFailures` can tell someone the routing needs fixing. When the default channel
 * refuses it too (or is the route's own channel), the event goes to the dead-letter queue.
 */
async function reroute(
  deps: RelayDeps,
  poster: SlackPoster,
  change: AlarmChange,
  route: RouteDecision,
  event: unknown,
  failure: RouteFailure,
): Promise<RelayResult> {
  const fallback = deps.routing.defaultChannel;
  const routeName = route.routeName ?? 'default';
  deps.logger.error('The route channel refused the alarm', {
    eventId: change.eventId,
    route: routeName,
    channel: route.channel,
    slackError: failure,
    ...routeFailureMetric(routeName, deps.now()),
  });
  const deadLetter = async (problems: string[]): Promise<RelayResult> => {
    await deps.deadLetter(event, problems, 'ChannelRefused');
    return { outcome: 'dead-lettered', channel: route.channel, problems };
  };
  const refused = `${route.channel} answered ${failure}`;
  if (fallback === route.channel) return deadLetter([refused, 'it is the default channel: nowhere else to post']);
  try {
    const message = renderRerouted(change, route, failure);
    const posted = await poster.post(fallback, message, undefined, { key: `${change.eventId}#rerouted` });
    return { outcome: 'rerouted', channel: fallback, ts: posted.ts, intended: route.channel, failure };
  } catch (error) {
    const code = slackErrorCode(error);
    // A transient failure (5xx, 429, timeout) is retried like any other; a refusal cannot be.
    if (code === undefined) throw error;
    return deadLetter([refused, `the default channel ${fallback} answered ${code}`]);
  }
}

/** CloudWatch embedded metric format: this log line also counts one `RouteFailures` for the route. */
function routeFailureMetric(route: string, nowMs: number) {
  return {
    _aws: {
      Timestamp: nowMs,
      CloudWatchMetrics: [
        { Namespace: 'cw-chatops', Dimensions: [['Route']], Metrics: [{ Name: 'RouteFailures', Unit: 'Count' }] },
      ],
    },
    Route: route,
    RouteFailures: 1,
  };
}

/** Every alarm message passes the escaping guard; only the route's own user group may be mentioned. */
function guardedPoster(poster: SlackPoster, route: RouteDecision): SlackPoster {
  const allowed = route.mention ? [route.mention] : [];
  return {
    post: (channel, message, threadTs, options) =>
      poster.post(channel, safeMessage(message, allowed), threadTs, options),
    update: (channel, ts, message) => poster.update(channel, ts, safeMessage(message, allowed)),
  };
}

/** A graph helps when the alarm fires on something drawable; OK and INSUFFICIENT_DATA have the button. */
function wantsGraph(change: AlarmChange): boolean {
  return change.state.value === 'ALARM' && ['metric', 'math', 'anomaly'].includes(change.kind);
}
