import {
  type AlarmStore,
  type AlarmThread,
  isPendingThread,
  type PendingThread,
  type StormWindow,
} from '../../handlers/alarm-relay/ports.ts';

/** The DynamoDB adapter's condition: a later change, or the same change written again by its own retry. */
const isNewer = (thread: AlarmThread, stored: AlarmThread) =>
  thread.lastChangeMs > stored.lastChangeMs ||
  (thread.lastChangeMs === stored.lastChangeMs &&
    thread.lastEventId !== undefined &&
    thread.lastEventId === stored.lastEventId);

/**
 * The alarm store in a process's memory, with the DynamoDB adapter's conditional semantics: for local
 * runs (`npm start` has no table) and for tests that simulate many concurrent invocations.
 */
export function createInMemoryAlarmStore(): AlarmStore & { threads: Map<string, AlarmThread | PendingThread> } {
  const events = new Map<string, { done: boolean; owner: string; lockedUntilMs: number }>();
  const threads = new Map<string, AlarmThread | PendingThread>();
  const windows = new Map<string, StormWindow>();
  const threadKey = (channel: string, alarmArn: string) => `${channel}#${alarmArn}`;
  const windowOf = (channel: string, start: number) => {
    const key = `${channel}#${start}`;
    let window = windows.get(key);
    if (!window) {
      window = { count: 0, entries: [], renderedLength: 0, renderLockUntilMs: 0 };
      windows.set(key, window);
    }
    return window;
  };
  return {
    threads,
    async claimEvent(eventId, owner, nowMs, lockMs) {
      const event = events.get(eventId);
      if (event && (event.done || event.lockedUntilMs > nowMs)) return false;
      events.set(eventId, { done: false, owner, lockedUntilMs: nowMs + lockMs });
      return true;
    },
    async completeEvent(eventId, owner) {
      const event = events.get(eventId);
      if (!event || event.done || event.owner !== owner) return false;
      events.set(eventId, { done: true, owner, lockedUntilMs: 0 });
      return true;
    },
    async releaseEvent(eventId, owner) {
      const event = events.get(eventId);
      if (event && !event.done && event.owner === owner) events.delete(eventId);
    },
    async getThread(channel, alarmArn) {
      const thread = threads.get(threadKey(channel, alarmArn));
      return thread ? { ...thread } : undefined;
    },
    async claimThread(claim, nowMs, replacingTs) {
      const key = threadKey(claim.channel, claim.alarmArn);
      const stored = threads.get(key);
      const free =
        !stored ||
        (isPendingThread(stored)
          ? stored.pendingUntilMs <= nowMs
          : replacingTs !== undefined && stored.ts === replacingTs);
      if (!free) return false;
      threads.set(key, { ...claim });
      return true;
    },
    async openThread(thread, owner) {
      const key = threadKey(thread.channel, thread.alarmArn);
      const stored = threads.get(key);
      if (!stored || !isPendingThread(stored) || stored.owner !== owner) return false;
      threads.set(key, { ...thread });
      return true;
    },
    async releaseThread(channel, alarmArn, owner) {
      const stored = threads.get(threadKey(channel, alarmArn));
      if (stored && isPendingThread(stored) && stored.owner === owner) threads.delete(threadKey(channel, alarmArn));
    },
    async saveThread(thread) {
      const key = threadKey(thread.channel, thread.alarmArn);
      const stored = threads.get(key);
      if (stored && (isPendingThread(stored) || !isNewer(thread, stored))) return false;
      threads.set(key, { ...thread });
      return true;
    },
    async countTopLevel(channel, start, delta = 1) {
      const window = windowOf(channel, start);
      window.count += delta;
      return window.count;
    },
    async windowCount(channel, start) {
      return windows.get(`${channel}#${start}`)?.count ?? 0;
    },
    async appendDigest(channel, start, entry) {
      const window = windowOf(channel, start);
      window.entries.push(entry);
      return window.entries.length;
    },
    async readDigest(channel, start) {
      const window = windowOf(channel, start);
      return { ...window, entries: [...window.entries] };
    },
    async claimDigestRender(channel, start, nowMs, untilMs) {
      const window = windowOf(channel, start);
      if (window.renderLockUntilMs > nowMs) return false;
      window.renderLockUntilMs = untilMs;
      return true;
    },
    async saveDigestRender(channel, start, render) {
      const window = windowOf(channel, start);
      window.ts ??= render.ts;
      window.renderedLength = Math.max(window.renderedLength, render.renderedLength);
      window.renderLockUntilMs = render.nextRenderAtMs;
    },
  };
}
