import type { SlackMessage } from '../slack-message.ts';
import type { AlarmStateValue } from './alarm-event.ts';

/**
 * What the relay reads and writes through. The DynamoDB adapter (infra/aws/alarm-store.ts) and the
 * in-memory one (./in-memory-store.ts) implement them with the same conditional semantics.
 */

/** At-most-once posting per EventBridge `id`, with a lock a crashed attempt gives back by expiring. */
export interface EventDedupe {
  /** `false` when the event is done already or another attempt holds an unexpired lock. */
  claimEvent(eventId: string, nowMs: number, lockMs: number): Promise<boolean>;
  completeEvent(eventId: string, nowMs: number): Promise<void>;
  /** Called when posting failed, so Lambda's retry of the same event may post. */
  releaseEvent(eventId: string): Promise<void>;
}

export interface AlarmThread {
  channel: string;
  alarmArn: string;
  /** The parent message's `ts`. */
  ts: string;
  openedAtMs: number;
  state: AlarmStateValue;
  /** Time of the latest state change the parent shows; older events never overwrite it. */
  lastChangeMs: number;
  /** The event the parent was first rendered from, re-rendered on every update. */
  parentEvent: string;
}

export interface AlarmThreadStore {
  getThread(channel: string, alarmArn: string): Promise<AlarmThread | undefined>;
  /** Writes unless a stored thread has a later `lastChangeMs`; says whether it wrote. */
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
  /** Counts one top-level alarm in the channel's window and returns the count including it. */
  countTopLevel(channel: string, windowStartMs: number): Promise<number>;
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

/** chat.postMessage and chat.update; failures after the adapter's retries are thrown. */
export interface SlackPoster {
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/** Where events we cannot handle go, with why (an SQS queue, deployed). */
export type DeadLetter = (event: unknown, problems: string[]) => Promise<void>;

export interface RelayLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}
