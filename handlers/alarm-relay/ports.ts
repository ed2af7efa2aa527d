import type { SlackMessage } from '../slack-message.ts';
import type { AlarmStateValue } from './alarm-change.ts';

/**
 * What the relay reads and writes through. The DynamoDB adapter (infra/aws/alarm-store.ts) and the
 * in-memory one (infra/memory/alarm-store.ts) implement them with the same conditional semantics.
 */

/**
 * At-most-once posting per EventBridge `id`, with a lock a crashed attempt gives back by expiring.
 * `owner` is a token of the attempt that claimed it: an attempt whose lock expired and was taken over
 * can neither complete nor release the claim of the attempt that holds it now.
 */
export interface EventDedupe {
  /** `false` when the event is done already or another attempt holds an unexpired lock. */
  claimEvent(eventId: string, owner: string, nowMs: number, lockMs: number): Promise<boolean>;
  /** Marks the event done; `false` when `owner` no longer holds the claim. */
  completeEvent(eventId: string, owner: string, nowMs: number): Promise<boolean>;
  /** Called when posting failed, so Lambda's retry of the same event may post; only `owner`'s claim goes. */
  releaseEvent(eventId: string, owner: string): Promise<void>;
}

export interface AlarmThread {
  channel: string;
  alarmArn: string;
  /** The parent message's `ts` (the storm digest's, when `digest`). */
  ts: string;
  openedAtMs: number;
  state: AlarmStateValue;
  /** Time of the latest state change the parent shows (`detail.state.timestamp`); older events never overwrite it. */
  lastChangeMs: number;
  /** The EventBridge id of that change: its own retry may write the same time again, another event may not. */
  lastEventId?: string;
  /** The event the parent was first rendered from, re-rendered on every update. */
  parentEvent: string;
  /** The alarm went into a storm digest: changes reply in the digest's thread, which is never re-rendered for one alarm. */
  digest?: boolean;
}

/** An alarm's parent being posted: the invocation that claimed it (`owner`) opens the thread or gives it back. */
export interface PendingThread {
  channel: string;
  alarmArn: string;
  owner: string;
  /** After this, the claimant is taken for dead and another invocation may claim the thread. */
  pendingUntilMs: number;
}

export const isPendingThread = (thread: AlarmThread | PendingThread): thread is PendingThread =>
  'pendingUntilMs' in thread;

export interface AlarmThreadStore {
  getThread(channel: string, alarmArn: string): Promise<AlarmThread | PendingThread | undefined>;
  /**
   * Claims the right to post the alarm's parent (a conditional create): wins when there is no record,
   * the stored claim expired, or the stored thread is the closed one the caller saw (`replacingTs`).
   */
  claimThread(claim: PendingThread, nowMs: number, replacingTs?: string): Promise<boolean>;
  /** Replaces `owner`'s claim with the posted thread; `false` when the claim was lost meanwhile. */
  openThread(thread: AlarmThread, owner: string): Promise<boolean>;
  /** Deletes `owner`'s claim (posting failed), so a retry or a concurrent change may post. */
  releaseThread(channel: string, alarmArn: string, owner: string): Promise<void>;
  /**
   * Writes only a newer state: unless the stored thread has a later or equal `lastChangeMs` (equal is
   * allowed only for the same `lastEventId`, a retry of that change) or is a claim; says whether it wrote.
   */
  saveThread(thread: AlarmThread): Promise<boolean>;
}

/** One alarm in a storm digest. */
export interface DigestEntry {
  eventId: string;
  alarmName: string;
  state: AlarmStateValue;
  atMs: number;
  region: string;
  account: string;
}

export interface StormWindow {
  /** Top-level alarms counted in the window. */
  count: number;
  entries: DigestEntry[];
  /** The digest message, once posted. */
  ts?: string;
  /** How many entries the digest message showed when last rendered. */
  renderedLength: number;
  /** Until then one invocation renders the digest; after a render it doubles as the update throttle. */
  renderLockUntilMs: number;
}

export interface StormStore {
  /**
   * Counts one top-level alarm in the channel's window and returns the count including it; `delta`
   * -1 gives back the count of a post that failed.
   */
  countTopLevel(channel: string, windowStartMs: number, delta?: number): Promise<number>;
  /** The count of a window, 0 when none was stored. */
  windowCount(channel: string, windowStartMs: number): Promise<number>;
  /** Appends to the window's digest and returns the number of entries including it. */
  appendDigest(channel: string, windowStartMs: number, entry: DigestEntry): Promise<number>;
  readDigest(channel: string, windowStartMs: number): Promise<StormWindow>;
  /** Takes the render lock when it is free (`renderLockUntilMs <= nowMs`). */
  claimDigestRender(channel: string, windowStartMs: number, nowMs: number, untilMs: number): Promise<boolean>;
  /** Records a render; `renderedLength` only grows, and the lock becomes the throttle `nextRenderAtMs`. */
  saveDigestRender(
    channel: string,
    windowStartMs: number,
    render: { ts: string; renderedLength: number; nextRenderAtMs: number },
  ): Promise<void>;
}

export type AlarmStore = EventDedupe & AlarmThreadStore & StormStore;

export interface PostOptions {
  /**
   * Names this post (e.g. `<event id>#parent`). chat.postMessage has no idempotency key, so the
   * adapter carries it in the message's metadata and, before retrying a post whose answer never
   * came, looks for it in the channel: a post Slack accepted is not made twice.
   */
  key?: string;
}

/** chat.postMessage and chat.update; failures after the adapter's retries are thrown. */
export interface SlackPoster {
  post(channel: string, message: SlackMessage, threadTs?: string, options?: PostOptions): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/**
 * Slack's own `ok: false` error code of a failed call (`not_in_channel`, …), read from the shape the
 * Web API client throws (`code: 'slack_webapi_platform_error'`, `data.error`); `undefined` for
 * HTTP, network and rate-limit failures.
 */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/**
 * Where events we cannot handle go, with why (an SQS queue, deployed). `code` says which kind:
 * `InvalidAlarmEvent` (the default: the event itself is wrong) or `ChannelRefused` (a valid alarm
 * that neither its route's channel nor the default one would take).
 */
export type DeadLetter = (
  event: unknown,
  problems: string[],
  code?: 'InvalidAlarmEvent' | 'ChannelRefused',
) => Promise<void>;

/**
 * Makes failed queue messages visible again after their own delay rather than the queue's visibility
 * timeout (SQS ChangeMessageVisibility). Best effort: a message it cannot change comes back after the
 * queue's timeout, as without it.
 */
export type RetryLater = (messages: { receiptHandle: string; delaySeconds: number }[]) => Promise<void>;

export interface RelayLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}
