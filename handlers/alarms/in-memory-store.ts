import type { AlarmStore, AlarmThread, StormWindow } from './ports.ts';

/**
 * The alarm store in a process's memory, with the DynamoDB adapter's conditional semantics: for local
 * runs (`npm start` has no table) and for tests that simulate many concurrent invocations.
 */
export function createInMemoryAlarmStore(): AlarmStore & { threads: Map<string, AlarmThread> } {
  const events = new Map<string, { done: boolean; lockedUntilMs: number }>();
  const threads = new Map<string, AlarmThread>();
  const windows = new Map<string, StormWindow>();
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
    async claimEvent(eventId, nowMs, lockMs) {
      const event = events.get(eventId);
      if (event && (event.done || event.lockedUntilMs > nowMs)) return false;
      events.set(eventId, { done: false, lockedUntilMs: nowMs + lockMs });
      return true;
    },
    async completeEvent(eventId) {
      events.set(eventId, { done: true, lockedUntilMs: 0 });
    },
    async releaseEvent(eventId) {
      events.delete(eventId);
    },
    async getThread(channel, alarmArn) {
      const thread = threads.get(`${channel}#${alarmArn}`);
      return thread ? { ...thread } : undefined;
    },
    async saveThread(thread) {
      const key = `${thread.channel}#${thread.alarmArn}`;
      const stored = threads.get(key);
      if (stored && stored.lastChangeMs > thread.lastChangeMs) return false;
      threads.set(key, { ...thread });
      return true;
    },
    async countTopLevel(channel, start) {
      const window = windowOf(channel, start);
      window.count += 1;
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
