import type { AlarmChange } from './alarm-change.ts';
import type { DigestEntry, SlackPoster, StormStore } from './ports.ts';
import { renderStormDigest } from './render-digest.ts';

export interface StormPolicy {
  /** Fixed windows per channel; a storm is judged per window. */
  windowMs: number;
  /** Top-level alarm messages a channel gets per window before the rest go to one digest. */
  maxPostsPerWindow: number;
  /** At most one digest update per this interval (chat.update is Tier 3, ~50 a minute). */
  renderIntervalMs: number;
  /** How often an alarm waiting for the digest checks whether it is shown. */
  pollMs: number;
  /**
   * In a burst (the window is past its budget before this alarm's own message went out), how long the
   * own message waits for the digest to be posted first; 3 s when unset.
   */
  digestFirstMs?: number;
}

/**
 * Added to an invocation's deadline for the locks it takes: the Lambda keeps a reserve past the
 * deadline (5 s) and clocks differ a little between instances.
 */
export const LOCK_MARGIN_MS = 10_000;

export const DEFAULT_STORM_POLICY: StormPolicy = {
  windowMs: 60_000,
  maxPostsPerWindow: 10,
  renderIntervalMs: 5_000,
  pollMs: 1_000,
};

export interface StormDeps {
  store: StormStore;
  poster: SlackPoster;
  policy: StormPolicy;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms after which waiting for a render is given up (and the invocation fails, to be retried). */
  deadlineMs: number;
}

export class DigestTimeoutError extends Error {
  override name = 'DigestTimeoutError';
}

export const windowStart = (nowMs: number, policy: StormPolicy) =>
  Math.floor(nowMs / policy.windowMs) * policy.windowMs;

/**
 * Decides whether a new top-level alarm gets its own message. Past the budget it goes to the digest;
 * a storm that overflowed the previous window stays in the digest, so a long storm gives one digest
 * a minute rather than a burst of ten messages every minute.
 */
export async function admitTopLevel(deps: Pick<StormDeps, 'store' | 'policy'>, channel: string, nowMs: number) {
  const { store, policy } = deps;
  const window = windowStart(nowMs, policy);
  const count = await store.countTopLevel(channel, window);
  if (count > policy.maxPostsPerWindow) return { post: false, window } as const;
  const previous = await store.windowCount(channel, window - policy.windowMs);
  return { post: previous <= policy.maxPostsPerWindow, window } as const;
}

/** How often an own message waiting for the digest to go first looks. */
const DIGEST_FIRST_POLL_MS = 100;

/**
 * Slack posts one message per second per channel, so in a burst the first ten alarms' own messages
 * take ten seconds; the digest, which shows everything past them, would wait its turn among them.
 * When the window is already past its budget, an own message lets the digest go first (waiting until
 * it is posted, at most `digestFirstMs` and never past the deadline): most of a storm is then
 * visible in a second instead of ten. A window within its budget waits for nothing.
 */
export async function letDigestGoFirst(deps: StormDeps, channel: string, window: number): Promise<void> {
  const until = Math.min(deps.now() + (deps.policy.digestFirstMs ?? 3000), deps.deadlineMs);
  for (;;) {
    const digest = await deps.store.readDigest(channel, window);
    if (digest.count <= deps.policy.maxPostsPerWindow || digest.ts) return;
    if (deps.now() + DIGEST_FIRST_POLL_MS > until) return;
    await deps.sleep(DIGEST_FIRST_POLL_MS);
  }
}

export function digestEntry(change: AlarmChange): DigestEntry {
  return {
    eventId: change.eventId,
    alarmName: change.alarmName,
    state: change.state.value,
    atMs: change.state.timestamp.getTime(),
    region: change.region,
    account: change.account,
  };
}

/**
 * Adds the alarm to its window's digest and returns once a posted digest shows it. One invocation at
 * a time renders (a lock in the store); the others wait for the next render instead of each updating
 * the message, so a storm costs about one chat.update per `renderIntervalMs` however many alarms fire.
 */
export async function addToDigest(
  deps: StormDeps,
  channel: string,
  window: number,
  entry: DigestEntry,
): Promise<{ ts: string; position: number }> {
  const { store, poster, policy } = deps;
  const position = await store.appendDigest(channel, window, entry);
  for (;;) {
    const digest = await store.readDigest(channel, window);
    if (digest.ts && digest.renderedLength >= position) return { ts: digest.ts, position };
    const now = deps.now();
    // The lock lasts as long as this invocation may: the poster gives up every Slack call by the
    // deadline, so a slow chat.postMessage never lets a second renderer post a second digest.
    if (await store.claimDigestRender(channel, window, now, Math.max(deps.deadlineMs, now) + LOCK_MARGIN_MS)) {
      // Read again under the lock, so the render includes everything appended so far.
      const fresh = await store.readDigest(channel, window);
      const message = renderStormDigest(fresh.entries, window, policy.maxPostsPerWindow);
      const ts = fresh.ts ?? (await poster.post(channel, message)).ts;
      if (fresh.ts) await poster.update(channel, fresh.ts, message);
      await store.saveDigestRender(channel, window, {
        ts,
        renderedLength: fresh.entries.length,
        nextRenderAtMs: now + policy.renderIntervalMs,
      });
      return { ts, position };
    }
    // Poll rather than sleep the whole lock: a render in progress usually ends long before its lock would.
    const wait = Math.min(Math.max(digest.renderLockUntilMs - now, 50), policy.pollMs);
    if (now + wait > deps.deadlineMs) {
      throw new DigestTimeoutError(`Gave up waiting for the storm digest in ${channel} to show entry ${position}`);
    }
    await deps.sleep(wait);
  }
}
